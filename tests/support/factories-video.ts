import type { PrismaClient } from "@/lib/db/client";
import { makeCandidate, makeConference, makeMemberState, makePost, makeUser, unique } from "./factories";

/** A video material of `candidateId` with no video yet (or the fields given), in the state asked for. */
export async function makeVideo(
  db: PrismaClient,
  candidateId: string,
  state: "DRAFT" | "PUBLISHED" | "TAKEN_DOWN" = "DRAFT",
  extra: Record<string, unknown> = {},
) {
  return db.material.create({
    data: { candidateId, kind: "VIDEO", title: unique("Video"), language: "en", state, publishedAt: state === "PUBLISHED" ? new Date() : null, ...extra },
  });
}

/**
 * Signed-in candidates standing in one shared conference, post and Member State. A file
 * with many tests needs this: makeMemberState has only 26 distinct two-letter codes (Q + A–Z)
 * and loops for ever once a database holds them all.
 */
export function candidateAccounts(db: PrismaClient) {
  let place: Promise<{ conferenceId: string; postId: string; memberStateId: string }> | undefined;
  return async (status: "ANNOUNCED" | "FORMAL" = "FORMAL") => {
    place ??= (async () => {
      const conference = await makeConference(db);
      const post = await makePost(db, conference.id);
      const state = await makeMemberState(db);
      return { conferenceId: conference.id, postId: post.id, memberStateId: state.id };
    })();
    const candidate = await makeCandidate(db, { ...(await place), status });
    const user = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
    return { candidate, user };
  };
}
