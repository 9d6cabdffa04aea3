import { createHash, createHmac, randomBytes } from "node:crypto";

/**
 * The verifiable draw of the hearing (Council study ¶6, ¶7: a running order drawn by lot,
 * 2–3 questions per candidate drawn at random). It must be fair and checkable by anyone:
 *
 * 1. Before any draw the secretariat commits to a secret seed: 32 random bytes, written as
 *    64 lower-case hex characters. Only its hash, `seedHash = sha256(seed as ASCII hex)` in
 *    lower-case hex, is published.
 * 2. A draw is a pure function of the seed and public data. The eligible ids are first
 *    checked (no repeats; no "," or "|" inside an id) and sorted in byte order of their
 *    UTF-8 encoding, so the order in which they were listed does not matter. They are published
 *    with the result.
 * 3. Random words come from HMAC-SHA256 with key = the 32 seed bytes (hex-decoded) and
 *    message = `hustings-draw-v1|<kind>|<hearingId>|<candidateId or empty>|<sorted ids
 *    joined by ",">|<counter>` (UTF-8; counter = 0, 1, 2 … in decimal). Each 32-byte MAC
 *    gives eight unsigned 32-bit big-endian words, used in order; when they run out the
 *    counter is incremented.
 * 4. Fisher–Yates: for i = n−1 down to 1, take j uniform in [0, i] and swap ids i and j.
 *    j is drawn without modulo bias by rejection: with bound = i + 1 and
 *    limit = 2^32 − (2^32 mod bound), a word w ≥ limit is discarded and the next one used;
 *    otherwise j = w mod bound.
 * 5. The permutation is the drawn order (running order); a question draw takes its first N.
 *    After the hearing the seed is revealed; anyone can check sha256(seed) = seedHash and
 *    recompute the result from the published ids.
 */
export const ALGORITHM = "hustings-draw-v1";

export type DrawKindName = "RUNNING_ORDER" | "QUESTIONS";

export type DrawInput = {
  seed: string;
  kind: DrawKindName;
  hearingId: string;
  /** Null for the running order, which is not about one candidate. */
  candidateId: string | null;
  eligibleIds: readonly string[];
};

const SEED_PATTERN = /^[0-9a-f]{64}$/;
const TWO_TO_32 = 0x1_0000_0000;

/** A fresh secret seed: 32 random bytes as lower-case hex. */
export function createSeed(): string {
  return randomBytes(32).toString("hex");
}

/** What is published before the draw: sha256 of the seed's hex text, in hex. */
export function seedHash(seed: string): string {
  return createHash("sha256").update(seed, "utf8").digest("hex");
}

/** The eligible ids in byte order of their UTF-8 encoding, refusing repeats and separators. */
export function sortIds(ids: readonly string[]): string[] {
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
export function drawPermutation(input: DrawInput): string[] {
  const ids = sortIds(input.eligibleIds);
  const prefix = [ALGORITHM, input.kind, input.hearingId, input.candidateId ?? "", ids.join(",")].join("|");
  const next = wordStream(input.seed, prefix);
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniform(next, i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

/** ¶6: 2–3 questions per candidate, the first `count` of the permutation. */
export function drawQuestions(input: DrawInput & { count: number }): string[] {
  return drawPermutation(input).slice(0, input.count);
}

/** Re-runs a published draw: the seed must match its committed hash and give the same result. */
export function verifyDraw(input: DrawInput & { seedHash: string; count: number; result: readonly string[] }): boolean {
  if (!SEED_PATTERN.test(input.seed) || seedHash(input.seed) !== input.seedHash) return false;
  const expected = drawQuestions(input);
  return expected.length === input.result.length && expected.every((id, i) => id === input.result[i]);
}
