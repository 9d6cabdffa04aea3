import type { PrismaClient } from "@/lib/db/client";
import { sealSeed } from "@/lib/draw/seal";
import { ALGORITHM, createSeed, drawPermutation, seedHash, sortIds } from "@/lib/draw/verifiable-draw";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { endHearing, startHearing } from "@/lib/hearings/live";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { asActor, makeUser, type TestUser } from "./factories";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "./factories-hearing";
import { onCurrent } from "./chair-moves";

// Hearings at a given stage (docs/decisions/014-hearing-record-integrity.md), for the tests
// of the stages and of whatever needs a hearing that may start, runs or has ended. Made
// through the services (`hearingReadyToStart`, `liveHearing`, `endedHearing`), or written
// directly as the services would leave them (`commitSealedSeed`, `drawOrderDirectly`).

/** Public entropy as typed at a draw (the digits of dice rolled in the room). */
export const DICE = "3 1 4 1 5 9";

/** A sealed commitment written directly, as commitSeed leaves it; returns the seed for checking draws. */
export async function commitSealedSeed(db: PrismaClient, hearingId: string, at: Date = new Date()) {
  const seed = createSeed();
  const hash = seedHash(seed);
  await db.hearing.update({ where: { id: hearingId }, data: { sealedSeed: sealSeed(seed), seedHash: hash, seedCommittedAt: at, seed: null } });
  return { seed, seedHash: hash };
}

/** The running order drawn under the active commitment, written directly as drawRunningOrder leaves it. */
export async function drawOrderDirectly(db: PrismaClient, hearingId: string, commitment: { seed: string; seedHash: string }, entropy = "314159") {
  const slots = await db.hearingSlot.findMany({ where: { hearingId }, select: { candidateId: true } });
  const eligibleIds = sortIds(slots.map((s) => s.candidateId));
  const result = drawPermutation({ seed: commitment.seed, kind: "RUNNING_ORDER", hearingId, candidateId: null, entropy, eligibleIds });
  await db.hearingSlot.updateMany({ where: { hearingId }, data: { position: null } });
  for (const [index, candidateId] of result.entries()) {
    await db.hearingSlot.update({ where: { hearingId_candidateId: { hearingId, candidateId } }, data: { position: index + 1 } });
  }
  await db.draw.create({
    data: { hearingId, kind: "RUNNING_ORDER", eligibleIds, count: result.length, result, algorithm: ALGORITHM, seedHash: commitment.seedHash, entropy },
  });
  return result;
}

export type ReadyOptions = { candidates?: number; questionsPerCandidate?: 2 | 3; secretariat?: TestUser };

/**
 * A conference of its own with `candidates` formal candidatures (2 unless told), each from a
 * state of its own, an impartial chair, and its hearing set up, committed and drawn through
 * the services: the start checklist is empty. Candidates are listed in running order.
 */
export async function hearingReadyToStart(db: PrismaClient, options: ReadyOptions = {}) {
  const conference = await makeHearingConference(db);
  const secretariat = options.secretariat ?? (await makeUser(db, "SECRETARIAT"));
  const states: Awaited<ReturnType<typeof makeMemberState>>[] = [];
  const made: Awaited<ReturnType<typeof makeStandingCandidate>>[] = [];
  for (let i = 0; i < (options.candidates ?? 2); i++) {
    const state = await makeMemberState(db);
    states.push(state);
    made.push(await makeStandingCandidate(db, { conferenceId: conference.id, memberStateId: state.id }));
  }
  const chair = await makeChair(db, { memberStateId: (await makeMemberState(db)).id });
  const actor = asActor(secretariat);
  const input = hearingInput(chair.id, { questionsPerCandidate: String(options.questionsPerCandidate ?? 3) });
  const hearing = await setUpHearing({ actor, conferenceId: conference.id, input });
  const { seedHash: committed } = await commitSeed({ actor, conferenceId: conference.id, input: { confirmed: "yes" } });
  const draw = await drawRunningOrder({ actor, conferenceId: conference.id, input: { entropy: DICE } });
  const candidates = draw.result.map((id) => made.find((c) => c.id === id) as (typeof made)[number]);
  return { conferenceId: conference.id, hearingId: hearing.id, secretariat, chair, candidates, states, seedHash: committed, drawId: draw.id };
}

/** `hearingReadyToStart`, started by its chair: live, at the first candidate, nobody speaking yet. */
export async function liveHearing(db: PrismaClient, options: ReadyOptions = {}) {
  const ready = await hearingReadyToStart(db, options);
  await startHearing({ actor: asActor(ready.chair), input: await onCurrent({ hearingId: ready.hearingId, confirmed: "yes" }) });
  return ready;
}

/** `liveHearing`, ended by its chair at once. */
export async function endedHearing(db: PrismaClient, options: ReadyOptions = {}) {
  const live = await liveHearing(db, options);
  await endHearing({ actor: asActor(live.chair), input: await onCurrent({ hearingId: live.hearingId, confirmed: "yes" }) });
  return live;
}
