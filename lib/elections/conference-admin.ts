import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { CONFERENCE_FIELDS } from "@/lib/conferences/fields";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

export { CONFERENCE_FIELDS };

/** @deprecated Kept for callers not yet moved: use lockConferenceForChange (lib/conferences/lock). */
export function lockConference(tx: Tx, conferenceId: string) {
  return lockConferenceForChange(tx, conferenceId);
}

/** A conference as the secretariat edits it, by id or by the slug in the console's URL. */
export async function getConferenceForAdmin(actor: Actor | null, which: { id: string } | { slug: string }) {
  assertCan(actor, "manage:conference:any");
  const conference = await db().conference.findUnique({ where: "id" in which ? { id: which.id } : { slug: which.slug }, select: CONFERENCE_FIELDS });
  if (!conference) throw new DomainError("NOT_FOUND");
  return conference;
}
