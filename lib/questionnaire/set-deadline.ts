import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseLocalDateTime, zonedWallTimeToUtc } from "@/lib/time/zones";
import { parseInput } from "@/lib/validation/parse";
import { databaseNow } from "./clock";
import { lockRound } from "./locks";
import { deadlineRefusal, roundChangeRefusal } from "./rules";
import { setDeadlineSchema } from "./schema";

/**
 * The secretariat moves a round's deadline, earlier or later, while it has not passed; once it
 * has, the answers are frozen and public, and stay so (docs/fairness.md#common-questionnaire).
 */
export async function setQuestionnaireDeadline({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:questionnaire:any");
  const { questionnaireId, deadline } = parseInput(setDeadlineSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const round = await lockRound(tx, conference.id, questionnaireId);
    const now = await databaseNow(tx);
    const frozen = roundChangeRefusal(round.deadlineAt, now);
    if (frozen) throw new DomainError("CONFLICT", { messageKey: frozen });
    const deadlineAt = zonedWallTimeToUtc(parseLocalDateTime(deadline), conference.timeZone);
    const refused = deadlineRefusal(deadlineAt, now);
    if (refused) throw new DomainError("INVALID_INPUT", { fieldErrors: { deadline: refused } });
    const after = await tx.questionnaire.update({ where: { id: round.id }, data: { deadlineAt }, select: { id: true, number: true, deadlineAt: true } });
    await emitAudit(tx, {
      actor,
      area: "questionnaire",
      action: "deadline-set",
      entity: "Questionnaire",
      entityId: round.id,
      before: { deadlineAt: round.deadlineAt },
      after: { deadlineAt: after.deadlineAt },
    });
    return { ...after, conferenceId };
  });
}
