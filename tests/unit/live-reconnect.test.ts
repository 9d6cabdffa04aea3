import { describe, expect, it } from "vitest";
import { RECONNECT, reconnectDelay, streamUrl } from "@/lib/hearings/reconnect";

// The live panel's reconnection schedule (lib/hearings/reconnect.ts): exponential backoff
// with full jitter, capped so that a viewer is back soon after the cause is gone.

/** A deterministic stand-in for Math.random: evenly spread values in [0, 1). */
function spread(n: number): () => number {
  let i = 0;
  return () => (i++ % n) / n;
}

describe("reconnectDelay", () => {
  it("waits a random part of a window that doubles with each attempt in a row, up to the cap", () => {
    const windows = [0, 1, 2, 3, 4, 10].map((attempt) => reconnectDelay(attempt, () => 0.999999));
    expect(windows[0]).toBeLessThan(RECONNECT.firstWindowMs);
    expect(windows[0]).toBeGreaterThan(RECONNECT.firstWindowMs * 0.99);
    expect(windows[1]).toBeGreaterThan(RECONNECT.firstWindowMs * 1.99);
    expect(windows.every((w) => w < RECONNECT.capMs)).toBe(true);
    expect(windows[5]).toBeGreaterThan(RECONNECT.capMs * 0.99);
  });

  it("may be anything from no wait to the window: full jitter", () => {
    expect(reconnectDelay(0, () => 0)).toBe(0);
    expect(reconnectDelay(3, () => 0.5)).toBe(Math.floor(0.5 * Math.min(RECONNECT.capMs, RECONNECT.firstWindowMs * 8)));
  });

  it("spreads a crowd that lost its connection at once over the first window: no second gets more than its share", () => {
    const viewers = 1_000;
    const random = spread(viewers);
    const perSecond = new Map<number, number>();
    for (let i = 0; i < viewers; i++) {
      const second = Math.floor(reconnectDelay(0, random) / 1_000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    const seconds = Math.ceil(RECONNECT.firstWindowMs / 1_000);
    expect(perSecond.size).toBe(seconds);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(Math.ceil(viewers / seconds) + 1);
  });

  it("never waits longer than the cap, whatever the attempt or the random source", () => {
    for (const attempt of [-1, 0, 5, 50, 1e9, Number.NaN]) {
      for (const r of [0, 0.5, 0.999999999, 1, 2, -1]) {
        const delay = reconnectDelay(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(RECONNECT.capMs);
      }
    }
  });

  it("stays well under the heartbeat silence that marks a connection dead", () => {
    expect(RECONNECT.capMs).toBeLessThan(RECONNECT.silenceMs);
  });
});

describe("streamUrl", () => {
  it("resumes after the last version seen", () => {
    expect(streamUrl("h1", null)).toBe("/api/hearings/h1/events");
    expect(streamUrl("h1", 0)).toBe("/api/hearings/h1/events?after=0");
    expect(streamUrl("a/b", 12)).toBe("/api/hearings/a%2Fb/events?after=12");
  });
});
