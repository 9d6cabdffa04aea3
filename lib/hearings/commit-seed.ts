import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { createSeed, seedHash } from "@/lib/draw/verifiable-draw";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { requireHearing } from "./hearing-admin";
import { noInputSchema } from "./schema";

/**
 * ¶6, ¶7: the draws must be verifiable, so the seed is committed (its hash published)
 * before any draw, once. Replacing it later would let someone pick a convenient seed.
 */
export async function commitSeed({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  parseInput(noInputSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const hearing = await requireHearing(tx, conference.id);
    if (hearing.seedHash) throw new DomainError("CONFLICT", { messageKey: "adminHearing.seedExists" });
    const seed = createSeed();
    const hash = seedHash(seed);
    await tx.hearing.update({ where: { id: hearing.id }, data: { seed, seedHash: hash } });
    // The audit row holds the hash only: the seed stays secret until it is revealed.
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "seed-committed",
      entity: "Hearing",
      entityId: hearing.id,
      before: { seedHash: null },
      after: { seedHash: hash },
    });
    return { hearingId: hearing.id, seedHash: hash };
  });
}
