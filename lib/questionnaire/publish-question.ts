import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { databaseNow } from "./clock";
import { lockQuestion } from "./locks";
import { queueQuestionPublishedNotes } from "./notify";
import { roundChangeRefusal } from "./rules";
import { questionRefSchema } from "./schema";

/** The secretariat publishes a draft question: every candidate it concerns may answer it, and the public sees it. There is no unpublishing. */
export async function publishQuestion({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:questionnaire:any");
  const { questionId } = parseInput(questionRefSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const { round, question } = await lockQuestion(tx, conference.id, questionId);
    const now = await databaseNow(tx);
    const frozen = roundChangeRefusal(round.deadlineAt, now);
    if (frozen) throw new DomainError("CONFLICT", { messageKey: frozen });
    if (question.publishedAt) throw new DomainError("CONFLICT", { messageKey: "adminQuestionnaire.alreadyPublished" });
    const after = await tx.questionnaireQuestion.update({ where: { id: question.id }, data: { publishedAt: now }, select: { id: true, publishedAt: true } });
    await emitAudit(tx, {
      actor,
      area: "questionnaire",
      action: "question-published",
      entity: "QuestionnaireQuestion",
      entityId: question.id,
      before: { publishedAt: null },
      after: { publishedAt: after.publishedAt, texts: question.texts, postId: question.postId },
    });
    // The candidates it concerns are told at once, all in this transaction (./notify.ts).
    await queueQuestionPublishedNotes(tx, { conferenceId: conference.id, postId: question.postId, deadlineAt: round.deadlineAt });
    return { ...after, conferenceId };
  });
}
