import { describe, expect, it } from "vitest";
import { offsetFrom } from "@/lib/hearings/state-endpoint-poll";
import { FALLBACK, firstPollDelay, fullProbeDelay, pollDelay, shouldPoll, stateUrl } from "@/lib/hearings/state-endpoint-schedule";

// The live panel's fallback to polling the hearing's state (lib/hearings/state-endpoint-schedule.ts,
// docs/decisions/035-state-endpoint-and-50k-viewers.md): when it polls, how often, and when it
// tries the stream again; every wait jittered so that a crowd turned away at once is spread.

/** A deterministic stand-in for Math.random: evenly spread values in [0, 1). */
function spread(n: number): () => number {
  let i = 0;
  return () => (i++ % n) / n;
}

const HIGHEST = () => 0.999999;
const LOWEST = () => 0;

describe("when the panel polls", () => {
  it("polls at once when the audience is full, and after a few stream failures in a row otherwise", () => {
    expect(shouldPoll("FULL", 0)).toBe(true);
    expect(shouldPoll("UNAVAILABLE", 1)).toBe(false);
    expect(shouldPoll("UNAVAILABLE", FALLBACK.afterFailures)).toBe(true);
    expect(shouldPoll("UNAVAILABLE", FALLBACK.afterFailures + 5)).toBe(true);
  });

  it("spreads the first poll of a crowd that fell back at once over its window", () => {
    const viewers = 1_000;
    const random = spread(viewers);
    const perQuarterSecond = new Map<number, number>();
    for (let i = 0; i < viewers; i += 1) {
      const delay = firstPollDelay(random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(FALLBACK.firstPollWindowMs);
      perQuarterSecond.set(Math.floor(delay / 250), (perQuarterSecond.get(Math.floor(delay / 250)) ?? 0) + 1);
    }
    const slots = FALLBACK.firstPollWindowMs / 250;
    expect(perQuarterSecond.size).toBe(slots);
    for (const count of perQuarterSecond.values()) expect(count).toBeLessThanOrEqual(Math.ceil(viewers / slots));
  });
});

describe("how often it polls", () => {
  it("asks every 2 to 5 seconds while answered, jittered", () => {
    expect(pollDelay(0, null, LOWEST)).toBe(FALLBACK.pollMinMs);
    expect(pollDelay(0, null, HIGHEST)).toBeLessThan(FALLBACK.pollMaxMs);
    expect(pollDelay(0, null, HIGHEST)).toBeGreaterThan(FALLBACK.pollMaxMs - 10);
    expect(FALLBACK.pollMinMs).toBeGreaterThanOrEqual(2_000);
    expect(FALLBACK.pollMaxMs).toBeLessThanOrEqual(5_000);
  });

  it("slows down after failed polls, doubling up to a cap, jittered in the upper half of the window", () => {
    const windows = [1, 2, 3, 4, 5, 20].map((errors) => [pollDelay(errors, null, LOWEST), pollDelay(errors, null, HIGHEST)]);
    expect(windows[0]).toEqual([FALLBACK.errorFirstMs / 2, FALLBACK.errorFirstMs - 1]);
    expect(windows[1]?.[0]).toBe(FALLBACK.errorFirstMs);
    for (const [low = 0, high = 0] of windows) {
      expect(low).toBeGreaterThanOrEqual(FALLBACK.errorFirstMs / 2);
      expect(high).toBeLessThan(FALLBACK.errorCapMs);
      expect(high).toBeGreaterThanOrEqual(low);
    }
    expect(windows[5]?.[1]).toBeGreaterThan(FALLBACK.errorCapMs * 0.99);
  });

  it("waits at least what the server's Retry-After says, and ignores a nonsense one", () => {
    expect(pollDelay(1, 30, LOWEST)).toBe(30_000);
    expect(pollDelay(1, 1, LOWEST)).toBe(FALLBACK.errorFirstMs / 2);
    expect(pollDelay(1, Number.NaN, LOWEST)).toBe(FALLBACK.errorFirstMs / 2);
    expect(pollDelay(1, 1e9, LOWEST)).toBe(300_000);
  });

  it("survives a broken random source", () => {
    for (const random of [() => Number.NaN, () => -1, () => 2]) {
      for (const delay of [pollDelay(0, null, random), pollDelay(3, null, random), firstPollDelay(random), fullProbeDelay(2, random)]) {
        expect(Number.isFinite(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("when it tries the stream again after FULL", () => {
  it("waits a long, growing, jittered while, never more than the cap", () => {
    expect(fullProbeDelay(0, LOWEST)).toBe(FALLBACK.fullProbeFirstMs / 2);
    expect(fullProbeDelay(0, HIGHEST)).toBeLessThan(FALLBACK.fullProbeFirstMs);
    expect(fullProbeDelay(1, LOWEST)).toBe(FALLBACK.fullProbeFirstMs);
    expect(fullProbeDelay(50, HIGHEST)).toBeLessThan(FALLBACK.fullProbeCapMs);
    expect(fullProbeDelay(50, HIGHEST)).toBeGreaterThan(FALLBACK.fullProbeCapMs * 0.99);
  });

  it("spreads a crowd refused at once: at 10,000 viewers, the stream is asked again at most a few hundred times a second", () => {
    const viewers = 10_000;
    const random = spread(viewers);
    const perSecond = new Map<number, number>();
    for (let i = 0; i < viewers; i += 1) {
      const second = Math.floor(fullProbeDelay(0, random) / 1_000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    // Spread over [15 s, 30 s): 15 seconds, ~667 a second.
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(Math.ceil(viewers / (FALLBACK.fullProbeFirstMs / 2 / 1_000)));
  });
});

describe("the polled state's clock offset", () => {
  it("moves a CDN's copy on by its Age", () => {
    const now = Date.parse("2026-12-03T12:00:10.000Z");
    expect(offsetFrom("2026-12-03T12:00:10.000Z", null, now)).toBe(0);
    expect(offsetFrom("2026-12-03T12:00:08.000Z", "2", now)).toBe(0);
    expect(offsetFrom("2026-12-03T12:00:12.500Z", "nonsense", now)).toBe(2_500);
  });

  it("asks the hearing's own address", () => {
    expect(stateUrl("abc_1")).toBe("/api/hearings/abc_1/state");
    expect(stateUrl("a/b")).toBe("/api/hearings/a%2Fb/state");
  });
});
