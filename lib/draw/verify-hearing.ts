import { drawQuestions, seedHash as hashOf, sortIds, type DrawKindName } from "./verifiable-draw";

// Re-runs every published draw of a hearing from its revealed seed (decision 007). Pure and
// free of the server, so the public page, the JSON export's script (scripts/verify-draws.ts)
// and anyone's own copy compute the same answer from the same published data.

export type PublishedDraw = {
  id: string;
  kind: DrawKindName;
  candidateId: string | null;
  /** The sorted eligible ids as published at the moment of the draw. */
  eligibleIds: readonly string[];
  count: number;
  result: readonly string[];
};

/** Why a draw cannot match, beyond a different result. */
export type DrawProblem = "invalidEligible" | "wrongCount";

export type DrawCheck = {
  id: string;
  kind: DrawKindName;
  candidateId: string | null;
  eligibleIds: string[];
  /** The recomputed result; null until the seed is revealed (or when it cannot be computed). */
  expected: string[] | null;
  recorded: string[];
  /** Null until the seed is revealed. */
  matches: boolean | null;
  problem: DrawProblem | null;
};

export type HearingVerification = {
  /** sha256(seed) = seedHash; null until the seed is revealed. */
  seedMatchesHash: boolean | null;
  draws: DrawCheck[];
  /** Every check passed; null until the seed is revealed. */
  allMatch: boolean | null;
};

const SEED_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The number a draw must take: every presenter for the running order; for questions the
 * configured number (¶6: 2 or 3), or all the approved ones when fewer were approved.
 */
function expectedCount(draw: PublishedDraw, eligible: number, questionsPerCandidate: number | null): number | null {
  if (draw.kind === "RUNNING_ORDER") return eligible;
  return questionsPerCandidate === null ? null : Math.min(questionsPerCandidate, eligible);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function checkDraw(input: { seed: string | null; seedOk: boolean; hearingId: string; questionsPerCandidate: number | null; draw: PublishedDraw }): DrawCheck {
  const { draw } = input;
  const base = { id: draw.id, kind: draw.kind, candidateId: draw.candidateId, eligibleIds: [...draw.eligibleIds], recorded: [...draw.result] };
  if (input.seed === null) return { ...base, expected: null, matches: null, problem: null };

  let eligible: string[];
  try {
    eligible = sortIds(draw.eligibleIds);
  } catch {
    // Repeated or malformed ids: no draw was made from this list.
    return { ...base, expected: null, matches: false, problem: "invalidEligible" };
  }
  // Published sorted, as the algorithm sorts them: a list out of order was altered.
  if (!sameList(eligible, draw.eligibleIds)) return { ...base, expected: null, matches: false, problem: "invalidEligible" };
  if (!SEED_PATTERN.test(input.seed)) return { ...base, expected: null, matches: false, problem: null };

  const rule = expectedCount(draw, eligible.length, input.questionsPerCandidate);
  const count = Math.max(0, Math.min(draw.count, eligible.length));
  const expected = drawQuestions({
    seed: input.seed,
    kind: draw.kind,
    hearingId: input.hearingId,
    candidateId: draw.candidateId,
    eligibleIds: eligible,
    count,
  });
  // A shortened result with a lowered count would still be a prefix of the permutation: the
  // count is checked against the rule, not taken on trust.
  const countOk = draw.count === count && (rule === null || rule === draw.count);
  return {
    ...base,
    expected,
    matches: input.seedOk && countOk && sameList(expected, draw.result),
    problem: countOk ? null : "wrongCount",
  };
}

/**
 * Checks the revealed seed against its published hash, then recomputes each draw from the
 * seed, the hearing, the candidate and the published eligible ids, and compares it with the
 * recorded result. Before the reveal (`seed` null) nothing can be checked yet: the draws are
 * returned as published, with `matches: null`.
 */
export function verifyHearingDraws(input: {
  hearingId: string;
  seed: string | null;
  seedHash: string | null;
  /** The hearing's configured number of questions per candidate, when known. */
  questionsPerCandidate?: number | null;
  draws: readonly PublishedDraw[];
}): HearingVerification {
  const seed = input.seed;
  const seedOk = seed !== null && input.seedHash !== null && SEED_PATTERN.test(seed) && hashOf(seed) === input.seedHash;
  const draws = input.draws.map((draw) =>
    checkDraw({ seed, seedOk, hearingId: input.hearingId, questionsPerCandidate: input.questionsPerCandidate ?? null, draw }),
  );
  if (seed === null) return { seedMatchesHash: null, draws, allMatch: null };
  return { seedMatchesHash: seedOk, draws, allMatch: seedOk && draws.every((d) => d.matches === true) };
}
