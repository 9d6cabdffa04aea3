import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { unique } from "./factories";
import { makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "./factories-hearing";
import { commitSealedSeed, drawOrderDirectly } from "./hearing-stages";

// Factories for the live hearing's tests (docs/conventions.md#tests-own-their-data): a hearing ready to go live (seed
// committed and sealed, running order drawn under it: the start checklist is empty) made
// directly, so that one test file can hold several. Without `conferenceId` each gets a
// conference of its own: the start checks that the presenters are the conference's formal
// candidatures, so two hearings on one conference cannot both start.

export async function makeReadyHearing(
  db: PrismaClient,
  input: { conferenceId?: string; candidates?: number; questionsPerCandidate?: 2 | 3; presentationMinutes?: number; qaMinutes?: number } = {},
) {
  const conferenceId = input.conferenceId ?? (await makeHearingConference(db)).id;
  const chair = await makeChair(db);
  const made: Awaited<ReturnType<typeof makeStandingCandidate>>[] = [];
  for (let i = 0; i < (input.candidates ?? 2); i++) {
    made.push(await makeStandingCandidate(db, { conferenceId, memberStateId: (await makeMemberState(db)).id }));
  }
  const hearing = await db.hearing.create({
    data: {
      conferenceId,
      startsAt: new Date("2030-10-27T05:30:00Z"),
      presentationMinutes: input.presentationMinutes ?? 15,
      qaMinutes: input.qaMinutes ?? 15,
      questionsPerCandidate: input.questionsPerCandidate ?? 3,
      chairId: chair.id,
      slots: { create: made.map((c) => ({ candidateId: c.id })) },
    },
    select: { id: true },
  });
  const commitment = await commitSealedSeed(db, hearing.id);
  const order = await drawOrderDirectly(db, hearing.id, commitment);
  // In running order: candidates[0] speaks first.
  const candidates = order.map((id) => made.find((c) => c.id === id) as (typeof made)[number]);
  return { hearingId: hearing.id, conferenceId, chair, candidates, seed: commitment.seed, seedHash: commitment.seedHash };
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
