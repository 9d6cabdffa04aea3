import { ALGORITHM, ENTROPY_PATTERN, SEED_PATTERN, drawQuestions, seedHash as hashV2, sortIds, type DrawKindName } from "./verifiable-draw";
import { ALGORITHM_V1, drawQuestionsV1, seedHashV1, sortIdsV1 } from "./verifiable-draw-v1";
import { STRATUM_PATTERN, parseQuota, quotaCount, type DrawQuota } from "./quota";
import { ALGORITHM_V3, drawStratified } from "./verifiable-draw-v3";

// Re-runs every published draw of a hearing from its open data (docs/draw-specification.md §12):
// each draw against its own commitment — the active one once its seed is revealed, or a voided
// one with the seed published when it was voided — and its time against that commitment's.
// Pure and free of the server, so the public page, scripts/verify-draws.ts and anyone's own
// copy compute the same answer from the same published data.

/** A draw as published (GET /api/hearings/<id>/draws). */
export type PublishedDraw = {
  id: string;
  kind: DrawKindName;
  candidateId: string | null;
  algorithm: string;
  /** The commitment it was made under; null only on rows older than the field (the hearing's commitment). */
  seedHash: string | null;
  /** The public entropy (hustings-draw-v2); null on v1 draws. */
  entropy: string | null;
  /** The sorted eligible ids as published at the moment of the draw. */
  eligibleIds: readonly string[];
  count: number;
  result: readonly string[];
  /** ISO instant of the draw. */
  drawnAt: string;
  /** hustings-draw-v3: the quota applied, with its places, and each eligible id's stratum (absent or null otherwise). */
  quota?: unknown;
  strata?: unknown;
};

/** The hearing's active commitment, its seed null until the reveal. */
export type ActiveCommitment = { seedHash: string; seed: string | null; committedAt: string | null; revealedAt: string | null };
/** A commitment voided by a re-opening: its seed published at the voiding. */
export type VoidedCommitmentData = { seedHash: string; seed: string; committedAt: string; voidedAt: string; reason: string };

export type DrawProblem =
  | "unknownAlgorithm"
  | "unknownCommitment"
  | "seedMismatch"
  | "invalidEligible"
  | "invalidEntropy"
  | "wrongCount"
  | "invalidQuota"
  | "invalidStrata"
  | "drawnBeforeCommit"
  | "drawnAfterReveal"
  | "resultDiffers";

export type DrawCheck = {
  id: string;
  kind: DrawKindName;
  candidateId: string | null;
  algorithm: string;
  seedHash: string | null;
  entropy: string | null;
  eligibleIds: string[];
  recorded: string[];
  /** Instants of its commitment, the draw and when its seed became public (reveal, or voiding). */
  committedAt: string | null;
  drawnAt: string;
  revealedAt: string | null;
  /** Made under a voided commitment: it does not count, though it is checked. */
  voided: boolean;
  /** hustings-draw-v3: the quota and strata as published, when they are well formed. */
  quota: DrawQuota | null;
  strata: Record<string, string> | null;
  /** The recomputed result; null while its seed is secret or when it cannot be computed. */
  expected: string[] | null;
  /** True: recomputed equal and no problem; false: a problem; null: its seed is still secret and no problem is visible yet. */
  matches: boolean | null;
  problems: DrawProblem[];
};

export type CommitmentCheck = {
  seedHash: string;
  voided: boolean;
  committedAt: string | null;
  /** The reveal of the active commitment, or the voiding of a voided one. */
  revealedAt: string | null;
  seed: string | null;
  reason: string | null;
  /** The seed hashes to the commitment (bytes for v2, hex text for v1 records); null while secret. */
  seedMatchesHash: boolean | null;
};

export type HearingVerification = {
  /** The active commitment's check; null when there is none or its seed is still secret. */
  seedMatchesHash: boolean | null;
  commitments: CommitmentCheck[];
  draws: DrawCheck[];
  /** Every seed and draw checked and right; null while a seed needed for a check is secret. */
  allMatch: boolean | null;
};

export type VerifyInput = {
  hearingId: string;
  /** The configured number of questions per candidate, when known. */
  questionsPerCandidate?: number | null;
  active: ActiveCommitment | null;
  voided?: readonly VoidedCommitmentData[];
  draws: readonly PublishedDraw[];
};

type Scheme = "v2" | "v1";

