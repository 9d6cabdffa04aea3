import { describe, expect, it } from "vitest";
import { applyMove, elapsedMs, phaseClock, runningOrder, type LiveHearing, type Move, type MoveResult, type RunningSlot } from "@/lib/hearings/live-rules";

const T0 = new Date("2030-10-27T05:30:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const slots: RunningSlot[] = [
  { id: "slot-b", position: 2, presentationStartedAt: null },
  { id: "slot-a", position: 1, presentationStartedAt: null },
];

const scheduled: LiveHearing = {
  status: "SCHEDULED",
  currentSlotId: null,
  phase: "IDLE",
  phaseStartedAt: null,
  phaseDurationMs: null,
  pausedAt: null,
  presentationMinutes: 15,
  qaMinutes: 10,
};

function ok(result: MoveResult) {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.transition;
}

/** Plays moves in order from `from`, each at its own second, returning the hearing after each. */
function play(from: LiveHearing, moves: Array<[number, Move]>, withSlots: RunningSlot[] = slots): LiveHearing {
  let hearing = from;
  for (const [second, move] of moves) hearing = { ...hearing, ...ok(applyMove(hearing, withSlots, move, at(second))).state };
  return hearing;
}

const live = play(scheduled, [[0, { type: "start" }]]);
const presenting = play(live, [[10, { type: "startPresentation" }]]);
const inQa = play(presenting, [[910, { type: "startQa" }]]);

describe("starting the hearing", () => {
  it("goes live at the first slot of the running order, idle", () => {
    const t = ok(applyMove(scheduled, slots, { type: "start" }, at(0)));
    expect(t.state).toEqual({ status: "LIVE", currentSlotId: "slot-a", phase: "IDLE", phaseStartedAt: null, phaseDurationMs: null, pausedAt: null });
    expect(t.slotWrites).toEqual([]);
  });

  it("refuses without a complete running order", () => {
    expect(applyMove(scheduled, [], { type: "start" }, at(0))).toEqual({ ok: false, reason: "noRunningOrder" });
    const undrawn = [...slots, { id: "slot-c", position: null, presentationStartedAt: null }];
    expect(applyMove(scheduled, undrawn, { type: "start" }, at(0))).toEqual({ ok: false, reason: "noRunningOrder" });
  });

  it("refuses to start twice or after the end", () => {
    expect(applyMove(live, slots, { type: "start" }, at(1))).toEqual({ ok: false, reason: "notScheduled" });
    const ended = play(live, [[5, { type: "end" }]]);
    expect(applyMove(ended, slots, { type: "start" }, at(6))).toEqual({ ok: false, reason: "notScheduled" });
  });

  it("refuses every other move before the hearing is live", () => {
    for (const type of ["startPresentation", "startQa", "pause", "resume", "next", "end"] as const) {
      expect(applyMove(scheduled, slots, { type }, at(0))).toEqual({ ok: false, reason: "notLive" });
    }
    expect(applyMove(scheduled, slots, { type: "extend", addedMs: 60_000 }, at(0))).toEqual({ ok: false, reason: "notLive" });
  });

  it("orders slots by drawn position, leaving undrawn ones out", () => {
    expect(runningOrder([...slots, { id: "x", position: null, presentationStartedAt: null }]).map((s) => s.id)).toEqual(["slot-a", "slot-b"]);
  });
});

