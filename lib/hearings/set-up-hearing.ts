import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAllowedMediaAddress } from "@/lib/materials/media-address";
import { parseLocalDateTime, zonedWallTimeToUtc } from "@/lib/time/zones";
import { parseQuota, QUOTA_SOURCES } from "@/lib/draw/quota";
import { parseInput } from "@/lib/validation/parse";
import { HEARING_FIELDS, lockHearing, presentersOf } from "./hearing-admin";
import { chairProblem, hearingDateProblem } from "./rules";
import { setUpHearingSchema } from "./schema";
import { frozenSetUpFields, hearingStage, type SetUpField } from "./stage";

export const CHAIR_MESSAGES = {
  notAChair: "adminHearing.chairNotAChair",
  isStaff: "adminHearing.chairIsStaff",
  presentingState: "adminHearing.chairPresentingState",
  presentingNationality: "adminHearing.chairPresentingNationality",
} as const;

/** ¶8: refuses a chair who is staff, or a member or national of a state presenting a candidate. */
export async function assertImpartialChair(tx: Tx, chairId: string, presentingStateIds: readonly string[]) {
  const user = await tx.user.findUnique({
    where: { id: chairId },
    select: { role: true, isStaff: true, memberStateId: true, nationalityId: true, disabledAt: true },
  });
  const problem = user ? chairProblem({ ...user, disabled: user.disabledAt !== null }, presentingStateIds) : "notAChair";
  if (problem) {
    const messageKey = CHAIR_MESSAGES[problem];
    throw new DomainError("INVALID_INPUT", { messageKey, fieldErrors: { chairId: messageKey } });
  }
}

const FROZEN_MESSAGES = {
  COMMITTED: "adminHearing.frozenOnceCommitted",
  RUNNING: "adminHearing.frozenOnceStarted",
  ENDED: "adminHearing.frozenOnceStarted",
  REVEALED: "adminHearing.frozenOnceStarted",
} as const;

/**
 * The secretariat creates or edits the hearing of `conferenceId` (locked; a closed one is
 * refused): date (¶8, ¶9), chair (¶8), one pair of slot times and the number of drawn
 * questions (¶6), webcast (¶6, ¶7). When the hearing is created, every presenting
 * candidature gets its slot. What may still change depends on the stage
 * (lib/hearings/stage.ts); a closed record changes no more.
 */
export async function setUpHearing({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(setUpHearingSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    const before = await lockHearing(tx, conference.id);
    const stage = before ? hearingStage(before) : "SET_UP";
    if (stage === "CLOSED") throw new DomainError("CONFLICT", { messageKey: "adminHearing.recordClosed" });
    // A webcast address only from the allowed origins (docs/decisions/028-media-origins.md); one
    // saved before the list changed may stay while other fields change (the page says it is not played).
    if (data.webcastKind === "URL" && data.webcastSource && data.webcastSource !== before?.webcastSource) {
      assertAllowedMediaAddress(data.webcastSource, "webcastSource");
    }
    const startsAt = zonedWallTimeToUtc(parseLocalDateTime(data.startsAt), conference.timeZone);
    const fields = { ...data, startsAt };

    // Equal time and the draw's parameters are what the draws were committed to and the
    // hearing run with; once started, the date and the chair too (a changed question count
    // would make honest draws fail verification). The venue and the webcast may still change.
    const frozen = frozenSetUpFields(stage);
    if (before && frozen.length > 0) {
      const differs: Record<SetUpField, boolean> = {
        startsAt: before.startsAt.getTime() !== startsAt.getTime(),
        presentationMinutes: before.presentationMinutes !== data.presentationMinutes,
        qaMinutes: before.qaMinutes !== data.qaMinutes,
        questionsPerCandidate: before.questionsPerCandidate !== data.questionsPerCandidate,
        chairId: (before.chairId ?? null) !== (data.chairId ?? null),
        venue: (before.venue ?? null) !== (data.venue ?? null),
        webcastKind: before.webcastKind !== data.webcastKind,
        webcastSource: (before.webcastSource ?? null) !== (data.webcastSource ?? null),
        webcastAccess: before.webcastAccess !== data.webcastAccess,
      };
      const changed = frozen.filter((field) => differs[field]);
      if (changed.length > 0) {
        const messageKey = FROZEN_MESSAGES[stage as keyof typeof FROZEN_MESSAGES];
        throw new DomainError("CONFLICT", { messageKey, fieldErrors: Object.fromEntries(changed.map((field) => [field, messageKey])) });
      }
    }
    // The date and the chair are judged while they may still change; after the start they are
    // frozen and were judged at the start (start-checks.ts).
    if (!frozen.includes("startsAt")) {
      const dateProblem = hearingDateProblem(startsAt, conference);
      if (dateProblem) {
        const messageKey = `adminHearing.${dateProblem}`;
        throw new DomainError("INVALID_INPUT", { messageKey, fieldErrors: { startsAt: messageKey } });
      }
    }
    // The quota's minimums must still fit the places (docs/fairness.md#quota-draws): the count
    // is lowered only after the minimums, never below them.
    if (before && before.questionsPerCandidate !== data.questionsPerCandidate) {
      const stored = await tx.hearing.findUnique({ where: { id: before.id }, select: { questionQuota: true } });
      const quota = parseQuota(stored?.questionQuota ?? null);
      const mins = quota ? QUOTA_SOURCES.reduce((sum, s) => sum + quota.sources[s].min, 0) : 0;
      if (mins > data.questionsPerCandidate) {
        const messageKey = "questionQuota.questionsBelowQuota";
        throw new DomainError("INVALID_INPUT", { messageKey, fieldErrors: { questionsPerCandidate: messageKey } });
      }
    }
    const presenters = await presentersOf(tx, conference.id);
    if (!frozen.includes("chairId")) {
      await assertImpartialChair(
        tx,
        data.chairId,
        presenters.map((p) => p.memberStateId),
      );
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
