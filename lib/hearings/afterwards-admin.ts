import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { parseChaptersVtt } from "./chapters";

/**
 * What the secretariat's "after the hearing" section shows for one hearing: whether the
 * seed may be revealed, the recording and its chapters. Never the seed itself.
 */
export async function getHearingAfterwardsForAdmin(actor: Actor | null, hearingId: string) {
  assertCan(actor, "manage:hearing:any");
  const hearing = await db().hearing.findUnique({
    where: { id: hearingId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      seedHash: true,
      seedRevealedAt: true,
      recordingUrl: true,
      chaptersVtt: true,
      conference: { select: { name: true, timeZone: true } },
      slots: {
        where: { position: { not: null } },
        orderBy: { position: "asc" },
        select: { candidateId: true, position: true, presentationStartedAt: true, candidate: { select: { name: true } } },
      },
    },
  });
  if (!hearing) return null;
  const { chaptersVtt, ...rest } = hearing;
  return { ...rest, chapters: chaptersVtt ? parseChaptersVtt(chaptersVtt) : [] };
}
