import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { unsealSeed } from "@/lib/draw/seal";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { presentersOf, requireHearing } from "./hearing-admin";
import { presentersChanged } from "./rules";
import { drawRunningOrderSchema } from "./schema";
import { hearingStage } from "./stage";
import { writeRunningOrder } from "./write-running-order";

const REFUSALS = {
  SET_UP: "adminHearing.seedNotCommitted",
  RUNNING: "adminHearing.orderFrozen",
  ENDED: "adminHearing.orderFrozen",
  REVEALED: "adminHearing.noDrawAfterReveal",
  CLOSED: "adminHearing.recordClosed",
} as const;

/**
 * ¶7: the running order is drawn by lot, once per commitment, from the committed seed, the
 * public entropy typed at the draw (dice rolled in the room, shown on the webcast) and the
 * published list of presenters (lib/draw/verifiable-draw.ts), so that nobody can foresee it
 * alone and anyone can re-run it once the seed is revealed. Another draw needs a re-opening,
 * which voids this commitment in public (docs/decisions/014-hearing-record-integrity.md).
 */
export async function drawRunningOrder({
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
  const { entropy } = parseInput(drawRunningOrderSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await requireHearing(tx, conference.id, { rehearsal });
    const stage = hearingStage(hearing);
    if (stage !== "COMMITTED") throw new DomainError("CONFLICT", { messageKey: REFUSALS[stage] });
    if (!hearing.seedCommittedAt) throw new DomainError("CONFLICT", { messageKey: "adminHearing.legacyCommitment" });
    const commitment = hearing.seedHash as string;
    const secret = await tx.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { sealedSeed: true } });
    if (!secret.sealedSeed) throw new DomainError("CONFLICT", { messageKey: "adminHearing.sealedSeedUnreadable" });

    const slots = await tx.hearingSlot.findMany({ where: { hearingId: hearing.id }, select: { id: true, candidateId: true, position: true } });
    if (slots.length === 0) throw new DomainError("CONFLICT", { messageKey: "adminHearing.noPresenters" });
    const earlier = await tx.draw.count({ where: { hearingId: hearing.id, kind: "RUNNING_ORDER", seedHash: commitment } });
    if (earlier > 0) throw new DomainError("CONFLICT", { messageKey: "adminHearing.alreadyDrawn" });
    // Drawing an out-of-date list would only waste the commitment: re-open and update first.
    const current = (await presentersOf(tx, conference.id)).map((p) => p.id);
    const slotIds = slots.map((s) => s.candidateId);
    if (presentersChanged(slotIds, current)) {
      throw new DomainError("CONFLICT", { messageKey: "adminHearing.reopenFirst" });
    }

    const draw = await writeRunningOrder(tx, {
      hearingId: hearing.id,
      seed: unsealSeed(secret.sealedSeed),
      seedHash: commitment,
      entropy,
      presenterIds: slotIds,
      actorId: actor.id,
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "running-order-drawn",
      entity: "Hearing",
      entityId: hearing.id,
      before: { positions: slots.map((s) => ({ candidateId: s.candidateId, position: s.position })) },
      after: { drawId: draw.id, seedHash: commitment, entropy, eligibleIds: draw.eligibleIds, result: draw.result },
    });
    return draw;
  });
}
