import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { CANDIDATE_FIELDS, checkNomination, lockCandidate } from "./candidates-admin";
import { updateCandidateSchema } from "./schema";
import { isEditable } from "./status-machine";

/**
 * Corrects a candidature of `conferenceId`: its name, post, nominating state or internal flag. Once it has
 * ended (withdrawn, elected, not elected) it is the election's record and stays as it was.
 */
export async function updateCandidate({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:candidate:any");
  const { id, ...data } = parseInput(updateCandidateSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    const before = await lockCandidate(tx, id, conferenceId);
    if (!isEditable(before.status)) throw new DomainError("CONFLICT", { messageKey: "adminCandidates.notEditable" });
    await checkNomination(tx, conferenceId, { ...data, previousPostId: before.postId });
    const after = await tx.candidate.update({ where: { id }, data, select: CANDIDATE_FIELDS });
    await emitAudit(tx, { actor, area: "candidate", action: "updated", entity: "Candidate", entityId: id, before, after });
    return after;
  });
}
