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
import { deadlineRefusal } from "./rules";
import { createQuestionnaireSchema } from "./schema";

/** The secretariat opens a round of common questions for `conferenceId`, with its deadline (on the conference's clocks). */
export async function createQuestionnaire({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:questionnaire:any");
  const { deadline } = parseInput(createQuestionnaireSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const deadlineAt = zonedWallTimeToUtc(parseLocalDateTime(deadline), conference.timeZone);
    const refused = deadlineRefusal(deadlineAt, await databaseNow(tx));
    if (refused) throw new DomainError("INVALID_INPUT", { fieldErrors: { deadline: refused } });
    const last = await tx.questionnaire.aggregate({ where: { conferenceId }, _max: { number: true } });
    const after = await tx.questionnaire.create({
      data: { conferenceId, number: (last._max.number ?? 0) + 1, deadlineAt },
      select: { id: true, number: true, deadlineAt: true },
    });
    await emitAudit(tx, { actor, area: "questionnaire", action: "created", entity: "Questionnaire", entityId: after.id, after: { ...after, conferenceId } });
    return { ...after, conferenceId };
  });
}