describe("a candidate's presentation and questions", () => {
  it("starts the presentation with the planned time and records its start on the slot", () => {
    const t = ok(applyMove(live, slots, { type: "startPresentation" }, at(10)));
    expect(t.state).toMatchObject({ phase: "PRESENTATION", phaseStartedAt: at(10), phaseDurationMs: 15 * 60_000, pausedAt: null });
    expect(t.slotWrites).toEqual([{ slotId: "slot-a", data: { presentationStartedAt: at(10) } }]);
  });

  it("refuses a presentation while a phase runs, or a second one for the same candidate", () => {
    expect(applyMove(presenting, slots, { type: "startPresentation" }, at(20))).toEqual({ ok: false, reason: "notIdle" });
    expect(applyMove(inQa, slots, { type: "startPresentation" }, at(920))).toEqual({ ok: false, reason: "notIdle" });
    const presented = slots.map((s) => (s.id === "slot-a" ? { ...s, presentationStartedAt: at(10) } : s));
    expect(applyMove(live, presented, { type: "startPresentation" }, at(20))).toEqual({ ok: false, reason: "alreadyPresented" });
  });

  it("moves to Q&A, recording the presentation's actual length and the Q&A start", () => {
    const t = ok(applyMove(presenting, slots, { type: "startQa" }, at(910)));
    expect(t.state).toMatchObject({ phase: "QA", phaseStartedAt: at(910), phaseDurationMs: 10 * 60_000, pausedAt: null });
    expect(t.slotWrites).toEqual([{ slotId: "slot-a", data: { presentationActualMs: 900_000, qaStartedAt: at(910) } }]);
  });

  it("refuses Q&A unless a presentation is running", () => {
    expect(applyMove(live, slots, { type: "startQa" }, at(10))).toEqual({ ok: false, reason: "notInPresentation" });
    expect(applyMove(inQa, slots, { type: "startQa" }, at(920))).toEqual({ ok: false, reason: "notInPresentation" });
  });

  it("moves to the next candidate after Q&A, recording the Q&A length and taking the question down", () => {
    const t = ok(applyMove(inQa, slots, { type: "next" }, at(1510)));
    expect(t.state).toEqual({ status: "LIVE", currentSlotId: "slot-b", phase: "IDLE", phaseStartedAt: null, phaseDurationMs: null, pausedAt: null });
    expect(t.slotWrites).toEqual([{ slotId: "slot-a", data: { qaActualMs: 600_000, finishedAt: at(1510) } }]);
    expect(t.clearQuestion).toBe(true);
  });

  it("refuses the next candidate before Q&A, or after the last one", () => {
    expect(applyMove(live, slots, { type: "next" }, at(5))).toEqual({ ok: false, reason: "qaNotStarted" });
    expect(applyMove(presenting, slots, { type: "next" }, at(50))).toEqual({ ok: false, reason: "qaNotStarted" });
    const lastInQa = play(inQa, [
      [1510, { type: "next" }],
      [1520, { type: "startPresentation" }],
      [1600, { type: "startQa" }],
    ]);
    expect(lastInQa.currentSlotId).toBe("slot-b");
    expect(applyMove(lastInQa, slots, { type: "next" }, at(1700))).toEqual({ ok: false, reason: "lastCandidate" });
  });

  it("ends the hearing from any live phase, recording what was spoken", () => {
    const t = ok(applyMove(inQa, slots, { type: "end" }, at(1000)));
    expect(t.state).toEqual({ status: "ENDED", currentSlotId: null, phase: "IDLE", phaseStartedAt: null, phaseDurationMs: null, pausedAt: null });
    expect(t.slotWrites).toEqual([{ slotId: "slot-a", data: { qaActualMs: 90_000, finishedAt: at(1000) } }]);
    expect(ok(applyMove(presenting, slots, { type: "end" }, at(70))).slotWrites).toEqual([
      { slotId: "slot-a", data: { presentationActualMs: 60_000, finishedAt: at(70) } },
    ]);
    expect(ok(applyMove(live, slots, { type: "end" }, at(5))).slotWrites).toEqual([{ slotId: "slot-a", data: { finishedAt: at(5) } }]);
  });

  it("refuses every move after the end", () => {
    const ended = play(inQa, [[1000, { type: "end" }]]);
    for (const type of ["startPresentation", "startQa", "pause", "resume", "next", "end"] as const) {
      expect(applyMove(ended, slots, { type }, at(1001))).toEqual({ ok: false, reason: "notLive" });
    }
  });
});

