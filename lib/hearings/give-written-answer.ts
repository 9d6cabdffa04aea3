import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { DECLARATION_REQUIRED, missingDeclaration } from "@/lib/campaign/declarations";
import { assertConferenceOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { writtenAnswerSchema } from "./written-answer-schema";
import { hearingEndedAt, isNotReached, writtenAnswerRefusal } from "./written-answer-rules";

/** Only the candidate the question was drawn for: never the chair, the secretariat or another candidate. */
export const ANSWER_IN_WRITING: Permission = "answer:hearing-question:own";

/**
 * The candidate answers in writing, in one language, a question drawn for them that the
 * hearing did not reach (docs/fairness.md#after-the-hearing): once the hearing has ended,
 * before its deadline and before its record is closed, under the two declarations of 001 A,
 * and once per language — final once given, like a spoken answer, and published at once with
 * the recording (docs/decisions/048-written-answers-and-open-pool.md). `now` is for tests.
 */
export async function giveWrittenAnswer({ actor, input, now }: { actor: Actor | null; input: unknown; now?: Date }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, ANSWER_IN_WRITING, { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const { questionId, version: locale, body, declaredNoSymbols, declaredNoResources } = parseInput(writtenAnswerSchema, input);
  const missing = missingDeclaration({ declaredNoSymbols, declaredNoResources });
  if (missing) throw new DomainError("INVALID_INPUT", { messageKey: DECLARATION_REQUIRED, fieldErrors: { [missing]: DECLARATION_REQUIRED } });
  assertConfirmed(input);

  try {
    return await db().$transaction(async (tx) => {
      // Another candidate's question is not found: its existence is nobody else's business.
      const found = await tx.hearingQuestion.findUnique({
        where: { id: questionId },
        select: { candidateId: true, hearing: { select: { id: true, conferenceId: true } } },
      });
      if (!found || found.candidateId !== candidateId) throw new DomainError("NOT_FOUND", { messageKey: "hearingPool.answer.notFound" });
      // The conference first, as every change does (lib/conferences/lock.ts); the hearing shared,
      // so that closing its record (FOR UPDATE) waits for the answer or the answer for the close;
      // the question itself exclusive, so that two answers in the same language queue and the
      // second is refused.
      await assertConferenceOpen(tx, found.hearing.conferenceId);
      await tx.$queryRaw`SELECT id FROM "Hearing" WHERE id = ${found.hearing.id} FOR SHARE`;
      await tx.$queryRaw`SELECT id FROM "HearingQuestion" WHERE id = ${questionId} FOR UPDATE`;
      // One after the other: a transaction's queries share its connection.
      const question = await tx.hearingQuestion.findUniqueOrThrow({
        where: { id: questionId },
        select: { drawId: true, status: true, answeredAt: true, writtenAnswers: { where: { locale }, select: { id: true } } },
      });
      const hearing = await tx.hearing.findUniqueOrThrow({
        where: { id: found.hearing.id },
        select: { rehearsal: true, status: true, closedAt: true, slots: { select: { finishedAt: true } } },
      });
      const candidate = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { status: true } });
      const at = now ?? new Date();
      const refused = writtenAnswerRefusal({ ...hearing, endedAt: hearingEndedAt(hearing.slots) }, candidate.status, at);
      if (refused) throw new DomainError("CONFLICT", { messageKey: refused });
      if (!isNotReached(question)) throw new DomainError("CONFLICT", { messageKey: "hearingPool.answer.notOpen" });
      if (question.writtenAnswers.length > 0) throw new DomainError("CONFLICT", { messageKey: "hearingPool.answer.alreadyGiven" });
      const answer = await tx.hearingWrittenAnswer.create({
        data: { questionId, candidateId, locale, body, declaredNoSymbols, declaredNoResources, submittedAt: at },
        select: { id: true, locale: true, submittedAt: true },
      });
      await emitAudit(tx, {
        actor,
        area: "hearing",
        action: "written-answer-given",
        entity: "HearingQuestion",
        entityId: questionId,
        before: null,
        after: { answerId: answer.id, locale, length: body.length, declaredNoSymbols, declaredNoResources, submittedAt: answer.submittedAt },
      });
      return { hearingId: found.hearing.id, questionId, candidateId, answerId: answer.id, locale: answer.locale, submittedAt: answer.submittedAt };
    });
  } catch (error) {
    // The unique (question, language) is the last guard should two answers ever pass the lock.
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002")
      throw new DomainError("CONFLICT", { messageKey: "hearingPool.answer.alreadyGiven" });
    throw error;
  }
}
