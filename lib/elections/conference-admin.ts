import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";

export const CONFERENCE_FIELDS = {
  id: true,
  slug: true,
  name: true,
  city: true,
  opensOn: true,
  closesOn: true,
  timeZone: true,
  deadlineOverrideAt: true,
  deadlineOverrideReason: true,
  corporateDomains: true,
  defaultWebcastAccess: true,
  forumClosesAt: true,
} as const;

/** The conference the console configures (HUSTINGS_CONFERENCE), read inside a change. */
export async function lockConference(tx: Tx) {
  const slug = env().HUSTINGS_CONFERENCE;
  // FOR UPDATE: two secretariat officers saving at once are applied one after the other.
  await tx.$executeRaw`SELECT 1 FROM "Conference" WHERE slug = ${slug} FOR UPDATE`;
  const conference = await tx.conference.findUnique({ where: { slug }, select: CONFERENCE_FIELDS });
  if (!conference) throw new DomainError("NOT_FOUND");
  return conference;
}

/** The conference as the secretariat edits it. */
export async function getConferenceForAdmin(actor: Actor | null) {
  assertCan(actor, "manage:conference:any");
  const conference = await db().conference.findUnique({ where: { slug: env().HUSTINGS_CONFERENCE }, select: CONFERENCE_FIELDS });
  if (!conference) throw new DomainError("NOT_FOUND");
  return conference;
}
