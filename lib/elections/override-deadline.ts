import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseLocalDateTime, zonedWallTimeToUtc } from "@/lib/time/zones";
import { parseInput } from "@/lib/validation/parse";
import { CONFERENCE_FIELDS } from "@/lib/conferences/fields";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { GR170_TIME_ZONE } from "./deadline";
import { OVERRIDE_PROBLEM_KEYS, overrideProblem } from "./override-rules";
import { clearOverrideSchema, overrideDeadlineSchema } from "./schema";

/**
 * GR170 computes the deadline; the secretariat may set another one only with a written
 * reason, kept in the audit log and shown beside the date. The new deadline must fall
 * before the opening and before the hearing, and not before a candidature already formally
 * received (lib/elections/override-rules.ts).
 */
export async function overrideDeadline({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:conference:any");
  const { at, reason } = parseInput(overrideDeadlineSchema, input);
  const instant = zonedWallTimeToUtc(parseLocalDateTime(at), GR170_TIME_ZONE);
  return db().$transaction(async (tx) => {
    const before = await lockConferenceForChange(tx, conferenceId);
    const [hearing, received] = await Promise.all([
      tx.hearing.findFirst({ where: { conferenceId, rehearsal: false }, orderBy: { startsAt: "asc" }, select: { startsAt: true } }),
      tx.candidate.aggregate({ where: { conferenceId }, _max: { formallyReceivedAt: true } }),
    ]);
    const problem = overrideProblem(instant, {
      opensOn: before.opensOn,
      timeZone: before.timeZone,
      hearingStartsAt: hearing?.startsAt,
      lastReceivedAt: received._max.formallyReceivedAt,
    });
    if (problem) {
      const messageKey = OVERRIDE_PROBLEM_KEYS[problem];
      throw new DomainError("INVALID_INPUT", { messageKey, fieldErrors: { at: messageKey } });
    }
    const after = await tx.conference.update({
      where: { id: before.id },
      data: { deadlineOverrideAt: instant, deadlineOverrideReason: reason },
      select: CONFERENCE_FIELDS,
    });
    await emitAudit(tx, { actor, area: "conference", action: "deadline-overridden", entity: "Conference", entityId: after.id, before, after });
    return after;
  });
}

/** Back to the deadline GR170 computes; the reason for going back is audited too. */
export async function clearDeadlineOverride({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:conference:any");
  const { reason } = parseInput(clearOverrideSchema, input);
  return db().$transaction(async (tx) => {
    const before = await lockConferenceForChange(tx, conferenceId);
    if (!before.deadlineOverrideAt) throw new DomainError("CONFLICT", { messageKey: "adminConference.noOverride" });
    const after = await tx.conference.update({
      where: { id: before.id },
      data: { deadlineOverrideAt: null, deadlineOverrideReason: null },
      select: CONFERENCE_FIELDS,
    });
    await emitAudit(tx, {
      actor,
      area: "conference",
      action: "deadline-override-cleared",
      entity: "Conference",
      entityId: after.id,
      before,
      after: { ...after, reason },
    });
    return after;
  });
}
