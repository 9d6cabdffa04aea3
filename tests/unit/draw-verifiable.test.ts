import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ALGORITHM, createSeed, drawPermutation, drawQuestions, seedHash, sortIds, verifyDraw } from "@/lib/draw/verifiable-draw";

const SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const IDS = ["cand-e", "cand-a", "cand-d", "cand-b", "cand-c"];
const base = { seed: SEED, kind: "RUNNING_ORDER" as const, hearingId: "hearing-1", candidateId: null, eligibleIds: IDS };

describe("the verifiable draw", () => {
  it("makes 32-byte hex seeds and publishes their sha256", () => {
    const seed = createSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(createSeed()).not.toBe(seed);
    expect(seedHash(seed)).toBe(createHash("sha256").update(seed).digest("hex"));
  });

  it("is deterministic and a permutation of the eligible ids", () => {
    const a = drawPermutation(base);
    expect(drawPermutation(base)).toEqual(a);
    expect([...a].sort()).toEqual([...IDS].sort());
    expect(ALGORITHM).toBe("hustings-draw-v1");
  });

  it("matches an independent re-implementation of the documented algorithm", () => {
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
    expect(drawPermutation(base)).toEqual(order);
  });

  it("does not depend on the order in which ids are listed", () => {
    expect(drawPermutation({ ...base, eligibleIds: [...IDS].reverse() })).toEqual(drawPermutation(base));
    expect(sortIds(["b", "B", "a", "É"])).toEqual(["B", "a", "b", "É"]);
  });

  it("differs with another seed, hearing, kind or candidate", () => {
    const a = drawPermutation(base).join();
    const others = [
      drawPermutation({ ...base, seed: "f".repeat(64) }),
      drawPermutation({ ...base, hearingId: "hearing-2" }),
      drawPermutation({ ...base, kind: "QUESTIONS" }),
      drawPermutation({ ...base, candidateId: "cand-a" }),
    ].map((o) => o.join());
    // 5! = 120 orders: one of the four could coincide by chance, not all of them.
    expect(others.filter((o) => o !== a).length).toBeGreaterThanOrEqual(3);
  });

  it("takes the first N of the permutation for questions", () => {
    const q = { ...base, kind: "QUESTIONS" as const, candidateId: "cand-a", count: 3 };
    expect(drawQuestions(q)).toEqual(drawPermutation(q).slice(0, 3));
    expect(drawQuestions({ ...q, count: 10 })).toHaveLength(5);
  });

  it("refuses repeated ids, separators and malformed seeds", () => {
    expect(() => drawPermutation({ ...base, eligibleIds: ["a", "a"] })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, eligibleIds: ["a,b"] })).toThrow(RangeError);
    expect(() => drawPermutation({ ...base, seed: "xyz" })).toThrow(RangeError);
  });

  it("verifies a genuine draw and detects a tampered result or seed", () => {
    const result = drawPermutation(base);
    const published = { ...base, seedHash: seedHash(SEED), count: IDS.length, result };
    expect(verifyDraw(published)).toBe(true);
    expect(verifyDraw({ ...published, result: [...result].reverse() })).toBe(false);
    expect(verifyDraw({ ...published, seed: "f".repeat(64) })).toBe(false);
    expect(verifyDraw({ ...published, seedHash: seedHash("f".repeat(64)) })).toBe(false);
  });

  it("puts every id in every position equally often (chi-square over 20,000 seeds)", () => {
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
  });
});
