// Finer clocks and the split of the equal slot (docs/fairness.md#finer-clocks): pure, shared by
// the services, the live panel, the projector and the tests. Like the phase clock
// (live-rules.ts), nothing ticks: a clock is its start, moved on by every pause, and a limit.

const MINUTE_MS = 60_000;

/** What a hearing sets for its finer clocks and its split. */
export type ClockSettings = {
  presentationMinutes: number;
  qaMinutes: number;
  questionLimitSeconds: number | null;
  answerLimitSeconds: number | null;
  splitAllowed: boolean;
  minPresentationMinutes: number | null;
  minQaMinutes: number | null;
};

/** A slot's split, as stored (null: the hearing's equal pair). */
export type SlotSplit = { plannedPresentationMs: number | null; plannedQaMs: number | null };

export type SlotPlan = { presentationMs: number; qaMs: number; split: boolean };

/**
 * The durations a slot's clock runs on: the candidate's own split when the hearing allows one and
 * it still adds up to the equal total (a split left from before a change of the equal pair is not
 * used: the total is what must be equal), else the hearing's pair.
 */
export function slotPlan(hearing: PlanSettings, slot: SlotSplit | null): SlotPlan {
  const presentationMs = hearing.presentationMinutes * MINUTE_MS;
  const qaMs = hearing.qaMinutes * MINUTE_MS;
  if (!slot || !storedSplitUsable(hearing, slot)) return { presentationMs, qaMs, split: false };
  return { presentationMs: slot.plannedPresentationMs as number, qaMs: slot.plannedQaMs as number, split: slot.plannedPresentationMs !== presentationMs };
}

/** What a slot's plan depends on; the bounds when the caller has them (a split outside them is not used either). */
export type PlanSettings = Pick<ClockSettings, "presentationMinutes" | "qaMinutes" | "splitAllowed"> &
  Partial<Pick<ClockSettings, "minPresentationMinutes" | "minQaMinutes">>;

/** A stored split that still fits the hearing as it now stands: the split allowed, the same total, within the bounds. */
function storedSplitUsable(hearing: PlanSettings, slot: SlotSplit): boolean {
  if (!hearing.splitAllowed || slot.plannedPresentationMs === null || slot.plannedQaMs === null) return false;
  const totalMs = (hearing.presentationMinutes + hearing.qaMinutes) * MINUTE_MS;
  if (slot.plannedPresentationMs + slot.plannedQaMs !== totalMs) return false;
  if (hearing.minPresentationMinutes === undefined && hearing.minQaMinutes === undefined) return true;
  const minPresentationMs = (hearing.minPresentationMinutes ?? 1) * MINUTE_MS;
  const minQaMs = (hearing.minQaMinutes ?? 1) * MINUTE_MS;
  return slot.plannedPresentationMs >= minPresentationMs && slot.plannedQaMs >= minQaMs;
}

/**
 * A split the candidate chose (or the secretariat entered) that the hearing no longer uses, because
 * the equal pair, the bounds or the permission changed since: the candidate has the equal pair
 * until they choose again, and both the console and the workspace say so.
 */
export function splitStale(hearing: PlanSettings, slot: SlotSplit): boolean {
  return slot.plannedPresentationMs !== null && !storedSplitUsable(hearing, slot);
}

/** The bounds a split of the slot must keep, in whole minutes of presentation. */
export function splitBounds(hearing: ClockSettings): { minPresentation: number; maxPresentation: number; totalMinutes: number } {
  const totalMinutes = hearing.presentationMinutes + hearing.qaMinutes;
  const minPresentation = hearing.minPresentationMinutes ?? 1;
  const maxPresentation = totalMinutes - (hearing.minQaMinutes ?? 1);
  return { minPresentation, maxPresentation, totalMinutes };
}

/** Why a split of `presentationMinutes` is refused (a key of the "hearingClocks.errors" catalog), or null. */
export function splitRefusal(hearing: ClockSettings, presentationMinutes: number): "splitNotAllowed" | "splitOutOfBounds" | null {
  if (!hearing.splitAllowed) return "splitNotAllowed";
  const { minPresentation, maxPresentation } = splitBounds(hearing);
  if (presentationMinutes < minPresentation || presentationMinutes > maxPresentation) return "splitOutOfBounds";
  return null;
}

