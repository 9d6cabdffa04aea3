import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** Every conference for the console's home, with what decides whether it may be closed or deleted. */
export async function listConferencesForAdmin(actor: Actor | null) {
  assertCan(actor, "manage:conference:any");
  const rows = await db().conference.findMany({
    orderBy: [{ isCurrent: "desc" }, { opensOn: "desc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      city: true,
      opensOn: true,
      closesOn: true,
      timeZone: true,
      isCurrent: true,
      closedAt: true,
      _count: { select: { posts: true, candidates: true, hearings: true } },
      hearings: { where: { status: { not: "ENDED" } }, select: { id: true } },
    },
  });
  return rows.map(({ _count, hearings, ...c }) => ({
    ...c,
    opensOn: c.opensOn.toISOString().slice(0, 10),
    closesOn: c.closesOn.toISOString().slice(0, 10),
    posts: _count.posts,
    candidatures: _count.candidates,
    hearings: _count.hearings,
    hearingNotEnded: hearings.length > 0,
  }));
}

export type AdminConferenceRow = Awaited<ReturnType<typeof listConferencesForAdmin>>[number];
