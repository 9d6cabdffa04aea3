import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { isEmptyQuota, parseQuota, quotaProblems, type QuestionQuota } from "@/lib/draw/quota";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertHearingOfConference } from "./hearing-admin";
import { questionQuotaSchema } from "./quota-schema";
import { hearingStage, STAGE_FIELDS, type HearingStage } from "./stage";

// The hearing's question quota (docs/fairness.md#quota-draws, docs/decisions/045-quota-draws.md):
// part of the set-up, so frozen by the commitment like the presenters and the number of
// questions. Changing it after the commitment needs the logged re-opening, which voids the
// commitment in public (lib/hearings/reopen-set-up.ts).

const REFUSED: Partial<Record<HearingStage, string>> = {
  COMMITTED: "questionQuota.frozenOnceCommitted",
  RUNNING: "questionQuota.frozenOnceStarted",
  ENDED: "questionQuota.frozenOnceStarted",
  REVEALED: "questionQuota.frozenOnceStarted",
  CLOSED: "adminHearing.recordClosed",
};

/** The quota section of the set-up page: the quota, the places it shares out, and whether it may change now. */
export async function getQuotaForAdmin(actor: Actor | null, where: { conferenceId: string; hearingId: string }) {
  assertCan(actor, "manage:hearing:any");
  const hearing = await db().hearing.findUnique({
    where: { id: where.hearingId },
    select: { conferenceId: true, questionQuota: true, questionsPerCandidate: true, ...STAGE_FIELDS },
  });
  if (!hearing || hearing.conferenceId !== where.conferenceId) return null;
  const stage = hearingStage(hearing);
  const quota = parseQuota(hearing.questionQuota);
  return {
    quota,
    places: hearing.questionsPerCandidate,
    stage,
    editable: stage === "SET_UP",
    /** The places were lowered below the minima after the quota was set: the draw fills the places and stops. */
    minsAbovePlaces: quota !== null && quotaProblems(quota, hearing.questionsPerCandidate).some((p) => p.key === "minsAbovePlaces"),
  };
}

/**
 * Sets (or clears, when every field is empty) the question quota of a hearing still at its
 * set-up. Refused once a seed is committed (re-open first), after the start and on a closed
 * record. Unchanged, nothing is written; changed, audited in the same transaction.
 */
export async function setQuestionQuota({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(questionQuotaSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    await assertHearingOfConference(tx, data.hearingId, conferenceId);
    await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${data.hearingId} FOR UPDATE`;
    const hearing = await tx.hearing.findUniqueOrThrow({
      where: { id: data.hearingId },
      select: { id: true, questionQuota: true, questionsPerCandidate: true, ...STAGE_FIELDS },
    });
    const refusal = REFUSED[hearingStage(hearing)];
    if (refusal) throw new DomainError("CONFLICT", { messageKey: refusal });
    const problems = quotaProblems(data.quota, hearing.questionsPerCandidate);
    if (problems.length > 0) {
      // The sum of the minima against the places is the one rule the form cannot judge alone.
      const key = (p: { key: string }) => `questionQuota.${p.key}:${hearing.questionsPerCandidate}`;
      throw new DomainError("INVALID_INPUT", {
        messageKey: `questionQuota.${(problems[0] as { key: string }).key}`,
        values: { limit: hearing.questionsPerCandidate },
        fieldErrors: Object.fromEntries(problems.map((p) => [p.field, key(p)])),
      });
    }
    const next: QuestionQuota | null = isEmptyQuota(data.quota) ? null : data.quota;
    const before = parseQuota(hearing.questionQuota);
    if (JSON.stringify(before) === JSON.stringify(next)) return { hearingId: hearing.id, quota: next, changed: false };
    await tx.hearing.update({
      where: { id: hearing.id },
      // No quota: the column is cleared (SQL NULL), as on a hearing that never had one.
      data: { questionQuota: next ?? Prisma.DbNull },
      select: { id: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "question-quota-set",
      entity: "Hearing",
      entityId: hearing.id,
      before: { questionQuota: before },
      after: { questionQuota: next },
    });
    return { hearingId: hearing.id, quota: next, changed: true };
  });
}
