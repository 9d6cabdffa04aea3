import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { databaseNow } from "./clock";
import { lockQuestion } from "./locks";
import { roundChangeRefusal } from "./rules";
import { moveQuestionSchema } from "./schema";

/** The secretariat moves a question one place up or down in its round, until the deadline; the words stay as they are. */
export async function moveQuestion({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:questionnaire:any");
  const { questionId, direction } = parseInput(moveQuestionSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const { round, question } = await lockQuestion(tx, conference.id, questionId);
    const frozen = roundChangeRefusal(round.deadlineAt, await databaseNow(tx));
    if (frozen) throw new DomainError("CONFLICT", { messageKey: frozen });
    const neighbour = await tx.questionnaireQuestion.findFirst({
      where: { questionnaireId: round.id, position: direction === "up" ? { lt: question.position } : { gt: question.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) throw new DomainError("CONFLICT", { messageKey: "adminQuestionnaire.cannotMove" });
    await tx.questionnaireQuestion.update({ where: { id: question.id }, data: { position: neighbour.position } });
    await tx.questionnaireQuestion.update({ where: { id: neighbour.id }, data: { position: question.position } });
    await emitAudit(tx, {
      actor,
      area: "questionnaire",
      action: "question-moved",
      entity: "QuestionnaireQuestion",
      entityId: question.id,
      before: { position: question.position },
      after: { position: neighbour.position, swappedWith: neighbour.id },
    });
    return { id: question.id, conferenceId };
  });
}
