import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseLocalDateTime, zonedWallTimeToUtc } from "@/lib/time/zones";
import { parseInput } from "@/lib/validation/parse";
import { HEARING_FIELDS, lockHearing, presentersOf } from "./hearing-admin";
import { chairProblem, hearingDateProblem } from "./rules";
import { setUpHearingSchema } from "./schema";

const CHAIR_MESSAGES = {
  notAChair: "adminHearing.chairNotAChair",
  isStaff: "adminHearing.chairIsStaff",
  presentingState: "adminHearing.chairPresentingState",
} as const;

/** ¶8: refuses a chair who is staff or from an administration presenting a candidate. */
export async function assertImpartialChair(tx: Tx, chairId: string, presentingStateIds: readonly string[]) {
  const user = await tx.user.findUnique({ where: { id: chairId }, select: { role: true, isStaff: true, memberStateId: true, disabledAt: true } });
  const problem = user ? chairProblem({ ...user, disabled: user.disabledAt !== null }, presentingStateIds) : "notAChair";
  if (problem) {
    const messageKey = CHAIR_MESSAGES[problem];
    throw new DomainError("INVALID_INPUT", { messageKey, fieldErrors: { chairId: messageKey } });
  }
}

/**
 * The secretariat creates or edits the hearing of `conferenceId` (locked; a closed one is
 * refused): date (¶8, ¶9), chair (¶8), one pair of slot times and the number of drawn
 * questions (¶6), webcast (¶6, ¶7). When the hearing is created, every presenting
 * candidature gets its slot.
 */
export async function setUpHearing({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(setUpHearingSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const startsAt = zonedWallTimeToUtc(parseLocalDateTime(data.startsAt), conference.timeZone);
    const dateProblem = hearingDateProblem(startsAt, conference);
    if (dateProblem) {
      const messageKey = `adminHearing.${dateProblem}`;
      throw new DomainError("INVALID_INPUT", { messageKey, fieldErrors: { startsAt: messageKey } });
    }
    const presenters = await presentersOf(tx, conference.id);
    await assertImpartialChair(
      tx,
      data.chairId,
      presenters.map((p) => p.memberStateId),
    );

    const fields = { ...data, startsAt };
    const before = await lockHearing(tx, conference.id);
    // Equal time and the draw's parameters are what the hearing was run and verified with:
    // once it has started they are frozen (a changed question count would make honest draws
    // fail verification). The venue and the webcast may still change.
    if (before && before.status !== "SCHEDULED") {
      const frozen = {
        startsAt: before.startsAt.getTime() !== startsAt.getTime(),
        presentationMinutes: before.presentationMinutes !== data.presentationMinutes,
        qaMinutes: before.qaMinutes !== data.qaMinutes,
        questionsPerCandidate: before.questionsPerCandidate !== data.questionsPerCandidate,
        chairId: (before.chairId ?? null) !== (data.chairId ?? null),
      };
      const changed = Object.entries(frozen)
        .filter(([, differs]) => differs)
        .map(([field]) => field);
      if (changed.length > 0) {
        throw new DomainError("CONFLICT", {
          messageKey: "adminHearing.frozenOnceStarted",
          fieldErrors: Object.fromEntries(changed.map((field) => [field, "adminHearing.frozenOnceStarted"])),
        });
      }
    }
    const after = before
      ? await tx.hearing.update({ where: { id: before.id }, data: fields, select: HEARING_FIELDS })
      : await tx.hearing.create({
          data: { ...fields, conferenceId: conference.id, slots: { create: presenters.map((p) => ({ candidateId: p.id })) } },
          select: HEARING_FIELDS,
        });
    await emitAudit(tx, { actor, area: "hearing", action: before ? "updated" : "created", entity: "Hearing", entityId: after.id, before, after });
    return after;
  });
}
