import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { purgeRehearsalSchema } from "./rehearsal-schema";

/**
 * The secretariat purges a rehearsal with everything it owns, in one transaction
 * (docs/decisions/018-rehearsal-hearings.md): questions, draws, extensions, slots, live
 * events, voided commitments and costs, then the hearing. Only with the word typed, only a
 * rehearsal of this conference: the real hearing is refused whatever the input. The audit
 * log is append-only, so the rehearsal's rows stay, each saying it was a rehearsal, and this
 * one says what went. Allowed on a closed conference too: a rehearsal is no part of its record.
 */
export async function purgeRehearsal({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const { hearingId } = parseInput(purgeRehearsalSchema, input);
  return db().$transaction(async (tx) => {
    // The conference first, then the hearing: the order every change of a hearing takes.
    await tx.$executeRaw`SELECT 1 FROM "Conference" WHERE id = ${conferenceId} FOR UPDATE`;
    await tx.$executeRaw`SELECT 1 FROM "Hearing" WHERE id = ${hearingId} FOR UPDATE`;
    const hearing = await tx.hearing.findUnique({
      where: { id: hearingId },
      select: { id: true, conferenceId: true, rehearsal: true, status: true, startsAt: true },
    });
    if (!hearing || hearing.conferenceId !== conferenceId) throw new DomainError("NOT_FOUND", { messageKey: "rehearsal.refusals.none" });
    if (!hearing.rehearsal) throw new DomainError("CONFLICT", { messageKey: "rehearsal.refusals.notRehearsal" });

    const where = { hearingId: hearing.id };
    // What points at another row goes first: the hearing's current slot and question, the
    // questions (which name their draw), then the draws, extensions, slots and the rest.
    await tx.hearing.update({ where: { id: hearing.id }, data: { currentSlotId: null, currentQuestionId: null }, select: { id: true } });
    const questions = await tx.hearingQuestion.deleteMany({ where });
    const draws = await tx.draw.deleteMany({ where });
    const extensions = await tx.hearingExtension.deleteMany({ where: { slot: { hearingId: hearing.id } } });
    const slots = await tx.hearingSlot.deleteMany({ where });
    const events = await tx.hearingEvent.deleteMany({ where });
    const voidedCommitments = await tx.voidedCommitment.deleteMany({ where });
    const costItems = await tx.costItem.deleteMany({ where });
    await tx.hearing.delete({ where: { id: hearing.id }, select: { id: true } });
    const deleted = {
      questions: questions.count,
      draws: draws.count,
      extensions: extensions.count,
      slots: slots.count,
      events: events.count,
      voidedCommitments: voidedCommitments.count,
      costItems: costItems.count,
    };
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "rehearsal-purged",
      entity: "Hearing",
      entityId: hearing.id,
      before: { rehearsal: true, status: hearing.status, startsAt: hearing.startsAt },
      after: { rehearsal: true, deleted },
    });
    return { hearingId: hearing.id, deleted };
  });
}
