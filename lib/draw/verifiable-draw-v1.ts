import { createHash, createHmac } from "node:crypto";

/**
 * The first draw algorithm, "hustings-draw-v1", kept unchanged only to re-check draws recorded
 * under it; new draws use hustings-draw-v2 (lib/draw/verifiable-draw.ts,
 * docs/draw-specification.md). Its commitment is sha256 of the seed's hex TEXT; the HMAC key is
 * the decoded 32 bytes; the message is `hustings-draw-v1|<kind>|<hearingId>|<candidateId or
 * empty>|<sorted ids joined by ",">|<counter in decimal>`, UTF-8; words, rejection sampling
 * and the shuffle are as in v2.
 */
export const ALGORITHM_V1 = "hustings-draw-v1";

export type DrawKindName = "RUNNING_ORDER" | "QUESTIONS";

export type DrawInputV1 = {
  seed: string;
  kind: DrawKindName;
  hearingId: string;
  /** Null for the running order, which is not about one candidate. */
  candidateId: string | null;
  eligibleIds: readonly string[];
};

const SEED_PATTERN = /^[0-9a-f]{64}$/;
const TWO_TO_32 = 0x1_0000_0000;

/** The legacy commitment: sha256 of the seed's hex text, in hex. */
export function seedHashV1(seed: string): string {
  return createHash("sha256").update(seed, "utf8").digest("hex");
}

/** The eligible ids in byte order of their UTF-8 encoding, refusing repeats and separators. */
export function sortIdsV1(ids: readonly string[]): string[] {
  for (const id of ids) {
    if (id === "" || id.includes(",") || id.includes("|")) throw new RangeError(`Not a drawable id: ${JSON.stringify(id)}`);
  }
  if (new Set(ids).size !== ids.length) throw new RangeError("Eligible ids must be distinct");
  return [...ids].sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
}

/** A stream of 32-bit words from HMAC-SHA256(seed, message|counter). */
function wordStream(seed: string, prefix: string): () => number {
  if (!SEED_PATTERN.test(seed)) throw new RangeError("A seed is 64 lower-case hex characters");
  const key = Buffer.from(seed, "hex");
  let counter = 0;
  let block = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset >= block.length) {
      block = createHmac("sha256", key).update(`${prefix}|${counter}`, "utf8").digest();
      counter += 1;
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };
}

/** Uniform in [0, bound) without modulo bias (rejection sampling). */
function uniform(next: () => number, bound: number): number {
  const limit = TWO_TO_32 - (TWO_TO_32 % bound);
  for (;;) {
    const word = next();
    if (word < limit) return word % bound;
  }
}

/** The eligible ids (sorted first) in drawn order. */
export function drawPermutationV1(input: DrawInputV1): string[] {
  const ids = sortIdsV1(input.eligibleIds);
  const prefix = [ALGORITHM_V1, input.kind, input.hearingId, input.candidateId ?? "", ids.join(",")].join("|");
  const next = wordStream(input.seed, prefix);
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniform(next, i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

/** The first `count` of the permutation. */
export function drawQuestionsV1(input: DrawInputV1 & { count: number }): string[] {
  return drawPermutationV1(input).slice(0, input.count);
}
