import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { candidatureDeadline, GR170_TIME_ZONE } from "@/lib/elections/deadline";
import { DomainError } from "@/lib/errors/domain-error";
import { parseLocalDateTime, zonedWallTimeToUtc } from "@/lib/time/zones";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { CANDIDATE_FIELDS, conferenceOfCandidate, lockCandidate } from "./candidates-admin";
import { changeStatusSchema } from "./schema";
import { moveRefusal } from "./status-machine";

/**
 * Moves a candidature along announced → formal → withdrawn / elected / not elected; the
 * status, its history row and the audit row are written together or not at all. The
 * conference is the candidature's own (refused when closed); a form that names the
 * conference it was rendered for (`conferenceId`) is refused for a candidature of another.
 */
export async function changeCandidateStatus({ actor, conferenceId, input }: { actor: Actor | null; conferenceId?: string; input: unknown }) {
  assertCan(actor, "manage:candidate:any");
  const { id, to, formallyReceivedAt, note } = parseInput(changeStatusSchema, input);
  assertConfirmed(input);
  const receivedAt = to === "FORMAL" && formallyReceivedAt ? zonedWallTimeToUtc(parseLocalDateTime(formallyReceivedAt), GR170_TIME_ZONE) : null;
  return db().$transaction(async (tx) => {
    const own = await conferenceOfCandidate(tx, id);
    if (conferenceId !== undefined && conferenceId !== own) throw new DomainError("NOT_FOUND");
    const conference = await lockConferenceForChange(tx, own);
    const before = await lockCandidate(tx, id, own);
    const refused = moveRefusal({
      from: before.status,
      to,
      formallyReceivedAt: receivedAt,
      deadline: candidatureDeadline(conference).at,
      now: new Date(),
    });
    if (refused) {
      throw new DomainError("CONFLICT", {
        messageKey: refused.messageKey,
        fieldErrors: refused.field ? { [refused.field]: refused.messageKey } : undefined,
      });
    }
    const after = await tx.candidate.update({
      where: { id },
      data: { status: to, ...(receivedAt ? { formallyReceivedAt: receivedAt } : {}) },
      select: CANDIDATE_FIELDS,
    });
    await tx.candidateStatusChange.create({
      data: { candidateId: id, fromStatus: before.status, toStatus: to, formallyReceivedAt: receivedAt, note, actorId: actor.id },
    });
    await emitAudit(tx, { actor, area: "candidate", action: "status-changed", entity: "Candidate", entityId: id, before, after: { ...after, note } });
    return after;
  });
}
