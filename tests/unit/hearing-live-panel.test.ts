import { describe, expect, it } from "vitest";
import { askableCandidates, formatClock, timeLeftMs } from "@/components/hearing/live-clock";

// The live panel's clock and the viewers' choice of candidate (docs/domain.md#live-clock): computed in the
// browser from the public state, never ticked by the server.

const START = "2030-10-27T06:00:00.000Z";
const at = (seconds: number) => Date.parse(START) + seconds * 1000;

describe("timeLeftMs", () => {
  it("counts down from the phase's duration on the server's clock", () => {
    expect(timeLeftMs({ phaseStartedAt: START, durationMs: 300_000, pausedAt: null }, at(61))).toBe(239_000);
  });

  it("stands still while paused, whatever the time now", () => {
    const paused = { phaseStartedAt: START, durationMs: 300_000, pausedAt: new Date(at(100)).toISOString() };
    expect(timeLeftMs(paused, at(100))).toBe(200_000);
    expect(timeLeftMs(paused, at(500))).toBe(200_000);
  });

  it("goes negative once the phase runs over, and is null between phases", () => {
    expect(timeLeftMs({ phaseStartedAt: START, durationMs: 60_000, pausedAt: null }, at(75))).toBe(-15_000);
    expect(timeLeftMs({ phaseStartedAt: null, durationMs: null, pausedAt: null }, at(1))).toBeNull();
  });

  it("never counts time before the phase began (a browser clock behind the server's)", () => {
    expect(timeLeftMs({ phaseStartedAt: START, durationMs: 60_000, pausedAt: null }, at(-5))).toBe(60_000);
  });
});

describe("formatClock", () => {
  it("shows m:ss, rounding a part second up, and h:mm:ss from an hour", () => {
    expect(formatClock(299_200)).toBe("5:00");
    expect(formatClock(59_000)).toBe("0:59");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(-15_000)).toBe("0:15");
    expect(formatClock(3_725_000)).toBe("1:02:05");
  });
});

describe("askableCandidates", () => {
  const order = [
    { candidateId: "a", name: "A", position: 1 },
    { candidateId: "b", name: "B", position: 2 },
    { candidateId: "c", name: "C", position: 3 },
  ];

  it("offers everyone before the start, the speaker and those after once live, nobody after the end", () => {
    expect(askableCandidates(order, { status: "SCHEDULED", candidate: null }).map((c) => c.candidateId)).toEqual(["a", "b", "c"]);
    expect(askableCandidates(order, { status: "LIVE", candidate: { id: "b", name: "B", position: 2 } }).map((c) => c.candidateId)).toEqual(["b", "c"]);
    expect(askableCandidates(order, { status: "ENDED", candidate: null })).toEqual([]);
  });
});
