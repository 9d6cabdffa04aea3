import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Whether an audit row of the hearing area is about a rehearsal, so that the row says so
 * (docs/decisions/018-rehearsal-hearings.md): the hearing itself, or one of its questions.
 * Read inside the change's transaction, before any purge (the purge's own row says it itself).
 */
export async function isRehearsalEntity(tx: Tx, entity: string, entityId: string): Promise<boolean> {
  if (entity === "Hearing") {
    const hearing = await tx.hearing.findUnique({ where: { id: entityId }, select: { rehearsal: true } });
    return hearing?.rehearsal ?? false;
  }
  if (entity === "HearingQuestion") {
    const question = await tx.hearingQuestion.findUnique({ where: { id: entityId }, select: { hearing: { select: { rehearsal: true } } } });
    return question?.hearing.rehearsal ?? false;
  }
  return false;
}
