import "server-only";
import type { Tx } from "@/lib/db";
import { presentersOf } from "./hearing-admin";
import { chairProblem, presentersChanged, type ChairProblem } from "./rules";

// What stands between a committed hearing and its start (docs/decisions/014-hearing-record-integrity.md):
// judged on the data as it is now, not as it was at the set-up. The console lists it; the
// start re-runs it inside its own transaction, after its locks, and refuses while any remain.

export type StartBlocker =
  | { code: "notCommitted" }
  | { code: "legacyCommitment" }
  | { code: "noChair" }
  | { code: "chairNotImpartial"; problem: ChairProblem }
  | { code: "presentersChanged"; added: number; removed: number }
  | { code: "orderNotDrawn" };

export type StartBlockerCode = StartBlocker["code"];

export const START_BLOCKER_CODES: readonly StartBlockerCode[] = [
  "notCommitted",
  "legacyCommitment",
  "noChair",
  "chairNotImpartial",
  "presentersChanged",
  "orderNotDrawn",
];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Every reason `hearingId` may not start now, in the order the console lists them; empty
 * when it may. The stage (committed, not yet started) is the caller's to check.
 */
export async function startBlockers(tx: Tx, hearingId: string): Promise<StartBlocker[]> {
  const hearing = await tx.hearing.findUniqueOrThrow({
    where: { id: hearingId },
    select: {
      conferenceId: true,
      chairId: true,
      seedHash: true,
      seedCommittedAt: true,
      slots: { select: { candidateId: true, position: true, candidate: { select: { memberStateId: true } } } },
    },
  });
  const blockers: StartBlocker[] = [];
  if (!hearing.seedHash) blockers.push({ code: "notCommitted" });
  else if (!hearing.seedCommittedAt) blockers.push({ code: "legacyCommitment" });

  // ¶6: every current formal candidature presents, and nobody else.
  const presenters = await presentersOf(tx, hearing.conferenceId);
  const slotIds = hearing.slots.map((s) => s.candidateId);
  const presenterIds = presenters.map((p) => p.id);
  if (presentersChanged(slotIds, presenterIds)) {
    blockers.push({
      code: "presentersChanged",
      added: presenterIds.filter((id) => !slotIds.includes(id)).length,
      removed: slotIds.filter((id) => !presenterIds.includes(id)).length,
    });
  }

  // ¶8 on today's data: the chair's role, staff flag, administration and nationality, against
  // the states of everyone who would present (the slots, and the current candidatures too).
  if (!hearing.chairId) blockers.push({ code: "noChair" });
  else {
    const chair = await tx.user.findUnique({
      where: { id: hearing.chairId },
      select: { role: true, isStaff: true, memberStateId: true, nationalityId: true, disabledAt: true },
    });
    const presentingStates = [...new Set([...hearing.slots.map((s) => s.candidate.memberStateId), ...presenters.map((p) => p.memberStateId)])];
    const problem = chair ? chairProblem({ ...chair, disabled: chair.disabledAt !== null }, presentingStates) : "notAChair";
    if (problem) blockers.push({ code: "chairNotImpartial", problem });
  }

  // The running order: drawn under the active commitment, after it, for exactly these slots,
  // and the slots' positions are that draw's result.
  const draw = hearing.seedHash
    ? await tx.draw.findFirst({
        where: { hearingId, kind: "RUNNING_ORDER", seedHash: hearing.seedHash },
        orderBy: { createdAt: "desc" },
        select: { eligibleIds: true, result: true, createdAt: true },
      })
    : null;
  const ordered = hearing.slots
    .filter((s) => s.position !== null)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((s) => s.candidateId);
  const drawn =
    draw !== null &&
    hearing.seedCommittedAt !== null &&
    draw.createdAt.getTime() >= hearing.seedCommittedAt.getTime() &&
    sameList([...draw.eligibleIds].sort(), [...slotIds].sort()) &&
    ordered.length === slotIds.length &&
    sameList(draw.result, ordered);
  // Without a (current) commitment there is nothing to draw under yet: that blocker says it.
  if (!drawn && hearing.seedHash && hearing.seedCommittedAt) blockers.push({ code: "orderNotDrawn" });
  return blockers;
}
