import { createHash, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ALGORITHM, createSeed, drawPermutation, drawQuestions, normaliseEntropy, seedHash, sortIds, verifyDraw } from "@/lib/draw/verifiable-draw";
import { ALGORITHM_V1, drawPermutationV1, seedHashV1 } from "@/lib/draw/verifiable-draw-v1";

const SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const IDS = ["cand-e", "cand-a", "cand-d", "cand-b", "cand-c"];
const base = { seed: SEED, kind: "RUNNING_ORDER" as const, hearingId: "hearing-1", candidateId: null, entropy: "314159", eligibleIds: IDS };

/**
 * A second implementation written from docs/draw-specification.md alone, with node:crypto and
 * nothing from lib/: if the code and the document ever part, this test says so.
 */
function fromTheSpecification(input: { seed: string; kind: string; hearingId: string; candidateId: string | null; entropy: string; eligibleIds: string[] }) {
  const ids = [...input.eligibleIds].sort((a, b) => Buffer.compare(Buffer.from(a, "ascii"), Buffer.from(b, "ascii")));
  const m = Buffer.from(["hustings-draw-v2", input.kind, input.hearingId, input.candidateId ?? "", input.entropy, ...ids].join("\n"), "ascii");
  const key = Buffer.from(input.seed, "hex");
  const words: number[] = [];
  let k = 0;
  const word = () => {
    if (words.length === 0) {
      const counter = Buffer.from([(k >>> 24) & 255, (k >>> 16) & 255, (k >>> 8) & 255, k & 255]);
      const mac = createHmac("sha256", key)
        .update(Buffer.concat([m, counter]))
        .digest();
      for (let o = 0; o < 32; o += 4) words.push(mac.readUInt32BE(o));
      k++;
    }
    return words.shift() as number;
  };
  const list = [...ids];
  for (let i = list.length - 1; i >= 1; i--) {
    const bound = i + 1;
    const limit = 2 ** 32 - (2 ** 32 % bound);
    let w = word();
    while (w >= limit) w = word();
    const j = w % bound;
    const t = list[i] as string;
    list[i] = list[j] as string;
    list[j] = t;
  }
  return list;
}

/** The statistical tests' own timeout: the default five seconds is a timing assertion on a shared machine. */
const STATISTICAL_TEST_TIMEOUT_MS = 60_000;

