import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

// The secretariat's changes take the conference (lockConferenceForChange), then the round, then
// the question, each FOR UPDATE; a candidate's answer takes the same rows FOR SHARE in the same
// order (save-answer.ts), so an edit and an answer are applied one after the other, never across
// each other: a question is never edited once answered, a deadline never moved under an answer.

export async function lockRound(tx: Tx, conferenceId: string, questionnaireId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Questionnaire" WHERE id = ${questionnaireId} FOR UPDATE`;
  const round = await tx.questionnaire.findUnique({ where: { id: questionnaireId }, select: { id: true, conferenceId: true, number: true, deadlineAt: true } });
  if (!round || round.conferenceId !== conferenceId) throw new DomainError("NOT_FOUND");
  return round;
}

export async function lockQuestion(tx: Tx, conferenceId: string, questionId: string) {
  const ref = await tx.questionnaireQuestion.findUnique({ where: { id: questionId }, select: { questionnaireId: true } });
  if (!ref) throw new DomainError("NOT_FOUND");
  const round = await lockRound(tx, conferenceId, ref.questionnaireId);
  await tx.$executeRaw`SELECT 1 FROM "QuestionnaireQuestion" WHERE id = ${questionId} FOR UPDATE`;
  const question = await tx.questionnaireQuestion.findUnique({
    where: { id: questionId },
    select: { id: true, questionnaireId: true, position: true, texts: true, postId: true, publishedAt: true, _count: { select: { answers: true } } },
  });
  if (!question) throw new DomainError("NOT_FOUND");
  const { _count, ...rest } = question;
  return { round, question: { ...rest, answerCount: _count.answers } };
}

/** A question's post, when it names one, must be a post of the same conference. */
export async function assertPostOfConference(tx: Tx, conferenceId: string, postId: string | null): Promise<void> {
  if (!postId) return;
  const post = await tx.post.findUnique({ where: { id: postId }, select: { conferenceId: true } });
  if (!post || post.conferenceId !== conferenceId) throw new DomainError("INVALID_INPUT", { fieldErrors: { postId: "adminQuestionnaire.postUnknown" } });
}
