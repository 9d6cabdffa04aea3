import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { unsealSeed } from "@/lib/draw/seal";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { requireHearing } from "./hearing-admin";
import { reopenSetUpSchema } from "./schema";
import { hearingStage } from "./stage";

/**
 * Re-opens a committed set-up (a late formal candidature, a withdrawal, a change of the
 * draw's parameters) before the start, with a reason that is logged and published. The
 * commitment is voided in public: its seed is revealed at once on a VoidedCommitment row,
 * so that anyone can check the draws made under it, and a new commitment is needed. The
 * running order goes with it (docs/decisions/014-hearing-record-integrity.md).
 */
export async function reopenSetUp({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { reason } = parseInput(reopenSetUpSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await requireHearing(tx, conference.id);
    const stage = hearingStage(hearing);
    if (stage === "CLOSED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
    if (stage === "SET_UP") throw new DomainError("CONFLICT", { messageKey: "adminHearing.nothingToReopen" });
    if (stage !== "COMMITTED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.reopenStarted" });
    const secret = await tx.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { sealedSeed: true, createdAt: true } });
    if (!secret.sealedSeed || !hearing.seedHash) throw new DomainError("CONFLICT", { messageKey: "adminHearing.sealedSeedUnreadable" });
    const seed = unsealSeed(secret.sealedSeed);

    const voided = await tx.voidedCommitment.create({
      data: {
        hearingId: hearing.id,
        seedHash: hearing.seedHash,
        seed,
        // A commitment from before v2 has no recorded time: the hearing's creation bounds it.
        committedAt: hearing.seedCommittedAt ?? secret.createdAt,
        voidedById: actor.id,
        reason,
      },
      select: { id: true, voidedAt: true },
    });
    await tx.hearing.update({ where: { id: hearing.id }, data: { seedHash: null, sealedSeed: null, seedCommittedAt: null } });
    const positions = await tx.hearingSlot.findMany({ where: { hearingId: hearing.id }, select: { candidateId: true, position: true } });
    await tx.hearingSlot.updateMany({ where: { hearingId: hearing.id }, data: { position: null } });
    // The voided seed is public from now on (the VoidedCommitment row); the log keeps its hash.
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "set-up-reopened",
      entity: "Hearing",
      entityId: hearing.id,
      before: { seedHash: hearing.seedHash, seedCommittedAt: hearing.seedCommittedAt, positions },
      after: { seedHash: null, voidedCommitmentId: voided.id, voidedSeedHash: hearing.seedHash, reason },
    });
    return { hearingId: hearing.id, voidedCommitmentId: voided.id, voidedSeedHash: hearing.seedHash, voidedAt: voided.voidedAt };
  });
}
