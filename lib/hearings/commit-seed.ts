import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { sealSeed } from "@/lib/draw/seal";
import { createSeed, seedHash } from "@/lib/draw/verifiable-draw";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { presentersOf, requireHearing } from "./hearing-admin";
import { presentersChanged } from "./rules";
import { noInputSchema } from "./schema";
import { hearingStage } from "./stage";

/**
 * ¶6, ¶7: the draws must be verifiable, so a seed is committed (its hash published, with the
 * time) before any draw. Set-up only: the commitment freezes the presenters and the draw's
 * parameters, and only a reasoned, public re-opening voids it (reopen-set-up.ts). The seed
 * is kept sealed (lib/draw/seal.ts), never in clear, until the reveal
 * (docs/decisions/014-hearing-record-integrity.md).
 */
export async function commitSeed({
  actor,
  conferenceId,
  input,
  rehearsal = false,
}: {
  actor: Actor | null;
  conferenceId: string;
  input: unknown;
  /** The conference's rehearsal instead of its hearing (docs/decisions/018-rehearsal-hearings.md). */
  rehearsal?: boolean;
}) {
  assertCan(actor, "manage:hearing:any");
  parseInput(noInputSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await requireHearing(tx, conference.id, { rehearsal });
    const stage = hearingStage(hearing);
    if (stage === "CLOSED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
    if (stage !== "SET_UP") throw new DomainError("CONFLICT", { messageKey: "adminHearing.seedExists" });
    const slots = await tx.hearingSlot.findMany({ where: { hearingId: hearing.id }, select: { candidateId: true } });
    if (slots.length === 0) throw new DomainError("CONFLICT", { messageKey: "adminHearing.noPresenters" });
    // What is committed to is these presenters: bring them up to date first.
    const presenters = await presentersOf(tx, conference.id);
    const slotIds = slots.map((s) => s.candidateId);
    const presenterIds = presenters.map((p) => p.id);
    if (presentersChanged(slotIds, presenterIds)) {
      throw new DomainError("CONFLICT", { messageKey: "adminHearing.refreshBeforeCommit" });
    }

    const seed = createSeed();
    const hash = seedHash(seed);
    const seedCommittedAt = new Date();
    await tx.hearing.update({ where: { id: hearing.id }, data: { sealedSeed: sealSeed(seed), seedHash: hash, seedCommittedAt, seed: null } });
    // The audit row holds the hash and the time only: the seed stays secret until it is revealed.
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "seed-committed",
      entity: "Hearing",
      entityId: hearing.id,
      before: { seedHash: null },
      after: { seedHash: hash, seedCommittedAt },
    });
    return { hearingId: hearing.id, seedHash: hash, seedCommittedAt };
  });
}
