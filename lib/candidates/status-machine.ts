import type { CandidatureStatus } from "@/lib/db/generated/enums";

// ¶8 and GR170: a candidature is announced, becomes formal when the Secretary-General
// formally receives it (by the deadline), and then ends withdrawn, elected or not elected.
// Nothing else moves: a formal candidature does not go back, and an ended one stays ended.
export const STATUSES = ["ANNOUNCED", "FORMAL", "WITHDRAWN", "ELECTED", "NOT_ELECTED"] as const satisfies readonly CandidatureStatus[];

const MOVES: Record<CandidatureStatus, readonly CandidatureStatus[]> = {
  ANNOUNCED: ["FORMAL"],
  FORMAL: ["WITHDRAWN", "ELECTED", "NOT_ELECTED"],
  WITHDRAWN: [],
  ELECTED: [],
  NOT_ELECTED: [],
};

/** The statuses a candidature may move to next (the status form offers only these). */
export function allowedMoves(from: CandidatureStatus): readonly CandidatureStatus[] {
  return MOVES[from];
}

/** Only the secretariat may still correct these (name, post, nominating state). */
export function isEditable(status: CandidatureStatus): boolean {
  return status === "ANNOUNCED" || status === "FORMAL";
}

export type MoveRefusal = {
  /** Catalog key saying why, in adminCandidates. */
  messageKey: string;
  /** The form field the refusal is about, if any. */
  field?: "to" | "formallyReceivedAt";
};

export type Move = {
  from: CandidatureStatus;
  to: CandidatureStatus;
  /** Required for the move to FORMAL. */
  formallyReceivedAt: Date | null;
  /** The deadline in force (lib/elections/deadline.ts): GR170's, or the secretariat's override, which replaces it. */
  deadline: Date;
  now: Date;
};

function refusal(messageKey: string, field?: MoveRefusal["field"]): MoveRefusal {
  return { messageKey: `adminCandidates.${messageKey}`, field };
}

/** Why a move is refused, or null when it is allowed. */
export function moveRefusal({ from, to, formallyReceivedAt, deadline, now }: Move): MoveRefusal | null {
  if (from === to) return refusal("move.same", "to");
  if (MOVES[from].length === 0) return refusal("move.final", "to");
  if (!MOVES[from].includes(to)) {
    if (from === "FORMAL" && to === "ANNOUNCED") return refusal("move.backwards", "to");
    return refusal("move.notFormalYet", "to");
  }
  if (to !== "FORMAL") return null;
  if (!formallyReceivedAt) return refusal("receivedRequired", "formallyReceivedAt");
  if (formallyReceivedAt.getTime() > now.getTime()) return refusal("receivedInFuture", "formallyReceivedAt");
  // GR170: received after the deadline in force is too late (an override moves the deadline).
  if (formallyReceivedAt.getTime() > deadline.getTime()) return refusal("receivedAfterDeadline", "formallyReceivedAt");
  return null;
}
