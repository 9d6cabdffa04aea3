import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { createSeed, seedHash } from "@/lib/draw/verifiable-draw";
import { unique } from "./factories";
import { makeChair, makeMemberState, makeStandingCandidate } from "./factories-hearing";

// Factories for the live hearing's tests (docs/conventions.md#tests-own-their-data): a hearing ready to go live (seed
// committed, running order in place) made directly, so that one test file can hold several.

export async function makeReadyHearing(
  db: PrismaClient,
  input: { conferenceId: string; candidates?: number; questionsPerCandidate?: 2 | 3; presentationMinutes?: number; qaMinutes?: number },
) {
  const chair = await makeChair(db);
  const candidates = [];
  for (let i = 0; i < (input.candidates ?? 2); i++) {
    candidates.push(await makeStandingCandidate(db, { conferenceId: input.conferenceId, memberStateId: (await makeMemberState(db)).id }));
  }
  const seed = createSeed();
  const hearing = await db.hearing.create({
    data: {
      conferenceId: input.conferenceId,
      startsAt: new Date("2030-10-27T05:30:00Z"),
      presentationMinutes: input.presentationMinutes ?? 15,
      qaMinutes: input.qaMinutes ?? 15,
      questionsPerCandidate: input.questionsPerCandidate ?? 3,
      chairId: chair.id,
      seed,
      seedHash: seedHash(seed),
      slots: { create: candidates.map((c, i) => ({ candidateId: c.id, position: i + 1 })) },
    },
    select: { id: true },
  });
  return { hearingId: hearing.id, chair, candidates, seed };
}

/** A question in a candidate's queue, as the webcast form or the secretariat would leave it. */
export async function makeHearingQuestion(
  db: PrismaClient,
  input: { hearingId: string; candidateId: string; status?: "PENDING" | "APPROVED" | "SET_ASIDE"; source?: "ROOM" | "WEBCAST" },
) {
  const body = `${unique("What will you do about spectrum")}?`;
  return db.hearingQuestion.create({
    data: {
      hearingId: input.hearingId,
      candidateId: input.candidateId,
      source: input.source ?? "WEBCAST",
      askerName: unique("Asker"),
      body,
      bodyHash: createHash("sha256").update(body).digest("hex"),
      status: input.status ?? "PENDING",
    },
  });
}
