import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { parseChaptersVtt } from "./chapters";

/**
 * What the secretariat's "after the hearing" section shows for one hearing: whether the
 * seed may be revealed, the recording and its chapters. Never the seed itself.
 */
export async function getHearingAfterwardsForAdmin(actor: Actor | null, which: { conferenceId: string; hearingId: string }) {
  assertCan(actor, "manage:hearing:any");
  // A hearing of another conference is not shown on this conference's page.
  const hearing = await db().hearing.findFirst({
    // The real hearing's: a rehearsal's reveal is in its own section (rehearsal-admin.ts).
    where: { id: which.hearingId, conferenceId: which.conferenceId, rehearsal: false },
    select: {
      id: true,
      status: true,
      startsAt: true,
      seedHash: true,
      seedRevealedAt: true,
      closedAt: true,
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