describe("the verifiable draw (hustings-draw-v2)", () => {
  it("makes 32-byte hex seeds and publishes the sha256 of their bytes", () => {
    const seed = createSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(createSeed()).not.toBe(seed);
    expect(seedHash(seed)).toBe(createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex"));
    expect(seedHash(seed)).not.toBe(createHash("sha256").update(seed).digest("hex"));
    expect(() => seedHash("ABCD")).toThrow(RangeError);
    expect(() => seedHash(seed.toUpperCase())).toThrow(RangeError);
  });

  it("normalises the public entropy: white space out, 4 to 64 digits", () => {
    expect(normaliseEntropy(" 31 41\t59 ")).toBe("314159");
    expect(normaliseEntropy("1234")).toBe("1234");
    expect(normaliseEntropy("123")).toBeNull();
    expect(normaliseEntropy("1".repeat(64))).toBe("1".repeat(64));
    expect(normaliseEntropy("1".repeat(65))).toBeNull();
    expect(normaliseEntropy("12a4")).toBeNull();
    expect(normaliseEntropy("١٢٣٤")).toBeNull(); // Arabic-Indic digits are not ASCII digits
    expect(normaliseEntropy("12-34")).toBeNull();
    expect(normaliseEntropy("")).toBeNull();
  });

  it("is deterministic and a permutation of the eligible ids", () => {
    const a = drawPermutation(base);
    expect(drawPermutation(base)).toEqual(a);
    expect([...a].sort()).toEqual([...IDS].sort());
    expect(ALGORITHM).toBe("hustings-draw-v2");
  });

  it("agrees with an implementation written from the specification alone, on random inputs", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    const randomId = () => {
      const bytes = randomBytes(1 + ((randomBytes(1)[0] as number) % 30));
      return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
    };
    for (let run = 0; run < 200; run++) {
      const n = (randomBytes(1)[0] as number) % 40;
      const ids = [...new Set(Array.from({ length: n }, randomId))];
      const kind = run % 2 === 0 ? ("RUNNING_ORDER" as const) : ("QUESTIONS" as const);
      const input = {
        seed: createSeed(),
        kind,
        hearingId: randomId(),
        candidateId: kind === "QUESTIONS" ? randomId() : null,
        entropy: String(randomBytes(8).readBigUInt64BE()).padStart(4, "0"),
        eligibleIds: ids,
      };
      expect(drawPermutation(input)).toEqual(fromTheSpecification(input));
    }
  });

  it("does not depend on the order in which ids are listed, and sorts in ASCII byte order", () => {
    expect(drawPermutation({ ...base, eligibleIds: [...IDS].reverse() })).toEqual(drawPermutation(base));
    expect(sortIds(["b", "B", "a", "_", "-", "9", "Z"])).toEqual(["-", "9", "B", "Z", "_", "a", "b"]);
  });

  it("differs with another seed, hearing, kind, candidate or entropy", () => {
    const a = drawPermutation(base).join();
    const others = [
      drawPermutation({ ...base, seed: "f".repeat(64) }),
      drawPermutation({ ...base, hearingId: "hearing-2" }),
      drawPermutation({ ...base, kind: "QUESTIONS", candidateId: "cand-a" }),
      drawPermutation({ ...base, kind: "QUESTIONS", candidateId: "cand-b" }),
      drawPermutation({ ...base, entropy: "314158" }),
      drawPermutation({ ...base, entropy: "3141590" }),
    ].map((o) => o.join());
    // 5! = 120 orders: one of the six could coincide by chance, not more.
    expect(others.filter((o) => o !== a).length).toBeGreaterThanOrEqual(5);
  });

  it("changes with the entropy: over 200 entropies every first position occurs", () => {
    const firsts = new Set<string>();
    for (let e = 1000; e < 1200; e++) firsts.add(drawPermutation({ ...base, entropy: String(e) })[0] as string);
    expect(firsts.size).toBe(IDS.length);
  });

  it("takes the first N of the permutation for questions", () => {
    const q = { ...base, kind: "QUESTIONS" as const, candidateId: "cand-a", count: 3 };
    expect(drawQuestions(q)).toEqual(drawPermutation(q).slice(0, 3));
    expect(drawQuestions({ ...q, count: 10 })).toHaveLength(5);
    expect(drawQuestions({ ...q, eligibleIds: [] })).toEqual([]);
  });

  it("refuses repeated or malformed ids, entropy not normalised, malformed seeds and a misplaced candidate", () => {
    expect(() => drawPermutation({ ...base, eligibleIds: ["a", "a"] })).toThrow(RangeError);
    for (const id of ["a,b", "a\nb", "", "é", "a b", "x".repeat(101)]) expect(() => drawPermutation({ ...base, eligibleIds: [id] })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, seed: "xyz" })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, entropy: "31 4159" })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, entropy: "123" })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, candidateId: "cand-a" })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, kind: "QUESTIONS" })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, hearingId: "h\n1" })).toThrow(RangeError);
  });

  it("verifies a genuine draw and detects a tampered result, seed, commitment or entropy", () => {
    const result = drawPermutation(base);
    const published = { ...base, seedHash: seedHash(SEED), count: IDS.length, result };
    expect(verifyDraw(published)).toBe(true);
    expect(verifyDraw({ ...published, result: [...result].reverse() })).toBe(false);
    expect(verifyDraw({ ...published, seed: "f".repeat(64) })).toBe(false);
    expect(verifyDraw({ ...published, seedHash: seedHash("f".repeat(64)) })).toBe(false);
    expect(verifyDraw({ ...published, entropy: "271828" })).toBe(false);
    expect(verifyDraw({ ...published, entropy: "bad" })).toBe(false);
  });

  it("keeps v1 unchanged for draws recorded under it", () => {
    expect(ALGORITHM_V1).toBe("hustings-draw-v1");
    expect(seedHashV1(SEED)).toBe(createHash("sha256").update(SEED).digest("hex"));
    // The published v1 description, re-implemented.
    const sorted = [...IDS].sort();
    const prefix = `hustings-draw-v1|RUNNING_ORDER|hearing-1||${sorted.join(",")}`;
    const words: number[] = [];
    for (let c = 0; words.length < 64; c++) {
      const mac = createHmac("sha256", Buffer.from(SEED, "hex")).update(`${prefix}|${c}`).digest();
      for (let o = 0; o < 32; o += 4) words.push(mac.readUInt32BE(o));
    }
    const order = [...sorted];
    for (let i = order.length - 1; i > 0; i--) {
      const bound = i + 1;
      let w = words.shift() ?? 0;
      while (w >= 2 ** 32 - (2 ** 32 % bound)) w = words.shift() ?? 0;
      const j = w % bound;
      [order[i], order[j]] = [order[j] as string, order[i] as string];
    }
    expect(drawPermutationV1({ seed: SEED, kind: "RUNNING_ORDER", hearingId: "hearing-1", candidateId: null, eligibleIds: IDS })).toEqual(order);
  });

  // 20,000 draws each: under a second alone, but Vitest runs niced beside the browser tests in
  // CI, where a starved worker once took over five. No timing is asserted (docs/testing.md).
  it(
    "puts every id in every position equally often (chi-square over 20,000 seeds)",
    () => {
      const n = 5;
      const runs = 20_000;
      const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const sorted = sortIds(IDS);
      for (let r = 0; r < runs; r++) {
        // Deterministic seeds, so the test gives the same verdict on every run.
        const seed = createHash("sha256").update(`seed-${r}`).digest("hex");
        drawPermutation({ ...base, seed }).forEach((id, position) => {
          const row = counts[sorted.indexOf(id)];
          if (row) row[position] = (row[position] ?? 0) + 1;
        });
      }
      const expected = runs / n;
      const chi2 = counts.flat().reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
      // 25 cells with 16 degrees of freedom ((5−1)²): the 0.999 quantile of χ²(16) is 39.25.
      // A biased shuffle (e.g. modulo without rejection on small words, or a naive swap with
      // any index) exceeds it by far; a fair one stays under it in 999 cases out of 1000.
      expect(chi2).toBeLessThan(39.25);
    },
    STATISTICAL_TEST_TIMEOUT_MS,
  );

  it(
    "with the seed fixed, the entropy alone spreads the order uniformly (chi-square over 20,000 entropies)",
    () => {
      const n = 5;
      const runs = 20_000;
      const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const sorted = sortIds(IDS);
      for (let r = 0; r < runs; r++) {
        drawPermutation({ ...base, entropy: String(10_000 + r) }).forEach((id, position) => {
          const row = counts[sorted.indexOf(id)];
          if (row) row[position] = (row[position] ?? 0) + 1;
        });
      }
      const expected = runs / n;
      const chi2 = counts.flat().reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(39.25);
    },
    STATISTICAL_TEST_TIMEOUT_MS,
  );
});
