import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { CONFERENCE_REFUSALS } from "./fields";
import { lockConferenceForChange } from "./lock";
import { conferenceRefSchema } from "./schema";

/**
 * Deletes a conference created by mistake, with its posts. Once anyone has stood or a
 * hearing has been set up it is part of the record and can only be closed; the current
 * one is what the public home shows, so another must be chosen first (docs/decisions/012).
 */
export async function deleteConference({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:conference:any");
  const { conferenceId } = parseInput(conferenceRefSchema, input);
  return db().$transaction(async (tx) => {
    const before = await lockConferenceForChange(tx, conferenceId);
    if (before.isCurrent) throw new DomainError("CONFLICT", { messageKey: CONFERENCE_REFUSALS.isCurrent });
    const candidatures = await tx.candidate.count({ where: { conferenceId } });
    if (candidatures > 0) throw new DomainError("CONFLICT", { messageKey: CONFERENCE_REFUSALS.hasCandidatures, values: { count: candidatures } });
    if ((await tx.hearing.count({ where: { conferenceId } })) > 0) throw new DomainError("CONFLICT", { messageKey: CONFERENCE_REFUSALS.hasHearing });
    const posts = await tx.post.findMany({ where: { conferenceId }, select: { code: true } });
    await tx.post.deleteMany({ where: { conferenceId } });
    await tx.conference.delete({ where: { id: conferenceId } });
    await emitAudit(tx, {
      actor,
      area: "conference",
      action: "deleted",
      entity: "Conference",
      entityId: conferenceId,
      before: { ...before, postCodes: posts.map((p) => p.code) },
    });
    return before;
  });
}
