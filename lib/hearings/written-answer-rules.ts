// After the hearing (docs/fairness.md#after-the-hearing, docs/decisions/048-written-answers-and-open-pool.md):
// which drawn questions were not reached, until when the candidate may answer them in writing,
// and each question's outcome in the open pool. Pure: shared by the services (which refuse),
// the pages (which show) and the unit tests.

import type { CandidatureStatus } from "@/lib/db/generated/enums";
import { campaignPublishRefusal } from "@/lib/campaign/rules";

/** Days after the hearing's end during which written answers are taken (the deadline is exclusive). */
export const WRITTEN_ANSWER_DAYS = 7;
const DAY_MS = 86_400_000;

/** Limits shared by the form and the service (docs/conventions.md#schemas-and-limits). */
export const WRITTEN_ANSWER_LIMITS = { body: 4000 } as const;

/**
 * When the hearing ended: the chair's end move closes the current candidate's turn at that
 * instant (lib/hearings/live-rules.ts), so it is the latest turn's finish. Null before any.
 */
export function hearingEndedAt(slots: readonly { finishedAt: Date | null }[]): Date | null {
  let latest: number | null = null;
  for (const s of slots) if (s.finishedAt && (latest === null || s.finishedAt.getTime() > latest)) latest = s.finishedAt.getTime();
  return latest === null ? null : new Date(latest);
}

/** The first instant at which a written answer is refused. */
export function writtenAnswerDeadline(endedAt: Date): Date {
  return new Date(endedAt.getTime() + WRITTEN_ANSWER_DAYS * DAY_MS);
}

export type QuestionFate = {
  /** Set when a draw picked the question for its candidate. */
  drawId: string | null;
  status: "PENDING" | "APPROVED" | "SET_ASIDE" | "DRAWN" | "SHOWN" | "ANSWERED";
  answeredAt: Date | string | null;
};

/**
 * Not reached: drawn for the candidate and not answered live — never put (time ran out), or put
 * and not answered before the chair moved on or ended the hearing. Both may be answered in writing.
 */
export function isNotReached(q: QuestionFate): boolean {
  const drawn = q.drawId !== null || q.status === "DRAWN" || q.status === "SHOWN" || q.status === "ANSWERED";
  return drawn && q.status !== "ANSWERED" && q.answeredAt === null;
}

export type HearingAfterFields = {
  rehearsal: boolean;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  closedAt: Date | null;
  /** hearingEndedAt of its slots. */
  endedAt: Date | null;
};

/**
 * Why a written answer to this hearing is refused now, as a "hearingPool" message key, or null.
 * A rehearsal takes none (docs/decisions/018-rehearsal-hearings.md); nor a hearing not yet
 * ended; nor a closed record, which is final (closing ends the window early); nor after the
 * deadline; nor a candidature that may publish nothing new (withdrawn, or the election held).
 */
export function writtenAnswerRefusal(h: HearingAfterFields, candidateStatus: CandidatureStatus, now: Date): string | null {
  if (h.rehearsal) return "hearingPool.answer.rehearsal";
  if (h.status !== "ENDED" || !h.endedAt) return "hearingPool.answer.notEnded";
  if (h.closedAt) return "hearingPool.answer.recordClosed";
  if (now.getTime() >= writtenAnswerDeadline(h.endedAt).getTime()) return "hearingPool.answer.pastDeadline";
  return campaignPublishRefusal(candidateStatus);
}

export const POOL_OUTCOMES = ["ANSWERED_LIVE", "ANSWERED_IN_WRITING", "NOT_REACHED", "APPROVED_NOT_DRAWN", "SET_ASIDE", "NEVER_DECIDED"] as const;
export type PoolOutcome = (typeof POOL_OUTCOMES)[number];

/** A question's outcome in the open pool (docs/fairness.md#after-the-hearing). */
export function poolOutcome(q: QuestionFate & { writtenAnswers: number }): PoolOutcome {
  if (isNotReached(q)) return q.writtenAnswers > 0 ? "ANSWERED_IN_WRITING" : "NOT_REACHED";
  if (q.status === "ANSWERED" || q.answeredAt !== null) return "ANSWERED_LIVE";
  if (q.status === "SET_ASIDE") return "SET_ASIDE";
  if (q.status === "APPROVED") return "APPROVED_NOT_DRAWN";
  return "NEVER_DECIDED";
}

export function isPoolOutcome(value: unknown): value is PoolOutcome {
  return typeof value === "string" && (POOL_OUTCOMES as readonly string[]).includes(value);
}
