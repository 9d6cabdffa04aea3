import type { PrismaClient } from "@/lib/db/client";
import { makeCandidate, makeConference, makeMemberState, makePost, makeUser, unique, type TestUser } from "./factories";

// Factories for the Ethics Office review (docs/conventions.md#tests-own-their-data): each test makes its own candidate and drafts.

/** A candidature with its candidate's account. */
export async function makeCandidateWithUser(db: PrismaClient, options: { status?: "ANNOUNCED" | "FORMAL"; conference?: { id: string } } = {}) {
  const status = options.status ?? "FORMAL";
  const conference = options.conference ?? (await makeConference(db));
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  const candidate = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id, status });
  const user: TestUser = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  return { conference, candidate, user };
}

/** A draft statement of `candidateId`, with text that tests can look for. */
export async function makeDraftStatement(
  db: PrismaClient,
  candidateId: string,
  extra: { state?: "DRAFT" | "PUBLISHED" | "TAKEN_DOWN"; title?: string; body?: string } = {},
) {
  return db.material.create({
    data: {
      candidateId,
      kind: "STATEMENT",
      title: extra.title ?? unique("Draft statement"),
      language: "en",
      body: extra.body ?? unique("Draft text of the statement"),
      state: extra.state ?? "DRAFT",
      publishedAt: extra.state === "PUBLISHED" ? new Date() : null,
    },
  });
}

/** A request already sent, as the candidate would have sent it. */
export async function makeReviewRequest(db: PrismaClient, material: { id: string; candidateId: string }, question = unique("Question")) {
  return db.ethicsReview.create({ data: { materialId: material.id, candidateId: material.candidateId, question } });
}
