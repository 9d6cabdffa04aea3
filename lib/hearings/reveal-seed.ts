import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { unsealSeed } from "@/lib/draw/seal";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { revealSeedSchema } from "./after-schema";
import { assertHearingOfConference } from "./hearing-admin";
import { hearingStage, STAGE_FIELDS } from "./stage";

/**
 * Decision 007, step 5, and 014: after the hearing the seed is revealed, so that anyone can
 * check it against the hash published before the draws and re-run every draw. Not before
 * the end — a seed known while questions are still drawn would let someone foresee the
 * draw — and once only: the reveal is a public fact with its own date. The sealed seed is
 * opened into `seed` and the sealed copy dropped; no draw of any kind is accepted after.
 */
export async function revealSeed({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId } = parseInput(revealSeedSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, hearingId, conferenceId);
    await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
    const hearing = await tx.hearing.findUnique({ where: { id: hearingId }, select: { id: true, sealedSeed: true, ...STAGE_FIELDS } });
    if (!hearing) throw new DomainError("NOT_FOUND");
    const stage = hearingStage(hearing);
    if (stage === "REVEALED" || stage === "CLOSED") throw new DomainError("CONFLICT", { messageKey: "hearingPublic.admin.revealAlready" });
    if (stage !== "ENDED") throw new DomainError("CONFLICT", { messageKey: "hearingPublic.admin.revealNotEnded" });
    if (!hearing.seedHash || !hearing.sealedSeed) throw new DomainError("CONFLICT", { messageKey: "hearingPublic.admin.revealNoSeed" });
    const seed = unsealSeed(hearing.sealedSeed);
    const revealed = await tx.hearing.update({
      where: { id: hearing.id },
      data: { seed, sealedSeed: null, seedRevealedAt: new Date() },
      select: { id: true, seedHash: true, seedRevealedAt: true },
    });
    // The seed is public from this commit on (the hearing's page shows it); the log keeps its hash and the date.
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
