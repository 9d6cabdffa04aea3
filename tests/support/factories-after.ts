import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { ALGORITHM, createSeed, drawPermutation, drawQuestions, seedHash, sortIds } from "@/lib/draw/verifiable-draw";
import { makeMemberState, unique } from "./factories";
import { makeStandingCandidate } from "./factories-hearing";

// A hearing as it stands after the fact (docs/conventions.md#tests-own-their-data): seed committed, running order and
// question draws made from it exactly as the services make them, actual times recorded on
// the slots, one extension with its reason. Made directly, so that a file can hold several.

const MINUTE = 60_000;

export async function makeHearingWithDraws(
  db: PrismaClient,
  input: { conferenceId: string; status?: "SCHEDULED" | "LIVE" | "ENDED"; names?: string[]; startsAt?: Date },
) {
  const names = input.names ?? [unique("Candidate"), unique("Candidate")];
  const candidates: { id: string; name: string }[] = [];
  for (const name of names) {
    const candidate = await makeStandingCandidate(db, { conferenceId: input.conferenceId, memberStateId: (await makeMemberState(db)).id });
    candidates.push(await db.candidate.update({ where: { id: candidate.id }, data: { name }, select: { id: true, name: true } }));
  }
  const seed = createSeed();
  const startsAt = input.startsAt ?? new Date("2030-10-27T05:30:00Z");
  const hearing = await db.hearing.create({
    data: {
      conferenceId: input.conferenceId,
      startsAt,
      presentationMinutes: 15,
      qaMinutes: 15,
      questionsPerCandidate: 3,
      seed,
      seedHash: seedHash(seed),
      status: input.status ?? "ENDED",
    },
    select: { id: true },
  });
  const hearingId = hearing.id;

  const eligible = sortIds(candidates.map((c) => c.id));
  const order = drawPermutation({ seed, kind: "RUNNING_ORDER", hearingId, candidateId: null, eligibleIds: eligible });
  await db.draw.create({ data: { hearingId, kind: "RUNNING_ORDER", eligibleIds: eligible, count: order.length, result: order, algorithm: ALGORITHM } });

  // Each candidate spoke in turn: a presentation a little short or long, then Q&A.
  let clock = startsAt.getTime() + MINUTE;
  const slots = [];
  for (const [index, candidateId] of order.entries()) {
    const presentationMs = 15 * MINUTE + (index === 0 ? -4_000 : 62_000);
    const qaMs = 15 * MINUTE + index * 1_000;
    const slot = await db.hearingSlot.create({
      data: {
        hearingId,
        candidateId,
        position: index + 1,
        presentationStartedAt: new Date(clock),
        presentationActualMs: presentationMs,
        qaStartedAt: new Date(clock + presentationMs),
        qaActualMs: qaMs,
        finishedAt: new Date(clock + presentationMs + qaMs),
      },
    });
    slots.push(slot);
    clock += presentationMs + qaMs + 30_000;

    const questions = [];
    for (let q = 0; q < 4; q++) {
      const body = `${unique("Question on spectrum")}?`;
      questions.push(
        await db.hearingQuestion.create({
          data: {
            hearingId,
            candidateId,
            source: q % 2 ? "ROOM" : "WEBCAST",
            askerName: unique("Asker"),
            body,
            bodyHash: createHash("sha256").update(body).digest("hex"),
            status: "APPROVED",
          },
        }),
      );
    }
    const ids = sortIds(questions.map((q) => q.id));
    const result = drawQuestions({ seed, kind: "QUESTIONS", hearingId, candidateId, eligibleIds: ids, count: 3 });
    const draw = await db.draw.create({ data: { hearingId, kind: "QUESTIONS", candidateId, eligibleIds: ids, count: 3, result, algorithm: ALGORITHM } });
    for (const [position, id] of result.entries()) {
      await db.hearingQuestion.update({ where: { id }, data: { status: "ANSWERED", drawId: draw.id, drawPosition: position + 1 } });
    }
  }
  const extended = slots[1] ?? slots[0];
  if (extended) {
    await db.hearingExtension.create({
      data: { slotId: extended.id, phase: "PRESENTATION", addedMs: MINUTE, reason: "Interpretation into Arabic was lost for a minute." },
    });
  }
  const ordered = order.map((id) => candidates.find((c) => c.id === id) as { id: string; name: string });
  return { hearingId, seed, seedHash: seedHash(seed), candidates: ordered, slots };
}
