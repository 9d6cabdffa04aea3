import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { revealSeedSchema } from "./after-schema";
import { assertHearingOfConference } from "./hearing-admin";

/**
 * Decision 007, step 5: after the hearing the seed is revealed, so that anyone can check it
 * against the hash published before the draws and re-run every draw. Not before the end —
 * a seed known while questions are still drawn would let someone foresee the draw — and
 * once only: the reveal is a public fact with its own date.
 */
export async function revealSeed({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId } = parseInput(revealSeedSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, hearingId, conferenceId);
    await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
    // The seed itself is not read: revealing means marking it public, not handling it.
    const hearing = await tx.hearing.findUnique({ where: { id: hearingId }, select: { id: true, status: true, seedHash: true, seedRevealedAt: true } });
    if (!hearing) throw new DomainError("NOT_FOUND");
    if (hearing.status !== "ENDED") throw new DomainError("CONFLICT", { messageKey: "hearingPublic.admin.revealNotEnded" });
    if (!hearing.seedHash) throw new DomainError("CONFLICT", { messageKey: "hearingPublic.admin.revealNoSeed" });
    if (hearing.seedRevealedAt) throw new DomainError("CONFLICT", { messageKey: "hearingPublic.admin.revealAlready" });
    const revealed = await tx.hearing.update({
      where: { id: hearing.id },
      data: { seedRevealedAt: new Date() },
      select: { id: true, seedHash: true, seedRevealedAt: true },
    });
    // As for the commitment, the audit row holds the hash and the date, never the seed.
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "seed-revealed",
      entity: "Hearing",
      entityId: hearing.id,
      before: { seedRevealedAt: null },
      after: { seedHash: revealed.seedHash, seedRevealedAt: revealed.seedRevealedAt },
    });
    return { hearingId: revealed.id, seedRevealedAt: revealed.seedRevealedAt as Date };
  });
}
