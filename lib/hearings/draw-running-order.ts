import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { ALGORITHM, drawPermutation, sortIds } from "@/lib/draw/verifiable-draw";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { requireHearing } from "./hearing-admin";
import { presentersChanged } from "./rules";
import { noInputSchema } from "./schema";

/**
 * ¶7: the running order is drawn by lot, from the committed seed and the published list of
 * presenters, so anyone can re-run it once the seed is revealed. A second draw is refused
 * unless the presenters changed; then the earlier draw is kept beside the new one.
 */
export async function drawRunningOrder({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  parseInput(noInputSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await requireHearing(tx, conference.id);
    const secret = await tx.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { seed: true, seedHash: true } });
    if (!secret.seed || !secret.seedHash) throw new DomainError("CONFLICT", { messageKey: "adminHearing.seedNotCommitted" });

    const slots = await tx.hearingSlot.findMany({ where: { hearingId: hearing.id }, select: { id: true, candidateId: true, position: true } });
    if (slots.length === 0) throw new DomainError("CONFLICT", { messageKey: "adminHearing.noPresenters" });
    const eligibleIds = sortIds(slots.map((s) => s.candidateId));
    const last = await tx.draw.findFirst({
      where: { hearingId: hearing.id, kind: "RUNNING_ORDER" },
      orderBy: { createdAt: "desc" },
      select: { eligibleIds: true },
    });
    if (last && !presentersChanged(last.eligibleIds, eligibleIds)) throw new DomainError("CONFLICT", { messageKey: "adminHearing.alreadyDrawn" });

    const result = drawPermutation({ seed: secret.seed, kind: "RUNNING_ORDER", hearingId: hearing.id, candidateId: null, eligibleIds });
    // Positions are unique per hearing: clear them before writing the new order.
    await tx.hearingSlot.updateMany({ where: { hearingId: hearing.id }, data: { position: null } });
    for (const [index, candidateId] of result.entries()) {
      await tx.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: hearing.id, candidateId } }, data: { position: index + 1 } });
    }
    const draw = await tx.draw.create({
      data: { hearingId: hearing.id, kind: "RUNNING_ORDER", eligibleIds, count: result.length, result, algorithm: ALGORITHM, actorId: actor.id },
      select: { id: true, eligibleIds: true, result: true, algorithm: true, count: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "running-order-drawn",
      entity: "Hearing",
      entityId: hearing.id,
      before: { positions: slots.map((s) => ({ candidateId: s.candidateId, position: s.position })) },
      after: { drawId: draw.id, seedHash: secret.seedHash, eligibleIds, result },
    });
    return draw;
  });
}
