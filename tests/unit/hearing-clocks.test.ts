import { describe, expect, it } from "vitest";
import {
  answerMayBegin,
  boundsRefusal,
  questionClockOf,
  questionClockReading,
  resumedQuestionClock,
  slotPlan,
  splitBounds,
  splitRefusal,
  splitStale,
  type ClockSettings,
} from "@/lib/hearings/clocks-rules";
import { comparableTotal, parityReport, type ParitySlot } from "@/lib/hearings/parity";

const MIN = 60_000;
const settings: ClockSettings = {
  presentationMinutes: 15,
  qaMinutes: 15,
  questionLimitSeconds: 60,
  answerLimitSeconds: 180,
  splitAllowed: true,
  minPresentationMinutes: 5,
  minQaMinutes: 10,
};
const at = (s: string) => new Date(`2030-10-27T09:${s}Z`);

describe("the split of the equal slot (docs/fairness.md#finer-clocks)", () => {
  it("uses the candidate's split only when allowed and equal in total", () => {
    expect(slotPlan(settings, { plannedPresentationMs: 10 * MIN, plannedQaMs: 20 * MIN })).toEqual({ presentationMs: 10 * MIN, qaMs: 20 * MIN, split: true });
    expect(slotPlan({ ...settings, splitAllowed: false }, { plannedPresentationMs: 10 * MIN, plannedQaMs: 20 * MIN })).toMatchObject({
      split: false,
      presentationMs: 15 * MIN,
    });
    // Left from before the equal pair changed: not equal in total, not used.
    expect(slotPlan(settings, { plannedPresentationMs: 10 * MIN, plannedQaMs: 10 * MIN })).toMatchObject({ split: false, qaMs: 15 * MIN });
    expect(slotPlan(settings, null)).toMatchObject({ split: false });
  });

  it("calls a split stale when the hearing no longer uses it: another total, outside the bounds, or no split allowed", () => {
    const chosen = { plannedPresentationMs: 10 * MIN, plannedQaMs: 20 * MIN };
    expect(splitStale(settings, chosen)).toBe(false);
    expect(splitStale({ ...settings, qaMinutes: 10 }, chosen)).toBe(true);
    expect(splitStale({ ...settings, minPresentationMinutes: 12 }, chosen)).toBe(true);
    expect(slotPlan({ ...settings, minPresentationMinutes: 12 }, chosen)).toMatchObject({ split: false, presentationMs: 15 * MIN });
    expect(splitStale({ ...settings, splitAllowed: false }, chosen)).toBe(true);
    expect(splitStale(settings, { plannedPresentationMs: null, plannedQaMs: null })).toBe(false);
  });

  it("keeps the bounds", () => {
    expect(splitBounds(settings)).toEqual({ minPresentation: 5, maxPresentation: 20, totalMinutes: 30 });
    expect(splitRefusal(settings, 4)).toBe("splitOutOfBounds");
    expect(splitRefusal(settings, 21)).toBe("splitOutOfBounds");
    expect(splitRefusal(settings, 20)).toBeNull();
    expect(splitRefusal({ ...settings, splitAllowed: false }, 10)).toBe("splitNotAllowed");
    expect(boundsRefusal({ ...settings, minPresentationMinutes: 20, minQaMinutes: 11 })).toBe("boundsTooLarge");
    expect(boundsRefusal({ ...settings, minPresentationMinutes: 20, minQaMinutes: 10 })).toBeNull();
  });
});

