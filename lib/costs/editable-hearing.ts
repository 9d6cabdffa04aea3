import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { hearingStage, stageAllows, STAGE_FIELDS } from "@/lib/hearings/stage";

/** The conference's hearing (one per conference, never a rehearsal), whose costs are entered. */
export async function costHearingOf(tx: Tx, conferenceId: string): Promise<{ id: string }> {
  const hearing = await tx.hearing.findFirst({ where: { conferenceId, rehearsal: false }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!hearing) throw new DomainError("CONFLICT", { messageKey: "adminCosts.noHearing" });
  return hearing;
}

/**
 * Locks the hearing for the rest of the change and refuses once its record is closed
 * (docs/decisions/014-hearing-record-integrity.md): closing the record and a change of its
 * costs cannot cross.
 */
export async function assertCostsEditable(tx: Tx, hearingId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
  const stage = hearingStage(await tx.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: STAGE_FIELDS }));
  if (!stageAllows(stage, "editCosts")) throw new DomainError("CONFLICT", { messageKey: "adminCosts.recordClosed" });
}
