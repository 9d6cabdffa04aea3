// The hearing's stages and what each allows (docs/decisions/014-hearing-record-integrity.md):
// pure, shared by the services (which refuse), the console (which hides) and the tests.
//
// SET_UP → COMMITTED → RUNNING → ENDED → REVEALED → CLOSED. Committing freezes the presenters
// and the draw's parameters; only an explicit, reasoned re-opening (which voids the
// commitment publicly) goes back to SET_UP. Nothing else goes backwards.

export const HEARING_STAGES = ["SET_UP", "COMMITTED", "RUNNING", "ENDED", "REVEALED", "CLOSED"] as const;
export type HearingStage = (typeof HEARING_STAGES)[number];

export type StageFields = {
  status: "SCHEDULED" | "LIVE" | "ENDED";
  /** The active commitment; null when none. */
  seedHash: string | null;
  seedRevealedAt: Date | null;
  closedAt: Date | null;
};

/** Prisma `select` of the fields `hearingStage` reads. */
export const STAGE_FIELDS = { status: true, seedHash: true, seedRevealedAt: true, closedAt: true } as const;

export function hearingStage(h: StageFields): HearingStage {
  if (h.closedAt) return "CLOSED";
  if (h.seedRevealedAt) return "REVEALED";
  if (h.status === "ENDED") return "ENDED";
  if (h.status === "LIVE") return "RUNNING";
  return h.seedHash ? "COMMITTED" : "SET_UP";
}

export type HearingAction =
  /** Create or edit the set-up (what may change per stage: `frozenSetUpFields`). */
  | "editSetUp"
  | "refreshPresenters"
  | "commitSeed"
  | "reopenSetUp"
  | "drawRunningOrder"
  | "start"
  /** The chair's moves while the hearing runs (presentation, Q&A, pause, next, end). */
  | "runMove"
  | "drawQuestions"
  /** Questions sent, typed in from cards, approved or set aside. */
  | "takeQuestions"
  | "revealSeed"
  | "setRecording"
  | "closeRecord"
  | "editCosts";

const ALLOWED: Record<HearingStage, readonly HearingAction[]> = {
  SET_UP: ["editSetUp", "refreshPresenters", "commitSeed", "takeQuestions", "editCosts"],
  COMMITTED: ["editSetUp", "reopenSetUp", "drawRunningOrder", "start", "takeQuestions", "editCosts"],
  RUNNING: ["editSetUp", "runMove", "drawQuestions", "takeQuestions", "editCosts"],
  ENDED: ["editSetUp", "revealSeed", "setRecording", "editCosts"],
  // After the reveal no draw of any kind: the seed is public, a draw would be chosen, not drawn.
  REVEALED: ["editSetUp", "setRecording", "closeRecord", "editCosts"],
  CLOSED: [],
};

export function stageAllows(stage: HearingStage, action: HearingAction): boolean {
  return ALLOWED[stage].includes(action);
}

export const SET_UP_FIELDS = [
  "startsAt",
  "presentationMinutes",
  "qaMinutes",
  "questionsPerCandidate",
  "chairId",
  "venue",
  "webcastKind",
  "webcastSource",
  "webcastAccess",
] as const;
export type SetUpField = (typeof SET_UP_FIELDS)[number];

/**
 * The set-up fields a stage no longer lets change. Committed: equal time and the number of
 * questions (the draw's parameters). Started: also the date and the chair (¶8, checked at the
 * start). Closed: everything.
 */
export function frozenSetUpFields(stage: HearingStage): readonly SetUpField[] {
  switch (stage) {
    case "SET_UP":
      return [];
    case "COMMITTED":
      return ["presentationMinutes", "qaMinutes", "questionsPerCandidate"];
    case "RUNNING":
    case "ENDED":
    case "REVEALED":
      return ["startsAt", "presentationMinutes", "qaMinutes", "questionsPerCandidate", "chairId"];
    case "CLOSED":
      return SET_UP_FIELDS;
  }
}
