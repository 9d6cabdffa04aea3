import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { databaseNow } from "./clock";
import { assertPostOfConference, lockQuestion } from "./locks";
import { questionEditRefusal, roundChangeRefusal } from "./rules";
import { updateQuestionSchema } from "./schema";

/**
 * The secretariat corrects a question: a draft freely, a published one only while nobody has
 * answered it (both texts kept in the audit row); once answered, never
 * (docs/decisions/047-common-questionnaire.md).
 */
export async function updateQuestion({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:questionnaire:any");
  const { questionId, texts, postId } = parseInput(updateQuestionSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const { round, question } = await lockQuestion(tx, conference.id, questionId);
    const frozen = roundChangeRefusal(round.deadlineAt, await databaseNow(tx));
    if (frozen) throw new DomainError("CONFLICT", { messageKey: frozen });
    const refused = questionEditRefusal(question);
    if (refused) throw new DomainError("CONFLICT", { messageKey: refused });
    await assertPostOfConference(tx, conference.id, postId);
    const after = await tx.questionnaireQuestion.update({
      where: { id: question.id },
      data: { texts, postId },
      select: { id: true, texts: true, postId: true, publishedAt: true },
    });
    await emitAudit(tx, {
      actor,
      area: "questionnaire",
      action: question.publishedAt ? "published-question-corrected" : "question-updated",
      entity: "QuestionnaireQuestion",
      entityId: question.id,
      before: { texts: question.texts, postId: question.postId },
      after: { texts: after.texts, postId: after.postId },
    });
    return { ...after, conferenceId };
  });
}
