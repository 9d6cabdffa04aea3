import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { ALGORITHM, createSeed, drawPermutation, drawQuestions, seedHash, sortIds } from "@/lib/draw/verifiable-draw";
import { makeMemberState, unique } from "./factories";
import { makeStandingCandidate } from "./factories-hearing";

// A hearing as it stands after the fact (docs/conventions.md#tests-own-their-data): seed committed, running order and
// question draws made from it exactly as the services make them (with their entropy, commitment
// and queue counts), actual times recorded on the slots, one extension with its reason; on
// request the seed revealed, and an earlier commitment voided with a draw made under it. Made
// directly, so that a file can hold several. The seed is sealed the legacy way ('v1-plain:'),
// which any server's key opens: sealing itself is tested in tests/unit/draw-seal.test.ts.

const MINUTE = 60_000;

export async function makeHearingWithDraws(
  db: PrismaClient,
  input: { conferenceId: string; status?: "SCHEDULED" | "LIVE" | "ENDED"; names?: string[]; startsAt?: Date; revealed?: boolean; voided?: boolean },
) {
  const names = input.names ?? [unique("Candidate"), unique("Candidate")];
  const candidates: { id: string; name: string }[] = [];
  for (const name of names) {
    const candidate = await makeStandingCandidate(db, { conferenceId: input.conferenceId, memberStateId: (await makeMemberState(db)).id });
    candidates.push(await db.candidate.update({ where: { id: candidate.id }, data: { name }, select: { id: true, name: true } }));
  }
  const seed = createSeed();
  const startsAt = input.startsAt ?? new Date("2030-10-27T05:30:00Z");
  const now = Date.now();
  const committedAt = new Date(now - 60 * MINUTE);
  const hearing = await db.hearing.create({
    data: {
      conferenceId: input.conferenceId,
      startsAt,
      presentationMinutes: 15,
      qaMinutes: 15,
      questionsPerCandidate: 3,
      sealedSeed: `v1-plain:${seed}`,
      seedHash: seedHash(seed),
      seedCommittedAt: committedAt,
      status: input.status ?? "ENDED",
    },
    select: { id: true },
  });
  const hearingId = hearing.id;

  const eligible = sortIds(candidates.map((c) => c.id));
  let voided: { seed: string; seedHash: string; drawId: string } | null = null;
  if (input.voided) {
    // Committed, drawn, then voided by a re-opening before the present commitment.
    const old = createSeed();
    const entropy = "6655";
    const result = drawPermutation({ seed: old, kind: "RUNNING_ORDER", hearingId, candidateId: null, entropy, eligibleIds: eligible });
    await db.voidedCommitment.create({
      data: {
        hearingId,
        seedHash: seedHash(old),
        seed: old,
        committedAt: new Date(now - 180 * MINUTE),
        voidedAt: new Date(now - 120 * MINUTE),
        reason: "A candidature became formal after the commitment.",
      },
    });
    const draw = await db.draw.create({
      data: {
        hearingId,
        kind: "RUNNING_ORDER",
        eligibleIds: eligible,
        count: result.length,
        result,
        algorithm: ALGORITHM,
        seedHash: seedHash(old),
        entropy,
        createdAt: new Date(now - 150 * MINUTE),
      },
    });
    voided = { seed: old, seedHash: seedHash(old), drawId: draw.id };
  }
  const orderEntropy = "314159";
  const order = drawPermutation({ seed, kind: "RUNNING_ORDER", hearingId, candidateId: null, entropy: orderEntropy, eligibleIds: eligible });
  await db.draw.create({
    data: {
      hearingId,
      kind: "RUNNING_ORDER",
      eligibleIds: eligible,
      count: order.length,
      result: order,
      algorithm: ALGORITHM,
      seedHash: seedHash(seed),
      entropy: orderEntropy,
    },
  });

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
    // One question set aside by the chair, never drawn: counted at the draw, never published.
    const setAside = `${unique("Set aside")}?`;
    await db.hearingQuestion.create({
      data: {
        hearingId,
        candidateId,
        source: "WEBCAST",
        askerName: unique("Asker"),
        body: setAside,
        bodyHash: createHash("sha256").update(setAside).digest("hex"),
        status: "SET_ASIDE",
      },
    });
    const ids = sortIds(questions.map((q) => q.id));
    const entropy = `2718${index}`;
    const result = drawQuestions({ seed, kind: "QUESTIONS", hearingId, candidateId, entropy, eligibleIds: ids, count: 3 });
    const draw = await db.draw.create({
      data: {
        hearingId,
        kind: "QUESTIONS",
        candidateId,
        eligibleIds: ids,
        count: 3,
        result,
        algorithm: ALGORITHM,
        seedHash: seedHash(seed),
        entropy,
        pendingCount: 0,
        setAsideCount: 1,
      },
    });
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
  if (input.revealed) {
    await db.hearing.update({ where: { id: hearingId }, data: { seed, sealedSeed: null, seedRevealedAt: new Date() } });
  }
  const ordered = order.map((id) => candidates.find((c) => c.id === id) as { id: string; name: string });
  return { hearingId, seed, seedHash: seedHash(seed), candidates: ordered, slots, voided };
}
