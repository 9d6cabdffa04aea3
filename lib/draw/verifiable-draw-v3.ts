import { ENTROPY_PATTERN, ID_PATTERN, SEED_PATTERN, seedHash, shuffleUnder, sortIds, traceShuffle, type DrawTrace } from "./verifiable-draw";
import { QUOTA_SOURCES, STRATUM_PATTERN, quotaCount, selectUnderQuota, type DrawQuota, type WalkTrace } from "./quota";

/**
 * The stratified question draw, algorithm "hustings-draw-v3" (docs/draw-specification.md §15,
 * docs/decisions/045-quota-draws.md): for a hearing with a question quota. The message binds,
 * besides what hustings-draw-v2 binds, the quota and each eligible question's stratum, so that
 * the record cannot be read under another quota or other strata; the permutation is computed
 * exactly as v2's (HMAC blocks, rejection sampling, Fisher–Yates); the selection then walks
 * the permutation under the quota (lib/draw/quota.ts). Running orders stay hustings-draw-v2.
 */
export const ALGORITHM_V3 = "hustings-draw-v3";

export type StratifiedDrawInput = {
  seed: string;
  hearingId: string;
  candidateId: string;
  /** Normalised public entropy. */
  entropy: string;
  /** Each eligible question's stratum, by id: the eligible ids are its keys. */
  strata: Readonly<Record<string, string>>;
  quota: DrawQuota;
};

const bound = (n: number | null) => (n === null ? "-" : String(n));

/** The quota's lines of the message (§15): places, one line per source in a fixed order, the per-region maximum. */
export function quotaLines(quota: DrawQuota): string[] {
  return [
    `places ${quota.places}`,
    ...QUOTA_SOURCES.map((s) => `${s} ${quota.sources[s].min} ${bound(quota.sources[s].max)}`),
    `region ${bound(quota.regionMax)}`,
  ];
}

/** The message M of a v3 draw: §6's first five lines, the quota's seven, then "<id> <stratum>" per sorted id. */
export function stratifiedMessage(input: Omit<StratifiedDrawInput, "seed">): { message: Buffer; sortedIds: string[] } {
  if (!ID_PATTERN.test(input.hearingId)) throw new RangeError("Not a hearing id");
  if (!ID_PATTERN.test(input.candidateId)) throw new RangeError("Not a candidate id");
  if (!ENTROPY_PATTERN.test(input.entropy)) throw new RangeError("The entropy must be normalised: 4 to 64 digits");
  const ids = Object.keys(input.strata);
  const sortedIds = sortIds(ids);
  for (const id of sortedIds) {
    if (!STRATUM_PATTERN.test(input.strata[id] ?? "")) throw new RangeError(`Not a stratum: ${JSON.stringify(input.strata[id])}`);
  }
  const q = input.quota;
  if (!Number.isInteger(q.places) || q.places < 0) throw new RangeError("The places are a whole number");
  const lines = [
    ALGORITHM_V3,
    "QUESTIONS",
    input.hearingId,
    input.candidateId,
    input.entropy,
    ...quotaLines(q),
    ...sortedIds.map((id) => `${id} ${input.strata[id]}`),
  ];
  return { message: Buffer.from(lines.join("\n"), "utf8"), sortedIds };
}

/** The permutation of the sorted eligible ids under the v3 message (§7–§10 unchanged). */
export function stratifiedPermutation(input: StratifiedDrawInput): string[] {
  const { message, sortedIds } = stratifiedMessage(input);
  return shuffleUnder(input.seed, message, sortedIds);
}

/** The questions drawn: the permutation walked under the quota (§15). */
export function drawStratified(input: StratifiedDrawInput): string[] {
  return selectUnderQuota(stratifiedPermutation(input), input.strata, input.quota).result;
}

/** Every intermediate value (the worked example shows them). */
export function traceStratified(input: StratifiedDrawInput): DrawTrace & { walk: WalkTrace; drawn: string[] } {
  const { message, sortedIds } = stratifiedMessage(input);
  const trace = traceShuffle(input.seed, message, sortedIds);
  const { result, trace: walk } = selectUnderQuota(trace.result, input.strata, input.quota);
  return { ...trace, walk, drawn: result };
}

/** Re-runs a published v3 draw: seed against its commitment, the count, then the result. */
export function verifyStratified(input: StratifiedDrawInput & { seedHash: string; count: number; result: readonly string[] }): boolean {
  try {
    if (!SEED_PATTERN.test(input.seed) || seedHash(input.seed) !== input.seedHash) return false;
    if (input.count !== quotaCount(Object.values(input.strata), input.quota)) return false;
    const expected = drawStratified(input);
    return expected.length === input.result.length && expected.every((id, i) => id === input.result[i]);
  } catch {
    return false;
  }
}
