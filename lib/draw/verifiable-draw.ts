import { createHash, createHmac, randomBytes } from "node:crypto";

/**
 * The verifiable draw of the hearing, algorithm "hustings-draw-v2" (Council study ¶6, ¶7: a
 * running order drawn by lot, 2–3 questions per candidate drawn at random). Specified to the
 * byte, with a worked example, in docs/draw-specification.md (also a public page); the design
 * and its threat model are in docs/decisions/014-hearing-record-integrity.md. Draws recorded under
 * "hustings-draw-v1" are re-checked with lib/draw/verifiable-draw-v1.ts.
 */
export const ALGORITHM = "hustings-draw-v2";

export type DrawKindName = "RUNNING_ORDER" | "QUESTIONS";

export type DrawInput = {
  /** The secret seed: 64 lower-case hex characters (32 bytes). */
  seed: string;
  kind: DrawKindName;
  hearingId: string;
  /** Null for the running order; the candidate's id for a question draw. */
  candidateId: string | null;
  /** The public entropy typed at the draw, already normalised (normaliseEntropy). */
  entropy: string;
  eligibleIds: readonly string[];
};

/** Ids of hearings, candidates and questions as they enter the message. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
/** Normalised public entropy: 4 to 64 ASCII digits. */
export const ENTROPY_PATTERN = /^[0-9]{4,64}$/;
export const SEED_PATTERN = /^[0-9a-f]{64}$/;
const KINDS: readonly DrawKindName[] = ["RUNNING_ORDER", "QUESTIONS"];
const TWO_TO_32 = 0x1_0000_0000;

/** A fresh secret seed: 32 random bytes as lower-case hex. */
export function createSeed(): string {
  return randomBytes(32).toString("hex");
}

function seedBytes(seedHex: string): Buffer {
  if (!SEED_PATTERN.test(seedHex)) throw new RangeError("A seed is 64 lower-case hex characters");
  return Buffer.from(seedHex, "hex");
}

/** The commitment published before any draw: SHA-256 of the seed's 32 bytes, in lower-case hex. */
export function seedHash(seedHex: string): string {
  return createHash("sha256").update(seedBytes(seedHex)).digest("hex");
}

/**
 * The public entropy as it enters the draw: white space removed, then 4 to 64 ASCII digits
 * (0–9); anything else gives null.
 */
export function normaliseEntropy(raw: string): string | null {
  const digits = raw.replace(/\s+/gu, "");
  return ENTROPY_PATTERN.test(digits) ? digits : null;
}

