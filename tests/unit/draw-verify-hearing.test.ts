import { describe, expect, it } from "vitest";
import { ALGORITHM, drawPermutation, drawQuestions, seedHash, sortIds } from "@/lib/draw/verifiable-draw";
import { ALGORITHM_V1, drawPermutationV1, seedHashV1 } from "@/lib/draw/verifiable-draw-v1";
import { verifyHearingDraws, type PublishedDraw, type VerifyInput } from "@/lib/draw/verify-hearing";

const SEED = "0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff";
const OLD_SEED = "a1".repeat(32);
const HEARING = "hearing-verify";
const CANDIDATES = sortIds(["cand-c", "cand-a", "cand-b"]);
const QUESTIONS = sortIds(["q-5", "q-1", "q-4", "q-2", "q-3"]);
const COMMITTED = "2030-10-01T09:00:00.000Z";
const DRAWN = "2030-10-01T10:00:00.000Z";
const ASKED = "2030-10-27T08:00:00.000Z";
const REVEALED = "2030-10-28T09:00:00.000Z";

function honestDraws(): PublishedDraw[] {
  const order = drawPermutation({ seed: SEED, kind: "RUNNING_ORDER", hearingId: HEARING, candidateId: null, entropy: "1234", eligibleIds: CANDIDATES });
  const questions = drawQuestions({
    seed: SEED,
    kind: "QUESTIONS",
    hearingId: HEARING,
    candidateId: "cand-a",
    entropy: "665544",
    eligibleIds: QUESTIONS,
    count: 3,
  });
  const common = { algorithm: ALGORITHM, seedHash: seedHash(SEED) };
  return [
    {
      ...common,
      id: "draw-order",
      kind: "RUNNING_ORDER",
      candidateId: null,
      entropy: "1234",
      eligibleIds: CANDIDATES,
      count: 3,
      result: order,
      drawnAt: DRAWN,
    },
    {
      ...common,
      id: "draw-q",
      kind: "QUESTIONS",
      candidateId: "cand-a",
      entropy: "665544",
      eligibleIds: QUESTIONS,
      count: 3,
      result: questions,
      drawnAt: ASKED,
    },
  ];
}

const active = (extra: Partial<NonNullable<VerifyInput["active"]>> = {}) => ({
  seedHash: seedHash(SEED),
  seed: SEED,
  committedAt: COMMITTED,
  revealedAt: REVEALED,
  ...extra,
});
const verify = (draws: PublishedDraw[], extra: Partial<VerifyInput> = {}) =>
  verifyHearingDraws({ hearingId: HEARING, questionsPerCandidate: 3, active: active(), draws, ...extra });

