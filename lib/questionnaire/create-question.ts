import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { databaseNow } from "./clock";
import { assertPostOfConference, lockRound } from "./locks";
import { roundChangeRefusal } from "./rules";
import { createQuestionSchema } from "./schema";

/** The secretariat adds a draft question at the end of a round, for one post or every post. */
export async function createQuestion({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:questionnaire:any");
  const { questionnaireId, texts, postId } = parseInput(createQuestionSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const round = await lockRound(tx, conference.id, questionnaireId);
    const frozen = roundChangeRefusal(round.deadlineAt, await databaseNow(tx));
    if (frozen) throw new DomainError("CONFLICT", { messageKey: frozen });
    await assertPostOfConference(tx, conference.id, postId);
    const last = await tx.questionnaireQuestion.aggregate({ where: { questionnaireId }, _max: { position: true } });
    const after = await tx.questionnaireQuestion.create({
      data: { questionnaireId, texts, postId, position: (last._max.position ?? 0) + 1 },
      select: { id: true, questionnaireId: true, position: true, texts: true, postId: true },
    });
    await emitAudit(tx, { actor, area: "questionnaire", action: "question-created", entity: "QuestionnaireQuestion", entityId: after.id, after });
    return { ...after, conferenceId };
  });
}
