import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { PUBLIC_RECORD_STATUSES } from "@/lib/campaign/rules";
import { db } from "@/lib/db";
import { isPublicFile } from "@/lib/uploads/file-access";

/**
 * Every public profile of a conference, what the secretariat may take down beside material
 * (docs/domain.md#takedown): the published versions and the photo and CV as the public page
 * shows them.
 */
export async function listPublicProfilesForTakedown(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "takedown:material:any");
  const candidates = await db().candidate.findMany({
    where: { conferenceId, status: { in: [...PUBLIC_RECORD_STATUSES] }, profiles: { some: { publishedAt: { not: null } } } },
    select: {
      id: true,
      name: true,
      status: true,
      photoKey: true,
      cvKey: true,
      profiles: { where: { publishedAt: { not: null } }, select: { locale: true, vision: true, publishedAt: true }, orderBy: { locale: "asc" } },
    },
    orderBy: { name: "asc" },
    take: 500,
  });
  return candidates.map(({ photoKey, cvKey, ...c }) => {
    const filesPublic = isPublicFile({ kind: "photo", candidateId: c.id, status: c.status, profilePublished: c.profiles.length > 0, fileName: null });
    return { ...c, photoKey: filesPublic ? photoKey : null, cvKey: filesPublic ? cvKey : null };
  });
}
