import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { CONFERENCE_FIELDS, CONFERENCE_REFUSALS } from "./fields";
import { lockConferenceForChange } from "./lock";
import { conferenceRefSchema } from "./schema";

/**
 * Closes a conference for good: from then on it is a read-only public record. Its hearing
 * must be over first (or never held), so no live console is cut off (docs/decisions/012).
 * It stays current until the secretariat chooses another.
 */
export async function closeConference({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:conference:any");
  const { conferenceId } = parseInput(conferenceRefSchema, input);
  return db().$transaction(async (tx) => {
    const before = await lockConferenceForChange(tx, conferenceId);
    const unfinished = await tx.hearing.count({ where: { conferenceId, status: { not: "ENDED" } } });
    if (unfinished > 0) throw new DomainError("CONFLICT", { messageKey: CONFERENCE_REFUSALS.hearingNotEnded });
    const after = await tx.conference.update({ where: { id: conferenceId }, data: { closedAt: new Date() }, select: CONFERENCE_FIELDS });
    await emitAudit(tx, { actor, area: "conference", action: "closed", entity: "Conference", entityId: conferenceId, before, after });
    return after;
  });
}
