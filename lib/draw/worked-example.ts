import { quotaCount, type DrawQuota, type WalkTrace } from "./quota";
import { drawBlock, drawMessage, normaliseEntropy, seedHash, traceDraw, type DrawInput, type DrawKindName, type DrawTrace } from "./verifiable-draw";
import { stratifiedMessage, traceStratified } from "./verifiable-draw-v3";

// The worked example of docs/draw-specification.md and of the public specification page,
// computed by the implementation itself so that the values shown are always its own. Inputs
// are fixed: the unit test parses the document and checks every value against this code.

export type ExampleInput = {
  seed: string;
  kind: DrawKindName;
  hearingId: string;
  candidateId: string | null;
  /** As typed at the draw, before normalisation. */
  entropyTyped: string;
  /** As listed, before sorting. */
  idsListed: string[];
  /** How many the draw takes: every id for the running order, N for questions. */
  count: number;
  /** hustings-draw-v3 (§15): the quota with its places, and each id's stratum (its keys are the ids, as listed). */
  quota?: DrawQuota;
  strata?: Record<string, string>;
};

/** Chosen so that the running order needs a second HMAC block (10 swaps, 8 words per block). */
export const EXAMPLE_RUNNING_ORDER: ExampleInput = {
  seed: "7c2b5f0e9d41a6834b17e0c5d2f98a3b61c4e7d08f2a95b3c6e1d4f7a0b3c6d9",
  kind: "RUNNING_ORDER",
  hearingId: "hearing-PP26-example",
  candidateId: null,
  entropyTyped: "41 63 25 52 16 34",
  idsListed: [
    "cand-kowalski",
    "cand-Mbeki",
    "cand-osei",
    "cand-2-lindqvist",
    "cand-al-sayed",
    "cand-Zhou",
    "cand-ferreira",
    "cand-b_tanaka",
    "cand-dubois",
    "cand-ivanova",
    "cand-Ahmed",
  ],
  count: 11,
};

/** A question draw for one candidate of the example: the first 2 of the permutation. */
export const EXAMPLE_QUESTIONS: ExampleInput = {
  seed: EXAMPLE_RUNNING_ORDER.seed,
  kind: "QUESTIONS",
  hearingId: EXAMPLE_RUNNING_ORDER.hearingId,
  candidateId: "cand-osei",
  entropyTyped: "5 2 6 6 1 3",
  idsListed: ["q-7H2k", "q-03", "q-Bx9", "q-a1", "q-_z", "q-19"],
  count: 2,
};

/** Example C (§15): a question draw under a quota, 8 approved questions in 5 strata, 3 places. */
const EXAMPLE_QUOTA_STRATA: Record<string, string> = {
  "q-03": "PUBLIC",
  "q-19": "MEMBER_STATE-B",
  "q-7H2k": "MEMBER_STATE-B",
  "q-Bx9": "PRESS",
  "q-_z": "PUBLIC",
  "q-a1": "SECTOR_MEMBER",
  "q-Kc4": "MEMBER_STATE-D",
  "q-m8": "MEMBER_STATE-B",
};
const EXAMPLE_QUOTA_QUOTA: DrawQuota = {
  places: 3,
  sources: { MEMBER_STATE: { min: 1, max: null }, SECTOR_MEMBER: { min: 0, max: null }, PUBLIC: { min: 1, max: 1 }, PRESS: { min: 0, max: 1 } },
  regionMax: 1,
};
export const EXAMPLE_QUOTA: ExampleInput = {
  seed: EXAMPLE_RUNNING_ORDER.seed,
  kind: "QUESTIONS",
  hearingId: EXAMPLE_RUNNING_ORDER.hearingId,
  candidateId: "cand-Mbeki",
  entropyTyped: "6 6 2 4 5 1",
  idsListed: Object.keys(EXAMPLE_QUOTA_STRATA),
  count: quotaCount(Object.values(EXAMPLE_QUOTA_STRATA), EXAMPLE_QUOTA_QUOTA),
  quota: EXAMPLE_QUOTA_QUOTA,
  strata: EXAMPLE_QUOTA_STRATA,
};

