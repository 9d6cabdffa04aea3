import "server-only";
import { unstable_cache } from "next/cache";
import type { Actor } from "@/lib/auth/permissions";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import type { WebcastAccess } from "@/lib/db/generated/enums";
import { HEARING_ID } from "@/lib/live/protocol";
import { mayFollowWebcast } from "./webcast-rules";

// Who may read a hearing's live panel (its event stream: the speaker, the clock, the question
// on screen with its asker's name): the webcast's own rule (docs/domain.md#webcast-access,
// docs/decisions/027-same-origin-and-members-only-stream.md). A public hearing costs no
// session read; a members-only one needs a signed-in viewer who may watch.

export type LiveAccess = "open" | "signInNeeded" | "notAllowed";

/** The hearing's webcast access, or null for none such; cached with the hearing's pages (TAGS.hearings). */
function readWebcastAccess(hearingId: string): Promise<WebcastAccess | null> {
  return unstable_cache(
    async () => (await db().hearing.findUnique({ where: { id: hearingId }, select: { webcastAccess: true } }))?.webcastAccess ?? null,
    ["hearing-live-access", hearingId],
    { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS },
  )();
}

/**
 * May the viewer read this hearing's live panel? An unknown hearing is "open": its stream
 * says NOT_FOUND by itself. Throws when the database cannot be read (the caller says so).
 */
export async function liveAccess(hearingId: string, viewer: () => Promise<Actor | null>): Promise<LiveAccess> {
  if (!HEARING_ID.test(hearingId)) return "open";
  const access = await readWebcastAccess(hearingId);
  if (access === null || access === "PUBLIC") return "open";
  const actor = await viewer();
  if (mayFollowWebcast(access, actor)) return "open";
  return actor ? "notAllowed" : "signInNeeded";
}