describe("the question's and the answer's clocks", () => {
  const onScreen = { ...settings, questionClockStartedAt: at("00:00"), answerClockStartedAt: null };

  it("runs the question's clock, then the answer's", () => {
    expect(questionClockOf(onScreen)).toEqual({ kind: "QUESTION", startedAt: at("00:00").toISOString(), limitMs: 60_000 });
    expect(questionClockOf({ ...onScreen, answerClockStartedAt: at("01:10") })).toEqual({
      kind: "ANSWER",
      startedAt: at("01:10").toISOString(),
      limitMs: 180_000,
    });
    // Without a limit per question the answer's clock starts with the question on screen.
    expect(questionClockOf({ ...onScreen, questionLimitSeconds: null })).toMatchObject({ kind: "ANSWER", limitMs: 180_000 });
    // No finer clock at all: nothing published.
    expect(questionClockOf({ ...onScreen, questionLimitSeconds: null, answerLimitSeconds: null })).toBeNull();
    expect(questionClockOf({ ...onScreen, questionClockStartedAt: null })).toBeNull();
  });

  it("reads the time left, the overrun, and counts up without a limit", () => {
    const clock = { kind: "QUESTION" as const, startedAt: at("00:00").toISOString(), limitMs: 60_000 };
    expect(questionClockReading(clock, null, at("00:45").getTime())).toEqual({ elapsedMs: 45_000, leftMs: 15_000, over: false });
    expect(questionClockReading(clock, null, at("01:05").getTime())).toEqual({ elapsedMs: 65_000, leftMs: -5_000, over: true });
    // Paused at 0:30: it stands still.
    expect(questionClockReading(clock, at("00:30").toISOString(), at("05:00").getTime())).toMatchObject({ leftMs: 30_000 });
    expect(questionClockReading({ ...clock, limitMs: null }, null, at("02:00").getTime())).toEqual({ elapsedMs: 120_000, leftMs: null, over: false });
  });

  it("stands still during a pause: a resume moves its start on", () => {
    const resumed = resumedQuestionClock({ questionClockStartedAt: at("00:00"), answerClockStartedAt: null }, at("00:30"), at("02:30"));
    expect(resumed.questionClockStartedAt).toEqual(at("02:00"));
    // A question put on screen during the pause stood still from its own start only.
    expect(resumedQuestionClock({ questionClockStartedAt: at("01:00"), answerClockStartedAt: null }, at("00:30"), at("02:30")).questionClockStartedAt).toEqual(
      at("02:30"),
    );
  });

  it("lets the answer begin once, only under a limit per question", () => {
    const base = { questionLimitSeconds: 60, currentQuestionId: "q", questionClockStartedAt: at("00:00"), answerClockStartedAt: null };
    expect(answerMayBegin(base)).toBe(true);
    expect(answerMayBegin({ ...base, answerClockStartedAt: at("00:50") })).toBe(false);
    expect(answerMayBegin({ ...base, questionLimitSeconds: null })).toBe(false);
    expect(answerMayBegin({ ...base, currentQuestionId: null })).toBe(false);
  });
});

describe("the parity report with splits and accommodations (docs/fairness.md#accommodation)", () => {
  const slot = (over: Partial<ParitySlot>): ParitySlot => ({
    candidateId: "c",
    name: "C",
    position: 1,
    presentationActualMs: 15 * MIN,
    qaActualMs: 15 * MIN,
    extensions: [],
    drawnQuestions: [],
    ...over,
  });

  it("takes out only the overrun an accommodation covered", () => {
    expect(comparableTotal(33 * MIN, 30 * MIN, 5 * MIN)).toBe(30 * MIN);
    expect(comparableTotal(36 * MIN, 30 * MIN, 5 * MIN)).toBe(31 * MIN);
    // Not used: nothing taken off.
    expect(comparableTotal(29 * MIN, 30 * MIN, 5 * MIN)).toBe(29 * MIN);
  });

  it("lists accommodations apart and does not count them as unequal time", () => {
    const report = parityReport({
      presentationMinutes: 15,
      qaMinutes: 15,
      questionsPerCandidate: 3,
      splitAllowed: true,
      slots: [
        slot({ candidateId: "a", name: "A", position: 1 }),
        slot({
          candidateId: "b",
          name: "B",
          position: 2,
          presentationActualMs: 18 * MIN,
          extensions: [{ phase: "PRESENTATION", addedMs: 3 * MIN, reason: "Screen reader set-up", at: "2030-10-27T09:00:00Z", kind: "DISABILITY" }],
        }),
        slot({
          candidateId: "c",
          name: "C",
          position: 3,
          presentationActualMs: 10 * MIN,
          qaActualMs: 21 * MIN,
          plannedPresentationMs: 10 * MIN,
          plannedQaMs: 20 * MIN,
          extensions: [{ phase: "QA", addedMs: MIN, reason: "The chair's ordinary extension", at: "2030-10-27T10:00:00Z" }],
        }),
      ],
    });
    const [a, b, c] = report.rows;
    expect(b?.accommodations).toEqual([
      { phase: "PRESENTATION", kind: "DISABILITY", addedMs: 3 * MIN, reason: "Screen reader set-up", at: "2030-10-27T09:00:00.000Z" },
    ]);
    expect(b?.extensions).toEqual([]);
    expect(b?.presentation).toMatchObject({ extendedMs: 0, accommodatedMs: 3 * MIN, differenceMs: 3 * MIN });
    expect(b?.comparableTotalMs).toBe(30 * MIN);
    // The split is measured against its own plan; the ordinary extension is unequal time.
    expect(c?.split).toBe(true);
    expect(c?.qa).toMatchObject({ plannedMs: 20 * MIN, extendedMs: MIN, differenceMs: MIN });
    expect(c?.comparableTotalMs).toBe(31 * MIN);
    expect(a?.split).toBe(false);
    expect(report.splitsDiffer).toBe(true);
    // 31 − 30: the accommodation is not in the spread, the extension is.
    expect(report.spreadMs).toBe(MIN);
  });
});
