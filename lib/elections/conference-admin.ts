import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { CONFERENCE_FIELDS } from "@/lib/conferences/fields";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

/** A conference as the secretariat edits it, by id or by the slug in the console's URL. */
export async function getConferenceForAdmin(actor: Actor | null, which: { id: string } | { slug: string }) {
  assertCan(actor, "manage:conference:any");
  const conference = await db().conference.findUnique({ where: "id" in which ? { id: which.id } : { slug: which.slug }, select: CONFERENCE_FIELDS });
  if (!conference) throw new DomainError("NOT_FOUND");
  return conference;
}