/** How the seed hashes to the commitment: over its 32 bytes (v2), over its hex text (v1 records), or not at all. */
function schemeOf(seed: string, commitment: string): Scheme | null {
  if (!SEED_PATTERN.test(seed)) return null;
  if (hashV2(seed) === commitment) return "v2";
  if (seedHashV1(seed) === commitment) return "v1";
  return null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

const before = (a: string | null, b: string | null) => a === null || b === null || Date.parse(a) < Date.parse(b);

type Commitment = CommitmentCheck & { scheme: Scheme | null };

function checkDraw(input: { hearingId: string; questionsPerCandidate: number | null; commitment: Commitment | null; draw: PublishedDraw }): DrawCheck {
  const { draw, commitment } = input;
  const problems: DrawProblem[] = [];
  const base = {
    id: draw.id,
    kind: draw.kind,
    candidateId: draw.candidateId,
    algorithm: draw.algorithm,
    seedHash: commitment?.seedHash ?? draw.seedHash,
    entropy: draw.entropy,
    eligibleIds: [...draw.eligibleIds],
    recorded: [...draw.result],
    committedAt: commitment?.committedAt ?? null,
    drawnAt: draw.drawnAt,
    revealedAt: commitment?.revealedAt ?? null,
    voided: commitment?.voided ?? false,
  };
  const v3 = draw.algorithm === ALGORITHM_V3;
  // v3 keeps v2's seed, entropy and sort: only its message and selection differ (§15).
  const v2 = draw.algorithm === ALGORITHM || v3;
  if (!v2 && draw.algorithm !== ALGORITHM_V1) problems.push("unknownAlgorithm");
  const quota = v3 ? parseQuota(draw.quota, true) : null;
  const strata = v3 ? strataOf(draw.strata, draw.eligibleIds) : null;
  if (v3 && (quota === null || draw.kind !== "QUESTIONS" || (input.questionsPerCandidate !== null && quota.places !== input.questionsPerCandidate))) {
    problems.push("invalidQuota");
  }
  if (v3 && strata === null) problems.push("invalidStrata");
  if (!commitment) problems.push("unknownCommitment");
  // The commit time of a v1 record was not kept (the field came with v2): only v2 commitments are dated.
  if (commitment && commitment.scheme !== "v1" && !before(commitment.committedAt, draw.drawnAt)) problems.push("drawnBeforeCommit");
  if (commitment && !before(draw.drawnAt, commitment.revealedAt)) problems.push("drawnAfterReveal");

  let eligible: string[] | null = null;
  try {
    eligible = v2 ? sortIds(draw.eligibleIds) : sortIdsV1(draw.eligibleIds);
    // Published sorted, as the algorithm sorts them: a list out of order was altered.
    if (!sameList(eligible, draw.eligibleIds)) eligible = null;
  } catch {
    eligible = null;
  }
  if (eligible === null) problems.push("invalidEligible");
  if (v2 && (draw.entropy === null || !ENTROPY_PATTERN.test(draw.entropy))) problems.push("invalidEntropy");

  const n = draw.eligibleIds.length;
  const rule = v3
    ? quota && strata
      ? quotaCount(Object.values(strata), quota)
      : null
    : draw.kind === "RUNNING_ORDER"
      ? n
      : input.questionsPerCandidate === null
        ? null
        : Math.min(input.questionsPerCandidate, n);
  // A shortened result with a lowered count would still be a prefix of the permutation: the
  // count is checked against the rule, not taken on trust.
  if (!Number.isInteger(draw.count) || draw.count < 0 || draw.count > n || (rule !== null && rule !== draw.count)) problems.push("wrongCount");

  const seed = commitment?.seed ?? null;
  const withQuota = { ...base, quota, strata };
  if (seed === null) return { ...withQuota, expected: null, matches: problems.length > 0 ? false : null, problems };
  const wanted: Scheme = v2 ? "v2" : "v1";
  if (commitment?.scheme !== wanted) problems.push("seedMismatch");

  let expected: string[] | null = null;
  if (
    eligible !== null &&
    SEED_PATTERN.test(seed) &&
    !problems.includes("unknownAlgorithm") &&
    !problems.includes("invalidEntropy") &&
    !problems.includes("wrongCount") &&
    !problems.includes("invalidQuota") &&
    !problems.includes("invalidStrata")
  ) {
    const common = { seed, kind: draw.kind, hearingId: input.hearingId, candidateId: draw.candidateId, eligibleIds: eligible, count: draw.count };
    try {
      expected =
        v3 && quota && strata && draw.candidateId
          ? drawStratified({ seed, hearingId: input.hearingId, candidateId: draw.candidateId, entropy: draw.entropy ?? "", quota, strata })
          : v2
            ? drawQuestions({ ...common, entropy: draw.entropy ?? "" })
            : drawQuestionsV1(common);
    } catch {
      expected = null;
    }
  }
  if (expected === null || !sameList(expected, draw.result)) problems.push("resultDiffers");
  return { ...withQuota, expected, matches: problems.length === 0, problems };
}

/** The published strata, when they give a valid stratum for exactly the eligible ids. */
function strataOf(value: unknown, eligibleIds: readonly string[]): Record<string, string> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== eligibleIds.length) return null;
  const out: Record<string, string> = {};
  for (const id of eligibleIds) {
    const stratum = (value as Record<string, unknown>)[id];
    if (typeof stratum !== "string" || !STRATUM_PATTERN.test(stratum)) return null;
    out[id] = stratum;
  }
  return out;
}

