import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertHearingOfConference } from "./hearing-admin";
import { closeRecordSchema } from "./schema";
import { hearingStage, STAGE_FIELDS } from "./stage";

/**
 * The last stage: once the seed is revealed and the recording placed, the secretariat closes
 * the hearing's record. From then on nothing about it changes — set-up, costs, recording,
 * chapters, questions (docs/decisions/014-hearing-record-integrity.md).
 */
export async function closeRecord({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId } = parseInput(closeRecordSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, hearingId, conferenceId);
    await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
    const hearing = await tx.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { id: true, ...STAGE_FIELDS } });
    const stage = hearingStage(hearing);
    if (stage === "CLOSED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
    if (stage !== "REVEALED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.closeNotRevealed" });
    const closed = await tx.hearing.update({ where: { id: hearing.id }, data: { closedAt: new Date() }, select: { id: true, closedAt: true } });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "record-closed",
      entity: "Hearing",
      entityId: hearing.id,
      before: { closedAt: null },
      after: { closedAt: closed.closedAt },
    });
    return { hearingId: closed.id, closedAt: closed.closedAt as Date };
  });
}
