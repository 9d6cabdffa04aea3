import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { lockQuestion } from "./locks";
import { questionDeleteRefusal } from "./rules";
import { questionRefSchema } from "./schema";

/** The secretariat deletes a draft question (a published one stays on the record). */
export async function deleteQuestion({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:questionnaire:any");
  const { questionId } = parseInput(questionRefSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const { question } = await lockQuestion(tx, conference.id, questionId);
    const refused = questionDeleteRefusal(question);
    if (refused) throw new DomainError("CONFLICT", { messageKey: refused });
    await tx.questionnaireQuestion.delete({ where: { id: question.id } });
    await emitAudit(tx, {
      actor,
      area: "questionnaire",
      action: "question-deleted",
      entity: "QuestionnaireQuestion",
      entityId: question.id,
      before: { texts: question.texts, postId: question.postId, position: question.position },
    });
    return { id: question.id, conferenceId };
  });
}