/**
 * Checks each commitment's published seed against its hash, then each draw against its own
 * commitment: its time (after the commitment, before its seed became public) and its result,
 * recomputed from the seed, the hearing, the candidate, the entropy and the published eligible
 * ids. A draw whose seed is still secret is returned as published, with `matches: null`
 * unless a problem is already visible.
 */
export function verifyHearingDraws(input: VerifyInput): HearingVerification {
  const commitments: Commitment[] = [];
  for (const v of input.voided ?? []) {
    commitments.push({
      seedHash: v.seedHash,
      voided: true,
      committedAt: v.committedAt,
      revealedAt: v.voidedAt,
      seed: v.seed,
      reason: v.reason,
      scheme: schemeOf(v.seed, v.seedHash),
      seedMatchesHash: schemeOf(v.seed, v.seedHash) !== null,
    });
  }
  const active = input.active;
  if (active) {
    const scheme = active.seed === null ? null : schemeOf(active.seed, active.seedHash);
    commitments.push({
      seedHash: active.seedHash,
      voided: false,
      committedAt: active.committedAt,
      revealedAt: active.seed === null ? null : active.revealedAt,
      seed: active.seed,
      reason: null,
      scheme,
      seedMatchesHash: active.seed === null ? null : scheme !== null,
    });
  }
  const draws = input.draws.map((draw) => {
    const hash = draw.seedHash ?? active?.seedHash ?? null;
    // The active commitment first: a voided hash committed again would be the active one's draws.
    const commitment = [...commitments].reverse().find((c) => c.seedHash === hash) ?? null;
    return checkDraw({ hearingId: input.hearingId, questionsPerCandidate: input.questionsPerCandidate ?? null, commitment, draw });
  });
  const published = commitments.map(({ scheme: _scheme, ...c }) => c);
  const activeCheck = published.find((c) => !c.voided) ?? null;
  const anySecret = draws.some((d) => d.matches === null) || (activeCheck !== null && activeCheck.seedMatchesHash === null);
  const allRight = published.every((c) => c.seedMatchesHash !== false) && draws.every((d) => d.matches !== false);
  return {
    seedMatchesHash: activeCheck?.seedMatchesHash ?? null,
    commitments: published,
    draws,
    allMatch: !allRight ? false : anySecret ? null : true,
  };
}

/** The open data of a hearing's draws (GET /api/hearings/<id>/draws), as lib/hearings/after-queries.ts builds it. */
export type DrawsFile = {
  hearingId: string;
  /** The algorithm of new draws; each draw names its own. */
  algorithm: string;
  /** Where the algorithm is specified (under each language's prefix). */
  specification: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  questionsPerCandidate: number;
  /** The active commitment; null when there is none (not yet committed, or voided and not renewed). */
  seedHash: string | null;
  /** Null on commitments made before commit times were kept (v1). */
  seedCommittedAt: string | null;
  /** Null until revealed after the hearing. */
  seed: string | null;
  seedRevealedAt: string | null;
  voidedCommitments: VoidedCommitmentData[];
  candidates: { id: string; name: string }[];
  draws: (PublishedDraw & {
    committedAt: string | null;
    revealedAt: string | null;
    voided: boolean;
    pendingCount: number | null;
    setAsideCount: number | null;
    /** For question draws: each eligible question's published text, by id. */
    questions: Record<string, string | null> | null;
  })[];
};

/** Verifies the open data file alone: the times and seeds it gives, nothing else. */
export function verifyDrawsFile(file: DrawsFile): HearingVerification {
  return verifyHearingDraws({
    hearingId: file.hearingId,
    questionsPerCandidate: file.questionsPerCandidate,
    active: file.seedHash === null ? null : { seedHash: file.seedHash, seed: file.seed, committedAt: file.seedCommittedAt, revealedAt: file.seedRevealedAt },
    voided: file.voidedCommitments,
    draws: file.draws,
  });
}
