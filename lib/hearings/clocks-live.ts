import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { answerMayBegin, resumedQuestionClock, slotPlan } from "./clocks-rules";

// The chair's moves and the finer clocks (docs/fairness.md#finer-clocks): what the moves of
// lib/hearings/live.ts read and write for the question's and the answer's clocks, and the
// durations of the current slot's phases when the candidate split the equal slot.

const MINUTE_MS = 60_000;

/**
 * The hearing as the state machine (live-rules.ts) should see it for the current slot: its
 * presentation and Q&A durations are the candidate's own split, when there is one.
 */
export async function withSlotPlan<H extends { id: string; currentSlotId: string | null; presentationMinutes: number; qaMinutes: number }>(
  tx: Tx,
  hearing: H,
): Promise<H> {
  if (!hearing.currentSlotId) return hearing;
  const [settings, slot] = await Promise.all([
    tx.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { splitAllowed: true, minPresentationMinutes: true, minQaMinutes: true } }),
    tx.hearingSlot.findUnique({ where: { id: hearing.currentSlotId }, select: { plannedPresentationMs: true, plannedQaMs: true } }),
  ]);
  const plan = slotPlan({ ...settings, presentationMinutes: hearing.presentationMinutes, qaMinutes: hearing.qaMinutes }, slot);
  return { ...hearing, presentationMinutes: plan.presentationMs / MINUTE_MS, qaMinutes: plan.qaMs / MINUTE_MS };
}

/** On a resume, the question's and the answer's clocks stand still for the pause, as the phase's does. */
export async function resumeQuestionClock(tx: Tx, hearing: { id: string; pausedAt: Date | null }, now: Date): Promise<Record<string, unknown>> {
  if (!hearing.pausedAt) return {};
  const clock = await tx.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { questionClockStartedAt: true, answerClockStartedAt: true } });
  if (!clock.questionClockStartedAt && !clock.answerClockStartedAt) return {};
  return resumedQuestionClock(clock, hearing.pausedAt, now);
}

/** Fields that take the question clock down with the question on screen. */
export const NO_QUESTION_CLOCK = { questionClockStartedAt: null, answerClockStartedAt: null } as const;

/**
 * "Answer begins": the question's own clock ends and the answer's starts. Only for a question
 * on screen under a limit per question, once (a second press is refused, as well as stale).
 */
export async function beginAnswerOn(tx: Tx, hearing: { id: string; currentQuestionId: string | null }, now: Date) {
  const clock = await tx.hearing.findUniqueOrThrow({
    where: { id: hearing.id },
    select: { questionLimitSeconds: true, currentQuestionId: true, questionClockStartedAt: true, answerClockStartedAt: true, pausedAt: true },
  });
  if (!answerMayBegin(clock) || !clock.currentQuestionId) throw new DomainError("CONFLICT", { messageKey: "hearingClocks.errors.answerCannotBegin" });
  // While paused the answer's clock starts standing still: its start is the pause's.
  const at = clock.pausedAt ?? now;
  await tx.hearing.update({ where: { id: hearing.id }, data: { answerClockStartedAt: at }, select: { id: true } });
  await tx.hearingQuestion.update({ where: { id: clock.currentQuestionId }, data: { answerStartedAt: at }, select: { id: true } });
  return { questionId: clock.currentQuestionId, answerStartedAt: at.toISOString() };
}