/** The eligible ids, checked (pattern, no repeats) and sorted in ASCII byte order. */
export function sortIds(ids: readonly string[]): string[] {
  for (const id of ids) {
    if (!ID_PATTERN.test(id)) throw new RangeError(`Not a drawable id: ${JSON.stringify(id)}`);
  }
  if (new Set(ids).size !== ids.length) throw new RangeError("Eligible ids must be distinct");
  // ASCII only, so comparing UTF-16 code units is comparing bytes.
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The message M: the lines joined by "\n", no trailing newline, UTF-8 (all ASCII). */
export function drawMessage(input: Omit<DrawInput, "seed">): { message: Buffer; sortedIds: string[] } {
  if (!KINDS.includes(input.kind)) throw new RangeError("Unknown draw kind");
  if (!ID_PATTERN.test(input.hearingId)) throw new RangeError("Not a hearing id");
  if (input.kind === "RUNNING_ORDER" && input.candidateId !== null) throw new RangeError("The running order is not about one candidate");
  if (input.kind === "QUESTIONS" && (input.candidateId === null || !ID_PATTERN.test(input.candidateId))) throw new RangeError("Not a candidate id");
  if (!ENTROPY_PATTERN.test(input.entropy)) throw new RangeError("The entropy must be normalised: 4 to 64 digits");
  const sortedIds = sortIds(input.eligibleIds);
  const lines = [ALGORITHM, input.kind, input.hearingId, input.candidateId ?? "", input.entropy, ...sortedIds];
  return { message: Buffer.from(lines.join("\n"), "utf8"), sortedIds };
}

/** Block k = HMAC-SHA256(key = the 32 seed bytes, M ‖ k as uint32 big-endian). */
export function drawBlock(key: Buffer, message: Buffer, counter: number): Buffer {
  const k = Buffer.alloc(4);
  k.writeUInt32BE(counter);
  return createHmac("sha256", key).update(message).update(k).digest();
}

/** Every intermediate value of a draw, for the specification's worked example. */
export type DrawTrace = {
  message: Buffer;
  sortedIds: string[];
  blocks: { counter: number; mac: Buffer; words: number[] }[];
  steps: { i: number; bound: number; limit: number; tries: { word: number; accepted: boolean }[]; j: number; after: string[] }[];
  result: string[];
};

export type Observer = {
  block?: (counter: number, mac: Buffer) => void;
  word?: (word: number, accepted: boolean) => void;
  step?: (i: number, bound: number, limit: number, j: number, order: readonly string[]) => void;
};

function run(input: DrawInput, observer?: Observer): string[] {
  const { message, sortedIds } = drawMessage(input);
  return shuffleUnder(input.seed, message, sortedIds, observer);
}

/**
 * §7–§10 for any message: HMAC blocks keyed with the seed's 32 bytes, words taken in order,
 * rejection sampling, Fisher–Yates from the end over `sortedIds`. hustings-draw-v3
 * (lib/draw/verifiable-draw-v3.ts) permutes exactly so, under its own message.
 */
export function shuffleUnder(seed: string, message: Buffer, sortedIds: readonly string[], observer?: Observer): string[] {
  const key = seedBytes(seed);
  let counter = 0;
  let block: Buffer = Buffer.alloc(0);
  let offset = 0;
  const next = (): number => {
    if (offset >= block.length) {
      block = drawBlock(key, message, counter);
      observer?.block?.(counter, block);
      counter += 1;
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };
  const order = [...sortedIds];
  for (let i = order.length - 1; i > 0; i--) {
    const bound = i + 1;
    const j = uniformIndex(next, bound, observer?.word);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
    observer?.step?.(i, bound, rejectionLimit(bound), j, order);
  }
  return order;
}

/** 2^32 − (2^32 mod bound): words at or above it are discarded. */
export function rejectionLimit(bound: number): number {
  return TWO_TO_32 - (TWO_TO_32 % bound);
}

/** Uniform in [0, bound) without modulo bias: words ≥ limit are discarded, then j = w mod bound. */
export function uniformIndex(next: () => number, bound: number, seen?: (word: number, accepted: boolean) => void): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > TWO_TO_32) throw new RangeError("A bound is a whole number from 1 to 2^32");
  const limit = rejectionLimit(bound);
  for (;;) {
    const word = next();
    const accepted = word < limit;
    seen?.(word, accepted);
    if (accepted) return word % bound;
  }
}

/** The eligible ids (sorted first) in drawn order: Fisher–Yates from the last position down. */
export function drawPermutation(input: DrawInput): string[] {
  return run(input);
}

/** ¶6: the questions drawn for a candidate are the first `count` of the permutation. */
export function drawQuestions(input: DrawInput & { count: number }): string[] {
  if (!Number.isInteger(input.count) || input.count < 0) throw new RangeError("A count is a whole number");
  return run(input).slice(0, input.count);
}

/** The draw with every intermediate value (the specification's worked example shows them). */
export function traceDraw(input: DrawInput): DrawTrace {
  const { message, sortedIds } = drawMessage(input);
  return traceShuffle(input.seed, message, sortedIds);
}

/** The shuffle under `message` with every intermediate value. */
export function traceShuffle(seed: string, message: Buffer, sortedIds: readonly string[]): DrawTrace {
  const blocks: DrawTrace["blocks"] = [];
  const steps: DrawTrace["steps"] = [];
  let tries: { word: number; accepted: boolean }[] = [];
  const result = shuffleUnder(seed, message, sortedIds, {
    block: (counter, mac) => blocks.push({ counter, mac: Buffer.from(mac), words: Array.from({ length: 8 }, (_, n) => mac.readUInt32BE(n * 4)) }),
    word: (word, accepted) => tries.push({ word, accepted }),
    step: (i, bound, limit, j, order) => {
      steps.push({ i, bound, limit, tries, j, after: [...order] });
      tries = [];
    },
  });
  return { message, sortedIds: [...sortedIds], blocks, steps, result };
}

/** Re-runs a published draw: the seed must match its commitment and give the same result. */
export function verifyDraw(input: DrawInput & { seedHash: string; count: number; result: readonly string[] }): boolean {
  try {
    if (seedHash(input.seed) !== input.seedHash) return false;
    const expected = drawQuestions(input);
    return expected.length === input.result.length && expected.every((id, i) => id === input.result[i]);
  } catch {
    return false;
  }
}