describe("pause, resume and extend", () => {
  it("pauses a running phase and refuses to pause twice or when idle", () => {
    const paused = play(presenting, [[70, { type: "pause" }]]);
    expect(paused.pausedAt).toEqual(at(70));
    expect(applyMove(paused, slots, { type: "pause" }, at(80))).toEqual({ ok: false, reason: "alreadyPaused" });
    expect(applyMove(live, slots, { type: "pause" }, at(5))).toEqual({ ok: false, reason: "nothingRunning" });
  });

  it("resumes only a paused phase, shifting its start by the pause", () => {
    expect(applyMove(presenting, slots, { type: "resume" }, at(70))).toEqual({ ok: false, reason: "notPaused" });
    expect(applyMove(live, slots, { type: "resume" }, at(70))).toEqual({ ok: false, reason: "notPaused" });
    const resumed = play(presenting, [
      [70, { type: "pause" }],
      [190, { type: "resume" }],
    ]);
    expect(resumed).toMatchObject({ phaseStartedAt: at(130), pausedAt: null });
  });

  it("extends a running phase (paused or not), logging it against the slot and phase", () => {
    const t = ok(applyMove(inQa, slots, { type: "extend", addedMs: 120_000 }, at(950)));
    expect(t.extension).toEqual({ slotId: "slot-a", phase: "QA", addedMs: 120_000 });
    expect(t.state).toEqual({ status: "LIVE", currentSlotId: "slot-a", phase: "QA", phaseStartedAt: at(910), phaseDurationMs: 600_000, pausedAt: null });
    const paused = play(presenting, [[70, { type: "pause" }]]);
    expect(ok(applyMove(paused, slots, { type: "extend", addedMs: 60_000 }, at(80))).extension?.phase).toBe("PRESENTATION");
    expect(applyMove(live, slots, { type: "extend", addedMs: 60_000 }, at(5))).toEqual({ ok: false, reason: "nothingRunning" });
  });

  it("keeps pauses out of the recorded duration", () => {
    const resumed = play(presenting, [
      [70, { type: "pause" }],
      [190, { type: "resume" }],
    ]);
    // Spoken 10→70 and 190→400: 270 s, though 390 s passed.
    expect(ok(applyMove(resumed, slots, { type: "startQa" }, at(400))).slotWrites[0]?.data.presentationActualMs).toBe(270_000);
    const pausedThenQa = play(presenting, [[70, { type: "pause" }]]);
    expect(ok(applyMove(pausedThenQa, slots, { type: "startQa" }, at(500))).slotWrites[0]?.data.presentationActualMs).toBe(60_000);
  });
});

describe("the clock", () => {
  const running = { phaseStartedAt: at(0), phaseDurationMs: 600_000, pausedAt: null };

  it("counts down from the planned duration", () => {
    expect(phaseClock(running, 0, at(100))).toEqual({ durationMs: 600_000, elapsedMs: 100_000, remainingMs: 500_000, overrunMs: 0, paused: false });
  });

  it("adds extensions to the duration", () => {
    expect(phaseClock(running, 120_000, at(100))).toMatchObject({ durationMs: 720_000, remainingMs: 620_000 });
  });

  it("stands still while paused", () => {
    const paused = { ...running, pausedAt: at(100) };
    const expected = { durationMs: 600_000, elapsedMs: 100_000, remainingMs: 500_000, overrunMs: 0, paused: true };
    expect(phaseClock(paused, 0, at(100))).toEqual(expected);
    expect(phaseClock(paused, 0, at(5000))).toEqual(expected);
  });

  it("continues after a resume where it stopped", () => {
    const resumed = play(presenting, [
      [70, { type: "pause" }],
      [190, { type: "resume" }],
    ]);
    // 60 s spoken before the pause, 10 s after it.
    expect(phaseClock(resumed, 0, at(200))).toMatchObject({ elapsedMs: 70_000, remainingMs: 900_000 - 70_000, paused: false });
  });

  it("shows an overrun once the time is up, never a negative time left", () => {
    expect(phaseClock(running, 60_000, at(700))).toEqual({ durationMs: 660_000, elapsedMs: 700_000, remainingMs: 0, overrunMs: 40_000, paused: false });
  });

  it("has no clock when no phase runs", () => {
    expect(phaseClock({ phaseStartedAt: null, phaseDurationMs: null, pausedAt: null }, 0, at(1))).toBeNull();
    expect(elapsedMs({ phaseStartedAt: null, pausedAt: null }, at(1))).toBe(0);
  });
});
