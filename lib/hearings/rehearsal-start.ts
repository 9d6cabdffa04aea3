import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { HEARING_FIELDS, lockHearing, presentersOf } from "./hearing-admin";
import { startRehearsalSchema } from "./rehearsal-schema";

function refuse(reason: string): never {
  throw new DomainError("CONFLICT", { messageKey: `rehearsal.refusals.${reason}` });
}

/**
 * The secretariat starts a rehearsal of `conferenceId`'s hearing (docs/decisions/018-rehearsal-hearings.md):
 * a hearing of its own, flagged, with the real one's set-up (equal times, questions per
 * candidate, chair, venue, webcast) and today's presenters as slots, starting now. It then
 * goes through the same stages with the same services — commit, draw, start, moves, end,
 * reveal — and is never part of the public record. One at a time; not while the real hearing
 * runs (the chair cannot run both); never on a closed conference.
 */
export async function startRehearsal({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  parseInput(startRehearsalSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const real = await lockHearing(tx, conference.id);
    if (!real) refuse("noHearing");
    if (real.status === "LIVE") refuse("realLive");
    if (await lockHearing(tx, conference.id, { rehearsal: true })) refuse("exists");
    const presenters = await presentersOf(tx, conference.id);
    if (presenters.length === 0) refuse("noPresenters");
    // The chair rehearses the question's and the answer's clocks too (docs/fairness.md#finer-clocks); splits stay the real hearing's.
    const clocks = await tx.hearing.findUniqueOrThrow({ where: { id: real.id }, select: { questionLimitSeconds: true, answerLimitSeconds: true } });

    const created = await tx.hearing.create({
      data: {
        conferenceId: conference.id,
        rehearsal: true,
        startsAt: new Date(),
        presentationMinutes: real.presentationMinutes,
        qaMinutes: real.qaMinutes,
        questionsPerCandidate: real.questionsPerCandidate,
        chairId: real.chairId,
        venue: real.venue,
        webcastKind: real.webcastKind,
        webcastSource: real.webcastSource,
        webcastAccess: real.webcastAccess,
        ...clocks,
        slots: { create: presenters.map((p) => ({ candidateId: p.id })) },
      },
      select: HEARING_FIELDS,
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "rehearsal-started",
      entity: "Hearing",
      entityId: created.id,
      after: { ...created, rehearsal: true, copiedFrom: real.id, presenterIds: presenters.map((p) => p.id) },
    });
    return { hearingId: created.id };
  });
}
