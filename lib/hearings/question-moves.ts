import type { HearingQuestionStatus } from "@/lib/db/generated/enums";

// The chair's decisions on a question in the queue (docs/domain.md#hearing-questions): approve
// it into the pool the draw is made from, or set it aside; either can be reversed until the
// question is drawn. Once drawn, it belongs to a published draw and is never changed again.
// Pure: the service enforces it and the chair's queue shows only the buttons it allows.

export type QuestionDecision = "APPROVED" | "SET_ASIDE";

const DECIDABLE: readonly HearingQuestionStatus[] = ["PENDING", "APPROVED", "SET_ASIDE"];
const DECISIONS: readonly QuestionDecision[] = ["APPROVED", "SET_ASIDE"];

/** May the chair still approve or set aside a question in `status`? */
export function isUndrawn(status: HearingQuestionStatus): boolean {
  return DECIDABLE.includes(status);
}

/** The decisions the chair may take on a question in `status`: none once drawn, never the one it already has. */
export function questionDecisions(status: HearingQuestionStatus): QuestionDecision[] {
  return isUndrawn(status) ? DECISIONS.filter((d) => d !== status) : [];
}

/** Why `to` is refused for a question in `status` (a key of the "hearingLive" catalog), or null. */
export function decisionRefusal(status: HearingQuestionStatus, to: QuestionDecision): "alreadyApproved" | "alreadySetAside" | "questionDrawn" | null {
  if (status === to) return to === "APPROVED" ? "alreadyApproved" : "alreadySetAside";
  return isUndrawn(status) ? null : "questionDrawn";
}
