import type { PrismaClient } from "@/lib/db/client";
import { makeCandidate, makeConference, makeMemberState, makePost, makeUser, unique, type TestUser } from "./factories";

/** A candidate with a signed-in account, in a conference of their own (corporate domain itu.int by default). */
export async function makeCandidateAccount(db: PrismaClient, status: "ANNOUNCED" | "FORMAL" = "FORMAL", conferenceId?: string) {
  const conference = conferenceId ?? (await makeConference(db)).id;
  const post = await makePost(db, conference);
  const state = await makeMemberState(db);
  const candidate = await makeCandidate(db, { conferenceId: conference, postId: post.id, memberStateId: state.id, status });
  const user: TestUser = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  return { candidate, user, conferenceId: conference };
}

/** A statement of `candidateId`, in the state asked for. */
export async function makeStatement(db: PrismaClient, candidateId: string, state: "DRAFT" | "PUBLISHED" = "DRAFT") {
  return db.material.create({
    data: {
      candidateId,
      kind: "STATEMENT",
      title: unique("Statement"),
      language: "en",
      body: "A **programme** for all.",
      state,
      publishedAt: state === "PUBLISHED" ? new Date() : null,
      declaredNoSymbols: state === "PUBLISHED",
      declaredNoResources: state === "PUBLISHED",
    },
  });
}
