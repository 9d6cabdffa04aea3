import "server-only";
import { createHash } from "node:crypto";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertConferenceOpen } from "@/lib/conferences/lock";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { databaseNow } from "./clock";
import { answerRefusal, declarationRefusal } from "./rules";
import { removeAnswerSchema, saveAnswerSchema } from "./schema";

/**
 * Everything an answer's change must hold: the conference open, the round's deadline, the
 * question published and for the candidate's post, the candidature allowed to publish. Rows are
 * taken FOR SHARE in the console's order (locks.ts), the candidature FOR UPDATE so that one
 * candidate's saves are applied one after the other.
 */
async function checkAnswerable(tx: Tx, candidateId: string, questionId: string) {
  const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { conferenceId: true } });
  if (!candidate) throw new DomainError("FORBIDDEN");
  await assertConferenceOpen(tx, candidate.conferenceId);
  const ref = await tx.questionnaireQuestion.findUnique({ where: { id: questionId }, select: { questionnaireId: true } });
  if (!ref) throw new DomainError("NOT_FOUND", { messageKey: "questionnaire.my.notYours" });
  await tx.$executeRaw`SELECT 1 FROM "Questionnaire" WHERE id = ${ref.questionnaireId} FOR SHARE`;
  await tx.$executeRaw`SELECT 1 FROM "QuestionnaireQuestion" WHERE id = ${questionId} FOR SHARE`;
  await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${candidateId} FOR UPDATE`;
  const [question, current] = await Promise.all([
    tx.questionnaireQuestion.findUnique({
      where: { id: questionId },
      select: { id: true, postId: true, publishedAt: true, questionnaire: { select: { conferenceId: true, deadlineAt: true } } },
    }),
    tx.candidate.findUnique({ where: { id: candidateId }, select: { status: true, postId: true, conferenceId: true } }),
  ]);
  if (!question || !current) throw new DomainError("NOT_FOUND", { messageKey: "questionnaire.my.notYours" });
  const refused = answerRefusal({
    candidateStatus: current.status,
    candidatePostId: current.postId,
    question: { postId: question.postId, publishedAt: question.publishedAt, sameConference: question.questionnaire.conferenceId === current.conferenceId },
    deadlineAt: question.questionnaire.deadlineAt,
    now: await databaseNow(tx),
  });
  if (refused) throw new DomainError(refused.code, { messageKey: refused.key });
}

const digest = (body: string) => createHash("sha256").update(body).digest("hex");

/**
 * The candidate gives or changes their answer to a common question in one language, with the
 * two declarations of 001 A, strictly before the round's deadline by the database's clock
 * (docs/fairness.md#common-questionnaire). Only their own candidature: the candidate comes from
 * the session, never from the form.
 */
export async function saveAnswer({ actor, input }: { actor: Actor | null; input: unknown }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "answer:questionnaire:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const data = parseInput(saveAnswerSchema, input);
  const refusedDeclaration = declarationRefusal(data);
  if (refusedDeclaration)
    throw new DomainError("INVALID_INPUT", { messageKey: refusedDeclaration.key, fieldErrors: { [refusedDeclaration.field]: refusedDeclaration.key } });
  return db().$transaction(async (tx) => {
    await checkAnswerable(tx, candidateId, data.questionId);
    const key = { questionId_candidateId_language: { questionId: data.questionId, candidateId, language: data.language } };
    const before = await tx.questionnaireAnswer.findUnique({ where: key, select: { id: true, body: true, format: true } });
    const fields = { body: data.body, format: data.format, declaredNoSymbols: data.declaredNoSymbols, declaredNoResources: data.declaredNoResources };
    const after = before
      ? await tx.questionnaireAnswer.update({ where: { id: before.id }, data: fields, select: { id: true, updatedAt: true } })
      : await tx.questionnaireAnswer.create({
          data: { ...fields, questionId: data.questionId, candidateId, language: data.language },
          select: { id: true, updatedAt: true },
        });
    // Ids, the declarations and a digest of the text: the answer itself is public only after the deadline.
    await emitAudit(tx, {
      actor,
      area: "questionnaire",
      action: before ? "answer-changed" : "answer-given",
      entity: "QuestionnaireAnswer",
      entityId: after.id,
      before: before ? { digest: digest(before.body), format: before.format } : undefined,
      after: {
        questionId: data.questionId,
        language: data.language,
        format: data.format,
        digest: digest(data.body),
        declaredNoSymbols: true,
        declaredNoResources: true,
      },
    });
    return { id: after.id, candidateId, questionId: data.questionId, language: data.language, created: !before };
  });
}

/** The candidate takes back an answer in one language, under the same rules as giving it (before the deadline only). */
export async function removeAnswer({ actor, input }: { actor: Actor | null; input: unknown }) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "answer:questionnaire:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const data = parseInput(removeAnswerSchema, input);
  return db().$transaction(async (tx) => {
    await checkAnswerable(tx, candidateId, data.questionId);
    const before = await tx.questionnaireAnswer.findUnique({
      where: { questionId_candidateId_language: { questionId: data.questionId, candidateId, language: data.language } },
      select: { id: true, body: true },
    });
    if (!before) throw new DomainError("NOT_FOUND", { messageKey: "questionnaire.my.noAnswer" });
    await tx.questionnaireAnswer.delete({ where: { id: before.id } });
    await emitAudit(tx, {
      actor,
      area: "questionnaire",
      action: "answer-removed",
      entity: "QuestionnaireAnswer",
      entityId: before.id,
      before: { questionId: data.questionId, language: data.language, digest: digest(before.body) },
    });
    return { id: before.id, candidateId, questionId: data.questionId, language: data.language };
  });
}
