import type { HearingAskerKind } from "@/lib/db/generated/enums";

// Who asks a hearing question, and what the portal can check of it (docs/fairness.md#question-sources,
// docs/fairness.md#no-self-questioning, docs/decisions/044-question-sources.md). Pure: the
// services enforce these rules at entry and the forms show the same kinds.

export const ASKER_KINDS = ["MEMBER_STATE", "SECTOR_MEMBER", "PUBLIC", "PRESS"] as const satisfies readonly HearingAskerKind[];

/** The kinds whose asker must name an organisation or outlet (askerOrigin). */
export const KINDS_NEEDING_ORIGIN: readonly HearingAskerKind[] = ["SECTOR_MEMBER", "PRESS"];

/** The chair's reason for setting a question aside: short, published with the open pool. */
export const SET_ASIDE_REASON_LIMITS = { min: 3, max: 300 } as const;

export type SourceRefusal =
  /** Declared as a Member State question of the candidate's nominating state. */
  | "selfQuestioningState"
  /** Asked by a signed-in account of the candidate's nominating state's administration. */
  | "selfQuestioningAccount"
  /** A signed-in member of one administration declared another state. */
  | "otherState";

export type SourceFacts = {
  kind: HearingAskerKind;
  /** The declared state (MEMBER_STATE only). */
  stateId: string | null;
  /** The signed-in asker's administration, when the account has one (webcast only: on a room card the account is the secretariat's, not the asker's). */
  accountStateId: string | null;
  /** The nominating state of the candidate the question is for. */
  candidateStateId: string;
};

/**
 * Why a question is refused at entry, or null. The self-questioning rule comes first: a
 * question of the candidate's own state is refused whichever way it arrives.
 */
export function sourceRefusal(facts: SourceFacts): SourceRefusal | null {
  if (facts.kind === "MEMBER_STATE" && facts.stateId === facts.candidateStateId) return "selfQuestioningState";
  if (facts.accountStateId !== null && facts.accountStateId === facts.candidateStateId) return "selfQuestioningAccount";
  if (facts.kind === "MEMBER_STATE" && facts.accountStateId !== null && facts.stateId !== facts.accountStateId) return "otherState";
  return null;
}

/**
 * Whether the portal vouches for the declared source of a webcast question: a signed-in member
 * of an administration asking as that state. Everything else stays "declared".
 */
export function accountChecksSource(facts: Pick<SourceFacts, "kind" | "stateId" | "accountStateId">): boolean {
  return facts.kind === "MEMBER_STATE" && facts.accountStateId !== null && facts.stateId === facts.accountStateId;
}

/** The field a refusal belongs to on the forms. */
export function refusalField(refusal: SourceRefusal): "askerState" | "askerKind" {
  return refusal === "selfQuestioningAccount" ? "askerKind" : "askerState";
}
