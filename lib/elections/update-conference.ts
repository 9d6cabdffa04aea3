import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { parseLocalDateTime, zonedWallTimeToUtc } from "@/lib/time/zones";
import { parseInput } from "@/lib/validation/parse";
import { CONFERENCE_FIELDS } from "@/lib/conferences/fields";
import { assertNoOverlap } from "@/lib/conferences/dates";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { updateConferenceSchema } from "./schema";

/** The secretariat edits a conference (the one its form was rendered for): name, city, dates, zone, corporate domains, webcast access, forums' closing time. */
export async function updateConference({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:conference:any");
  const { forumClosesAt, ...data } = parseInput(updateConferenceSchema, input);
  // The forums' closing time is typed on the conference's clocks; empty means "at the opening".
  const forum =
    forumClosesAt === undefined ? {} : { forumClosesAt: forumClosesAt === "" ? null : zonedWallTimeToUtc(parseLocalDateTime(forumClosesAt), data.timeZone) };
  return db().$transaction(async (tx) => {
    const before = await lockConferenceForChange(tx, conferenceId);
    // Moving the dates onto another conference's is refused as at creation; a save that keeps
    // them does not re-judge what was accepted then.
    const datesChanged = data.opensOn !== isoDay(before.opensOn) || data.closesOn !== isoDay(before.closesOn);
    if (datesChanged) await assertNoOverlap(tx, data, before.id);
    const after = await tx.conference.update({
      where: { id: before.id },
      data: { ...data, ...forum, opensOn: new Date(data.opensOn), closesOn: new Date(data.closesOn) },
      select: CONFERENCE_FIELDS,
    });
    await emitAudit(tx, { actor, area: "conference", action: "updated", entity: "Conference", entityId: after.id, before, after });
    return after;
  });
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
