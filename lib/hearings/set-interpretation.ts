import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertHearingOfConference } from "./hearing-admin";
import { interpretationSchema } from "./interpretation-schema";

/**
 * Declares the languages a hearing is interpreted into, so that its page can say which
 * renditions the webcast and the recording carry before anyone plays them. It changes nothing
 * of the hearing's record (who spoke, when, what was drawn), so it may be corrected at any stage
 * until the record is closed. Unchanged, nothing is written.
 */
export async function setInterpretation({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(interpretationSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, data.hearingId, conferenceId);
    await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${data.hearingId} FOR UPDATE`;
    const hearing = await tx.hearing.findUniqueOrThrow({ where: { id: data.hearingId }, select: { id: true, closedAt: true, interpretationLanguages: true } });
    if (hearing.closedAt) throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
    const before = hearing.interpretationLanguages;
    if (before.length === data.languages.length && before.every((code, i) => code === data.languages[i])) {
      return { hearingId: hearing.id, languages: data.languages, changed: false };
    }
    await tx.hearing.update({ where: { id: hearing.id }, data: { interpretationLanguages: data.languages }, select: { id: true } });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "interpretation-set",
      entity: "Hearing",
      entityId: hearing.id,
      before: { interpretationLanguages: before },
      after: { interpretationLanguages: data.languages },
    });
    return { hearingId: hearing.id, languages: data.languages, changed: true };
  });
}