export type ExampleStep = {
  i: number;
  bound: number;
  limit: number;
  /** Words taken for this step, in order; all but the last were rejected (word ≥ limit). */
  words: { block: number; index: number; value: number; accepted: boolean }[];
  j: number;
  /** The list after swapping positions i and j. */
  after: string[];
};

export type WorkedExample = {
  input: ExampleInput;
  commitment: string;
  entropy: string;
  sortedIds: string[];
  /** The message's lines, as text (the candidate line may be empty). */
  lines: string[];
  messageHex: string;
  messageLength: number;
  blocks: { counter: number; counterHex: string; macHex: string; words: number[] }[];
  steps: ExampleStep[];
  permutation: string[];
  drawn: string[];
  /** hustings-draw-v3: the two passes of the walk over the permutation (§15). */
  walk: WalkTrace | null;
};

/** Every intermediate value of one example draw. */
export function workedExample(input: ExampleInput): WorkedExample {
  const entropy = normaliseEntropy(input.entropyTyped);
  if (entropy === null) throw new RangeError("The example's entropy does not normalise");
  const drawInput: DrawInput = {
    seed: input.seed,
    kind: input.kind,
    hearingId: input.hearingId,
    candidateId: input.candidateId,
    entropy,
    eligibleIds: input.idsListed,
  };
  const stratified =
    input.quota && input.strata && input.candidateId
      ? { seed: input.seed, hearingId: input.hearingId, candidateId: input.candidateId, entropy, quota: input.quota, strata: input.strata }
      : null;
  const trace: DrawTrace & { walk?: WalkTrace; drawn?: string[] } = stratified ? traceStratified(stratified) : traceDraw(drawInput);
  const { message } = stratified ? stratifiedMessage(stratified) : drawMessage(drawInput);
  // Words are numbered by block and position: the n-th word taken is word n mod 8 of block ⌊n/8⌋.
  let taken = 0;
  const steps: ExampleStep[] = trace.steps.map((s) => ({
    i: s.i,
    bound: s.bound,
    limit: s.limit,
    words: s.tries.map((w) => {
      const position = taken++;
      return { block: Math.floor(position / 8), index: position % 8, value: w.word, accepted: w.accepted };
    }),
    j: s.j,
    after: s.after,
  }));
  const key = Buffer.from(input.seed, "hex");
  return {
    input,
    commitment: seedHash(input.seed),
    entropy,
    sortedIds: trace.sortedIds,
    lines: message.toString("utf8").split("\n"),
    messageHex: message.toString("hex"),
    messageLength: message.length,
    blocks: trace.blocks.map((b) => {
      // Recomputed from its definition, so the page shows the block and its counter bytes.
      const mac = drawBlock(key, message, b.counter);
      return { counter: b.counter, counterHex: b.counter.toString(16).padStart(8, "0"), macHex: mac.toString("hex"), words: b.words };
    }),
    steps,
    permutation: trace.result,
    drawn: trace.drawn ?? trace.result.slice(0, input.count),
    walk: trace.walk ?? null,
  };
}

/** A word as the document writes it: 8 hex digits and its decimal value. */
export function wordText(value: number): string {
  return `${value.toString(16).padStart(8, "0")} = ${value}`;
}

/** The message bytes as lines of 16 bytes: offset, hex pairs, and the text (newline as "⏎"). */
export function hexDump(hex: string): { offset: string; bytes: string; text: string }[] {
  const rows: { offset: string; bytes: string; text: string }[] = [];
  for (let at = 0; at < hex.length; at += 32) {
    const chunk = Buffer.from(hex.slice(at, at + 32), "hex");
    rows.push({
      offset: (at / 2).toString(16).padStart(4, "0"),
      bytes: [...chunk].map((b) => b.toString(16).padStart(2, "0")).join(" "),
      text: [...chunk].map((b) => (b === 0x0a ? "⏎" : String.fromCharCode(b))).join(""),
    });
  }
  return rows;
}