describe("verifying a hearing's draws", () => {
  it("recomputes every draw and finds them all matching", () => {
    const draws = honestDraws();
    const result = verify(draws);
    expect(result.seedMatchesHash).toBe(true);
    expect(result.allMatch).toBe(true);
    expect(result.draws.map((d) => [d.id, d.matches, d.problems])).toEqual([
      ["draw-order", true, []],
      ["draw-q", true, []],
    ]);
    expect(result.draws[1]).toMatchObject({
      expected: draws[1]?.result,
      candidateId: "cand-a",
      entropy: "665544",
      committedAt: COMMITTED,
      revealedAt: REVEALED,
      voided: false,
    });
  });

  it("says nothing matches or not before the seed is revealed, and shows what was published", () => {
    const result = verify(honestDraws(), { active: active({ seed: null, revealedAt: null }) });
    expect(result.seedMatchesHash).toBeNull();
    expect(result.allMatch).toBeNull();
    expect(result.draws.every((d) => d.matches === null && d.expected === null && d.problems.length === 0)).toBe(true);
    expect(result.draws[1]?.eligibleIds).toEqual(QUESTIONS);
  });

  it("catches a tampered result or entropy", () => {
    const draws = honestDraws();
    const q = draws[1] as PublishedDraw;
    const unused = QUESTIONS.find((id) => !q.result.includes(id)) as string;
    draws[1] = { ...q, result: [unused, ...q.result.slice(1)] };
    const result = verify(draws);
    expect(result.draws.map((d) => d.matches)).toEqual([true, false]);
    expect(result.draws[1]?.problems).toEqual(["resultDiffers"]);
    expect(result.allMatch).toBe(false);
    // The same ids in another order are a different result too.
    const swapped = honestDraws();
    const order = swapped[0] as PublishedDraw;
    swapped[0] = { ...order, result: [...order.result].reverse() };
    expect(verify(swapped).draws[0]?.matches).toBe(false);
    // Another entropy than the one typed gives another draw; a malformed one none at all.
    const otherEntropy = honestDraws().map((d) => ({ ...d, entropy: "4321" }));
    expect(verify(otherEntropy).draws.filter((d) => d.matches).length).toBeLessThan(2);
    const malformed = verify([{ ...(honestDraws()[0] as PublishedDraw), entropy: "12 34" }]).draws[0];
    expect([malformed?.matches, malformed?.problems]).toEqual([false, ["invalidEntropy", "resultDiffers"]]);
    const missing = verify([{ ...(honestDraws()[0] as PublishedDraw), entropy: null }]).draws[0];
    expect(missing?.problems).toContain("invalidEntropy");
  });

  it("catches a tampered eligible list: an id added, removed or listed out of order", () => {
    const q = honestDraws()[1] as PublishedDraw;
    const added = verify([{ ...q, eligibleIds: sortIds([...QUESTIONS, "q-6"]) }]).draws[0];
    expect(added?.matches).toBe(false);
    expect(added?.expected).not.toEqual(q.result);
    const removed = QUESTIONS.filter((id) => !q.result.includes(id)).slice(0, 1);
    expect(verify([{ ...q, eligibleIds: QUESTIONS.filter((id) => !removed.includes(id)) }]).draws[0]?.matches).toBe(false);
    const unsorted = verify([{ ...q, eligibleIds: [...QUESTIONS].reverse() }]).draws[0];
    expect([unsorted?.matches, unsorted?.problems]).toEqual([false, ["invalidEligible", "resultDiffers"]]);
    const repeated = verify([{ ...q, eligibleIds: [...QUESTIONS, "q-5"] }]).draws[0];
    expect(repeated?.problems).toContain("invalidEligible");
  });

  it("catches a result shortened together with its count", () => {
    const q = honestDraws()[1] as PublishedDraw;
    const check = verify([{ ...q, count: 2, result: q.result.slice(0, 2) }]).draws[0];
    expect([check?.matches, check?.problems]).toEqual([false, ["wrongCount", "resultDiffers"]]);
  });

  it("accepts fewer questions than configured only when fewer were approved", () => {
    const two = sortIds(["q-8", "q-9"]);
    const result = drawQuestions({ seed: SEED, kind: "QUESTIONS", hearingId: HEARING, candidateId: "cand-b", entropy: "9999", eligibleIds: two, count: 2 });
    const draw = { ...(honestDraws()[1] as PublishedDraw), id: "short", candidateId: "cand-b", entropy: "9999", eligibleIds: two, count: 2, result };
    expect(verify([draw]).draws[0]?.matches).toBe(true);
  });

  it("refuses a seed that does not hash to the published commitment", () => {
    const other = "a".repeat(64);
    const wrongSeed = verify(honestDraws(), { active: active({ seed: other }) });
    expect(wrongSeed.seedMatchesHash).toBe(false);
    expect(wrongSeed.allMatch).toBe(false);
    expect(wrongSeed.draws.every((d) => d.matches === false && d.problems.includes("seedMismatch"))).toBe(true);
    // The right seed against a different published hash: the draws name a commitment that is not there.
    const wrongHash = verify(honestDraws(), { active: active({ seedHash: seedHash(other) }) });
    expect(wrongHash.seedMatchesHash).toBe(false);
    expect(wrongHash.draws.every((d) => d.matches === false && d.problems.includes("unknownCommitment"))).toBe(true);
    // A seed that is not 64 hex characters cannot be checked at all.
    const malformed = verify(honestDraws(), { active: active({ seed: "not-a-seed" }) });
    expect(malformed.seedMatchesHash).toBe(false);
    expect(malformed.draws.every((d) => d.matches === false)).toBe(true);
    // A v2 draw under a commitment to the seed's hex text (the v1 way) is refused.
    const textHash = seedHashV1(SEED);
    const underText = verify(
      honestDraws().map((d) => ({ ...d, seedHash: textHash })),
      { active: active({ seedHash: textHash }) },
    );
    expect(underText.draws.every((d) => d.problems.includes("seedMismatch"))).toBe(true);
  });

  it("checks each draw's time: after its commitment, before the reveal", () => {
    const [order, q] = honestDraws() as [PublishedDraw, PublishedDraw];
    const early = verify([{ ...order, drawnAt: "2030-10-01T08:59:59.999Z" }]).draws[0];
    expect([early?.matches, early?.problems]).toEqual([false, ["drawnBeforeCommit"]]);
    const atCommit = verify([{ ...order, drawnAt: COMMITTED }]).draws[0];
    expect(atCommit?.problems).toEqual(["drawnBeforeCommit"]);
    const late = verify([{ ...q, drawnAt: "2030-10-28T09:00:00.001Z" }]).draws[0];
    expect([late?.matches, late?.problems]).toEqual([false, ["drawnAfterReveal"]]);
    // Before the reveal, a draw before its commitment is already visible.
    const secret = verify([{ ...order, drawnAt: "2030-09-30T00:00:00.000Z" }], { active: active({ seed: null, revealedAt: null }) });
    expect([secret.draws[0]?.matches, secret.draws[0]?.problems, secret.allMatch]).toEqual([false, ["drawnBeforeCommit"], false]);
  });

  it("checks a draw under a voided commitment with that commitment's seed, and shows it void", () => {
    const oldHash = seedHash(OLD_SEED);
    const voidedOrder = drawPermutation({
      seed: OLD_SEED,
      kind: "RUNNING_ORDER",
      hearingId: HEARING,
      candidateId: null,
      entropy: "5555",
      eligibleIds: CANDIDATES,
    });
    const earlier: PublishedDraw = {
      ...(honestDraws()[0] as PublishedDraw),
      id: "draw-void",
      seedHash: oldHash,
      entropy: "5555",
      result: voidedOrder,
      drawnAt: "2030-09-20T10:00:00.000Z",
    };
    const voided = [
      {
        seedHash: oldHash,
        seed: OLD_SEED,
        committedAt: "2030-09-20T09:00:00.000Z",
        voidedAt: "2030-09-21T09:00:00.000Z",
        reason: "A candidature became formal.",
      },
    ];
    // Before the active seed is revealed the voided draw is already checked.
    const before = verify([earlier, ...honestDraws()], { voided, active: active({ seed: null, revealedAt: null }) });
    expect(before.commitments.map((c) => [c.voided, c.seedMatchesHash])).toEqual([
      [true, true],
      [false, null],
    ]);
    expect(before.draws.map((d) => [d.id, d.voided, d.matches])).toEqual([
      ["draw-void", true, true],
      ["draw-order", false, null],
      ["draw-q", false, null],
    ]);
    expect(before.draws[0]).toMatchObject({ committedAt: "2030-09-20T09:00:00.000Z", revealedAt: "2030-09-21T09:00:00.000Z" });
    expect(before.allMatch).toBeNull();
    const after = verify([earlier, ...honestDraws()], { voided });
    expect(after.allMatch).toBe(true);
    // A draw under the voided commitment made after it was voided (its seed public) is caught.
    const late = verify([{ ...earlier, drawnAt: "2030-09-22T09:00:00.000Z" }], { voided });
    expect(late.draws[0]?.problems).toEqual(["drawnAfterReveal"]);
    // A voided commitment whose published seed does not match it.
    const lying = verify([earlier], { voided: [{ ...(voided[0] as (typeof voided)[number]), seed: SEED }] });
    expect(lying.commitments[0]?.seedMatchesHash).toBe(false);
    expect(lying.draws[0]?.problems).toContain("seedMismatch");
    expect(lying.allMatch).toBe(false);
  });

  it("re-checks draws recorded under hustings-draw-v1 by their algorithm", () => {
    const textHash = seedHashV1(SEED);
    const result = drawPermutationV1({ seed: SEED, kind: "RUNNING_ORDER", hearingId: HEARING, candidateId: null, eligibleIds: CANDIDATES });
    // Recorded before draws named their commitment and before commit times were kept.
    const v1: PublishedDraw = { ...(honestDraws()[0] as PublishedDraw), algorithm: ALGORITHM_V1, seedHash: null, entropy: null, result };
    const checked = verify([v1], { active: active({ seedHash: textHash, committedAt: null }) });
    expect([checked.seedMatchesHash, checked.draws[0]?.matches, checked.draws[0]?.problems, checked.allMatch]).toEqual([true, true, [], true]);
    const tampered = verify([{ ...v1, result: [...result].reverse() }], { active: active({ seedHash: textHash, committedAt: null }) });
    expect(tampered.draws[0]?.problems).toEqual(["resultDiffers"]);
    expect(verify([{ ...v1, algorithm: "hustings-draw-v9" }]).draws[0]?.problems).toContain("unknownAlgorithm");
  });

  it("gives another hearing's id a different expectation", () => {
    const result = verifyHearingDraws({ hearingId: "another-hearing", questionsPerCandidate: 3, active: active(), draws: honestDraws() });
    // Two draws that both survived a change of hearing would be a 1-in-720 coincidence.
    expect(result.draws.filter((d) => d.matches).length).toBeLessThan(2);
  });
});
