import { describe, expect, it } from "vitest";
import { drawPermutation, drawQuestions, seedHash, sortIds } from "@/lib/draw/verifiable-draw";
import { verifyHearingDraws, type PublishedDraw } from "@/lib/draw/verify-hearing";

const SEED = "0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff";
const HEARING = "hearing-verify";
const CANDIDATES = sortIds(["cand-c", "cand-a", "cand-b"]);
const QUESTIONS = sortIds(["q-5", "q-1", "q-4", "q-2", "q-3"]);

function honestDraws(): PublishedDraw[] {
  const order = drawPermutation({ seed: SEED, kind: "RUNNING_ORDER", hearingId: HEARING, candidateId: null, eligibleIds: CANDIDATES });
  const questions = drawQuestions({ seed: SEED, kind: "QUESTIONS", hearingId: HEARING, candidateId: "cand-a", eligibleIds: QUESTIONS, count: 3 });
  return [
    { id: "draw-order", kind: "RUNNING_ORDER", candidateId: null, eligibleIds: CANDIDATES, count: 3, result: order },
    { id: "draw-q", kind: "QUESTIONS", candidateId: "cand-a", eligibleIds: QUESTIONS, count: 3, result: questions },
  ];
}

const verify = (draws: PublishedDraw[], extra: { seed?: string | null; seedHash?: string | null } = {}) =>
  verifyHearingDraws({
    hearingId: HEARING,
    seed: extra.seed === undefined ? SEED : extra.seed,
    seedHash: extra.seedHash === undefined ? seedHash(SEED) : extra.seedHash,
    questionsPerCandidate: 3,
    draws,
  });

describe("verifying a hearing's draws", () => {
  it("recomputes every draw and finds them all matching", () => {
    const draws = honestDraws();
    const result = verify(draws);
    expect(result.seedMatchesHash).toBe(true);
    expect(result.allMatch).toBe(true);
    expect(result.draws.map((d) => [d.id, d.matches, d.problem])).toEqual([
      ["draw-order", true, null],
      ["draw-q", true, null],
    ]);
    expect(result.draws[1]?.expected).toEqual(draws[1]?.result);
    expect(result.draws[1]?.candidateId).toBe("cand-a");
  });

  it("says nothing matches or not before the seed is revealed, and shows what was published", () => {
    const result = verify(honestDraws(), { seed: null });
    expect(result.seedMatchesHash).toBeNull();
    expect(result.allMatch).toBeNull();
    expect(result.draws.every((d) => d.matches === null && d.expected === null)).toBe(true);
    expect(result.draws[1]?.eligibleIds).toEqual(QUESTIONS);
  });

  it("catches a tampered result", () => {
    const draws = honestDraws();
    const q = draws[1] as PublishedDraw;
    const unused = QUESTIONS.find((id) => !q.result.includes(id)) as string;
    draws[1] = { ...q, result: [unused, ...q.result.slice(1)] };
    const result = verify(draws);
    expect(result.draws.map((d) => d.matches)).toEqual([true, false]);
    expect(result.allMatch).toBe(false);
    // The same ids in another order are a different result too.
    const swapped = honestDraws();
    const order = swapped[0] as PublishedDraw;
    swapped[0] = { ...order, result: [...order.result].reverse() };
    expect(verify(swapped).draws[0]?.matches).toBe(false);
  });

  it("catches a tampered eligible list: an id added, removed or listed out of order", () => {
    const q = honestDraws()[1] as PublishedDraw;
    const added = verify([{ ...q, eligibleIds: sortIds([...QUESTIONS, "q-6"]) }]).draws[0];
    expect(added?.matches).toBe(false);
    expect(added?.expected).not.toEqual(q.result);
    const removed = QUESTIONS.filter((id) => !q.result.includes(id)).slice(0, 1);
    expect(verify([{ ...q, eligibleIds: QUESTIONS.filter((id) => !removed.includes(id)) }]).draws[0]?.matches).toBe(false);
    const unsorted = verify([{ ...q, eligibleIds: [...QUESTIONS].reverse() }]).draws[0];
    expect([unsorted?.matches, unsorted?.problem]).toEqual([false, "invalidEligible"]);
    const repeated = verify([{ ...q, eligibleIds: [...QUESTIONS, "q-5"] }]).draws[0];
    expect([repeated?.matches, repeated?.problem]).toEqual([false, "invalidEligible"]);
  });

  it("catches a result shortened together with its count", () => {
    const q = honestDraws()[1] as PublishedDraw;
    const check = verify([{ ...q, count: 2, result: q.result.slice(0, 2) }]).draws[0];
    expect([check?.matches, check?.problem]).toEqual([false, "wrongCount"]);
  });

  it("accepts fewer questions than configured only when fewer were approved", () => {
    const two = sortIds(["q-8", "q-9"]);
    const result = drawQuestions({ seed: SEED, kind: "QUESTIONS", hearingId: HEARING, candidateId: "cand-b", eligibleIds: two, count: 2 });
    const draw: PublishedDraw = { id: "short", kind: "QUESTIONS", candidateId: "cand-b", eligibleIds: two, count: 2, result };
    expect(verify([draw]).draws[0]?.matches).toBe(true);
  });

  it("refuses a seed that does not hash to the published commitment", () => {
    const other = "a".repeat(64);
    const wrongSeed = verify(honestDraws(), { seed: other });
    expect(wrongSeed.seedMatchesHash).toBe(false);
    expect(wrongSeed.allMatch).toBe(false);
    expect(wrongSeed.draws.every((d) => d.matches === false)).toBe(true);
    // The right seed against a different published hash fails the same way.
    const wrongHash = verify(honestDraws(), { seedHash: seedHash(other) });
    expect(wrongHash.seedMatchesHash).toBe(false);
    expect(wrongHash.draws.every((d) => d.matches === false)).toBe(true);
    // A seed that is not 64 hex characters cannot be checked at all.
    const malformed = verify(honestDraws(), { seed: "not-a-seed", seedHash: seedHash("not-a-seed") });
    expect(malformed.seedMatchesHash).toBe(false);
    expect(malformed.draws.every((d) => d.matches === false)).toBe(true);
  });

  it("gives another hearing's id a different expectation", () => {
    const result = verifyHearingDraws({ hearingId: "another-hearing", seed: SEED, seedHash: seedHash(SEED), questionsPerCandidate: 3, draws: honestDraws() });
    // Two draws that both survived a change of hearing would be a 1-in-720 coincidence.
    expect(result.draws.filter((d) => d.matches).length).toBeLessThan(2);
  });
});
