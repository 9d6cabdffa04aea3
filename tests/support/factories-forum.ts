import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import type { ForumQuestionStatus } from "@/lib/db/generated/enums";
import { makeCandidate, makeConference, makeMemberState, makePost, makeUser, unique, type TestUser } from "./factories";

// Factories for the forum's tests (docs/conventions.md#tests-own-their-data): unique text, own data.

/** An address of the documentation range (RFC 5737) nobody else in the file uses. */
export function someAddress(): string {
  const b = randomBytes(2);
  return `203.0.${b[0]}.${b[1]}`;
}

/** A question as the form would send it. */
export function askInput(candidateId: string, extra: Record<string, unknown> = {}) {
  return {
    candidateId,
    askerName: unique("Asker"),
    askerCountry: "Senegal",
    askerAffiliation: "",
    askerEmail: "",
    body: unique("What will you do about"),
    ...extra,
  };
}

/** A question written straight into the database, in the state asked for. */
export async function makeQuestion(
  db: PrismaClient,
  candidateId: string,
  extra: {
    status?: ForumQuestionStatus;
    body?: string;
    answer?: string | null;
    askerEmail?: string | null;
    createdAt?: Date;
    publishedAt?: Date | null;
    answeredAt?: Date | null;
    reason?: string;
  } = {},
) {
  const status = extra.status ?? "PENDING";
  const body = extra.body ?? unique("Question");
  const publishedAt = extra.publishedAt !== undefined ? extra.publishedAt : status === "PENDING" || status === "DECLINED" ? null : new Date();
  return db.forumQuestion.create({
    data: {
      candidateId,
      askerName: unique("Asker"),
      askerEmail: extra.askerEmail ?? null,
      body,
      bodyHash: createHash("sha256").update(body).digest("hex"),
      ipHash: createHash("sha256").update(unique("ip")).digest("hex"),
      status,
      answer: extra.answer ?? null,
      answeredAt: extra.answeredAt !== undefined ? extra.answeredAt : extra.answer ? new Date() : null,
      publishedAt,
      declineReason: status === "DECLINED" ? (extra.reason ?? "Not a question for this forum.") : null,
      withdrawReason: status === "WITHDRAWN" ? (extra.reason ?? "Published by mistake.") : null,
      hiddenReason: status === "HIDDEN" ? (extra.reason ?? "Abusive language.") : null,
      ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
    },
  });
}

// makeMemberState draws from the 26 user-assigned codes "Q?": a file that needs more
// candidates than that shares one nominating state among them (nothing forbids it).
const sharedStates = new WeakMap<PrismaClient, Promise<{ id: string }>>();

/** A candidate with a signed-in account, in a conference of its own (opening 28 Oct 2030, Geneva). */
export async function makeForumCandidate(db: PrismaClient, status: "ANNOUNCED" | "FORMAL" = "FORMAL") {
  let state = sharedStates.get(db);
  if (!state) {
    state = makeMemberState(db);
    sharedStates.set(db, state);
  }
  const conference = await makeConference(db);
  const post = await makePost(db, conference.id);
  const candidate = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: (await state).id, status });
  const user: TestUser = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  return { candidate, user, conferenceId: conference.id };
}