/** Why the bounds do not fit the equal slot, or null. */
export function boundsRefusal(settings: ClockSettings): "boundsTooLarge" | null {
  if (!settings.splitAllowed) return null;
  const min = (settings.minPresentationMinutes ?? 1) + (settings.minQaMinutes ?? 1);
  return min > settings.presentationMinutes + settings.qaMinutes ? "boundsTooLarge" : null;
}

/**
 * The clock of the question on screen, as published: the question's own clock while it is put,
 * then the answer's. Null when the hearing sets no finer clock or no question is on screen.
 * Without a limit per question, the answer's clock starts when the question goes on screen.
 */
export type QuestionClock = {
  kind: "QUESTION" | "ANSWER";
  /** When this clock started, moved on by the pauses since. */
  startedAt: string;
  /** Null: no limit for this part, the clock counts up. */
  limitMs: number | null;
};

export function questionClockOf(
  hearing: Pick<ClockSettings, "questionLimitSeconds" | "answerLimitSeconds"> & { questionClockStartedAt: Date | null; answerClockStartedAt: Date | null },
): QuestionClock | null {
  if (hearing.questionLimitSeconds === null && hearing.answerLimitSeconds === null) return null;
  const answerLimitMs = hearing.answerLimitSeconds === null ? null : hearing.answerLimitSeconds * 1000;
  if (hearing.answerClockStartedAt) return { kind: "ANSWER", startedAt: hearing.answerClockStartedAt.toISOString(), limitMs: answerLimitMs };
  if (!hearing.questionClockStartedAt) return null;
  if (hearing.questionLimitSeconds === null) return { kind: "ANSWER", startedAt: hearing.questionClockStartedAt.toISOString(), limitMs: answerLimitMs };
  return { kind: "QUESTION", startedAt: hearing.questionClockStartedAt.toISOString(), limitMs: hearing.questionLimitSeconds * 1000 };
}

/** Whether the chair may say the answer begins: a question put under its own limit, its answer not begun. */
export function answerMayBegin(hearing: {
  questionLimitSeconds: number | null;
  currentQuestionId: string | null;
  questionClockStartedAt: Date | null;
  answerClockStartedAt: Date | null;
}): boolean {
  return (
    hearing.questionLimitSeconds !== null &&
    hearing.currentQuestionId !== null &&
    hearing.questionClockStartedAt !== null &&
    hearing.answerClockStartedAt === null
  );
}

/**
 * The question clock's starts after a resume: moved on by the pause's length, as the phase's start
 * is (live-rules.ts), so that a pause stops these clocks too.
 */
export function resumedQuestionClock(
  clock: { questionClockStartedAt: Date | null; answerClockStartedAt: Date | null },
  pausedAt: Date,
  now: Date,
): { questionClockStartedAt: Date | null; answerClockStartedAt: Date | null } {
  // A clock started during the pause (a question put on screen while paused) stood still from its start only.
  const shift = (at: Date | null) => (at ? new Date(at.getTime() + Math.max(0, now.getTime() - Math.max(pausedAt.getTime(), at.getTime()))) : null);
  return { questionClockStartedAt: shift(clock.questionClockStartedAt), answerClockStartedAt: shift(clock.answerClockStartedAt) };
}

/**
 * Time left on the question clock at `serverNow` (negative once over), or, without a limit, the
 * time elapsed; a pause stops it like the phase clock.
 */
export function questionClockReading(
  clock: QuestionClock,
  pausedAt: string | null,
  serverNow: number,
): { elapsedMs: number; leftMs: number | null; over: boolean } {
  const until = pausedAt ? Date.parse(pausedAt) : serverNow;
  const elapsed = Math.max(0, until - Date.parse(clock.startedAt));
  if (clock.limitMs === null) return { elapsedMs: elapsed, leftMs: null, over: false };
  const left = clock.limitMs - elapsed;
  return { elapsedMs: elapsed, leftMs: left, over: left < 0 };
}
