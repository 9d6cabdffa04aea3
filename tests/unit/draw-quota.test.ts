import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isEmptyQuota, quotaCount, quotaPreview, quotaProblems, selectUnderQuota, type DrawQuota } from "@/lib/draw/quota";
import { drawBlock, seedHash, sortIds } from "@/lib/draw/verifiable-draw";
import { ALGORITHM_V3, drawStratified, quotaLines, stratifiedMessage, stratifiedPermutation, verifyStratified } from "@/lib/draw/verifiable-draw-v3";
import { verifyHearingDraws, type PublishedDraw } from "@/lib/draw/verify-hearing";
import { EXAMPLE_QUOTA } from "@/lib/draw/worked-example";
import { stratifiedDrawOf } from "@/lib/hearings/quota-draw";
import { questionQuotaSchema } from "@/lib/hearings/quota-schema";
import { MARK } from "../../scripts/draw-worked-example";

// The stratified draw (docs/draw-specification.md §15, docs/decisions/045-quota-draws.md): the
// walk's rules on hand-made permutations, the draw and its verification, and the document's
// example C against the code.

const NONE = { min: 0, max: null };
function quota(over: Partial<DrawQuota["sources"]> = {}, extra: Partial<Omit<DrawQuota, "sources">> = {}): DrawQuota {
  return { places: 3, regionMax: null, sources: { MEMBER_STATE: NONE, SECTOR_MEMBER: NONE, PUBLIC: NONE, PRESS: NONE, ...over }, ...extra };
}

describe("the walk over the permutation (§15)", () => {
  const strata = {
    p1: "PUBLIC",
    p2: "PUBLIC",
    p3: "PUBLIC",
    m1: "MEMBER_STATE-A",
    m2: "MEMBER_STATE-A",
    m3: "MEMBER_STATE-B",
    s1: "SECTOR_MEMBER",
    x1: "PRESS",
  };

  it("takes the first N in drawn order when nothing binds", () => {
    expect(selectUnderQuota(["p1", "p2", "m1", "m2"], strata, quota()).result).toEqual(["p1", "p2", "m1"]);
  });

  it("meets every minimum first, then fills in drawn order, and lists the result in the permutation's order", () => {
    const q = quota({ MEMBER_STATE: { min: 1, max: null }, PRESS: { min: 1, max: null } });
    const { result, trace } = selectUnderQuota(["p1", "p2", "p3", "s1", "m1", "x1"], strata, q);
    expect(result).toEqual(["p1", "m1", "x1"]);
    expect(trace.map((r) => r.pass1)).toEqual(["noMinimum", "noMinimum", "noMinimum", "noMinimum", "minimum", "minimum"]);
    expect(trace.find((r) => r.id === "p1")?.pass2).toBe("fill");
  });

  it("keeps every source's maximum and the per-region maximum in both passes", () => {
    const q = quota({ PUBLIC: { min: 0, max: 1 } }, { regionMax: 1 });
    const { result, trace } = selectUnderQuota(["p1", "p2", "m1", "m2", "m3", "s1"], strata, q);
    expect(result).toEqual(["p1", "m1", "m3"]);
    expect(trace.find((r) => r.id === "p2")?.pass2).toBe("sourceFull");
    expect(trace.find((r) => r.id === "m2")?.pass2).toBe("regionFull");
  });

  it("fills a minimum it cannot meet from the other sources in drawn order (the shortfall rule)", () => {
    // Two Member States' questions wanted; only one region, at most one per region.
    const q = quota({ MEMBER_STATE: { min: 2, max: null }, PUBLIC: { min: 1, max: null } }, { regionMax: 1 });
    const only = { m1: "MEMBER_STATE-A", m2: "MEMBER_STATE-A", p1: "PUBLIC", p2: "PUBLIC", s1: "SECTOR_MEMBER" };
    const { result } = selectUnderQuota(["s1", "m1", "p1", "m2", "p2"], only, q);
    expect(result).toEqual(["s1", "m1", "p1"]);
    const preview = quotaPreview(Object.values(only), q);
    expect(preview.rows.find((r) => r.source === "MEMBER_STATE")).toMatchObject({ approved: 2, min: 2, capacity: 1, short: 1 });
    expect(preview.willDraw).toBe(3);
  });

  it("draws fewer when the maxima and the eligible questions allow fewer places", () => {
    const q = quota({ PUBLIC: { min: 1, max: 1 } });
    expect(selectUnderQuota(["p1", "p2", "p3"], strata, q).result).toEqual(["p1"]);
    expect(quotaCount(["PUBLIC", "PUBLIC", "PUBLIC"], q)).toBe(1);
    expect(quotaPreview(["PUBLIC", "PUBLIC", "PUBLIC"], q)).toMatchObject({ willDraw: 1, places: 3 });
  });

  it("draws every question when fewer are eligible than the places (count larger than eligible)", () => {
    const q = quota({ MEMBER_STATE: { min: 1, max: null } });
    expect(selectUnderQuota(["p1", "m1"], strata, q).result).toEqual(["p1", "m1"]);
    expect(quotaCount(["PUBLIC", "MEMBER_STATE-A"], q)).toBe(2);
    expect(selectUnderQuota([], {}, q).result).toEqual([]);
  });

  it("counts the same number whatever the permutation (checked before the reveal)", () => {
    const q = quota({ MEMBER_STATE: { min: 1, max: 2 }, PUBLIC: { min: 1, max: 1 } }, { regionMax: 1, places: 3 });
    const ids = Object.keys(strata);
    const expected = quotaCount(Object.values(strata), q);
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 40; k++) {
      const perm = [...ids];
      for (let i = perm.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [perm[i], perm[j]] = [perm[j] as string, perm[i] as string];
      }
      expect(selectUnderQuota(perm, strata, q).result).toHaveLength(expected);
    }
  });

  it("a Member State's question without a region counts for the source, not for any region", () => {
    const q = quota({}, { regionMax: 1 });
    expect(selectUnderQuota(["m1", "m2", "mx"], { m1: "MEMBER_STATE-A", m2: "MEMBER_STATE-A", mx: "MEMBER_STATE" }, q).result).toEqual(["m1", "mx"]);
  });
});

describe("the quota's own rules", () => {
  it("refuses minima above the places, a minimum above its maximum, a region maximum of 0", () => {
    expect(quotaProblems(quota({ MEMBER_STATE: { min: 2, max: null }, PUBLIC: { min: 2, max: null } }), 3).map((p) => p.key)).toEqual(["minsAbovePlaces"]);
    expect(quotaProblems(quota({ PUBLIC: { min: 2, max: 1 } }), 3).map((p) => p.key)).toEqual(["minAboveMax"]);
    expect(quotaProblems(quota({}, { regionMax: 0 }), 3).map((p) => p.key)).toEqual(["regionMaxRange"]);
    expect(quotaProblems(quota({ MEMBER_STATE: { min: 1, max: null } }, { regionMax: 1 }), 3)).toEqual([]);
  });

  it("the form's schema reads empty fields as none and refuses what is not a whole number", () => {
    const ok = questionQuotaSchema.safeParse({
      hearingId: "h",
      "min-MEMBER_STATE": "1",
      "max-PUBLIC": "1",
      "min-PUBLIC": "1",
      regionMax: "1",
      "max-PRESS": "",
    });
    expect(ok.success && ok.data.quota).toEqual(
      quota({ MEMBER_STATE: { min: 1, max: null }, PUBLIC: { min: 1, max: 1 } }, { regionMax: 1, places: undefined }),
    );
    for (const bad of ["1.5", "-1", "x", "4", "1e1"]) {
      const r = questionQuotaSchema.safeParse({ hearingId: "h", "min-PUBLIC": bad });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("questionQuota.wholeNumber");
    }
    const above = questionQuotaSchema.safeParse({ hearingId: "h", "min-PUBLIC": "2", "max-PUBLIC": "1" });
    expect(above.error?.issues[0]).toMatchObject({ message: "questionQuota.minAboveMax", path: ["min-PUBLIC"] });
    const empty = questionQuotaSchema.parse({ hearingId: "h" });
    expect(isEmptyQuota(empty.quota)).toBe(true);
  });

  it("a hearing without a quota (or with one that bounds nothing) draws with v2", () => {
    const eligible = [{ id: "q1", askerKind: "PUBLIC" as const, askerRegion: null }];
    expect(stratifiedDrawOf(null, 3, eligible)).toBeNull();
    expect(stratifiedDrawOf(quota(), 3, eligible)).toBeNull();
    expect(stratifiedDrawOf({ nonsense: true }, 3, eligible)).toBeNull();
    const some = stratifiedDrawOf(quota({ PUBLIC: { min: 1, max: null } }), 2, [
      { id: "q2", askerKind: "MEMBER_STATE", askerRegion: "C" },
      { id: "q1", askerKind: "MEMBER_STATE", askerRegion: null },
    ]);
    expect(some?.quota.places).toBe(2);
    expect(some?.strata).toEqual({ q1: "MEMBER_STATE", q2: "MEMBER_STATE-C" });
  });
});

const SEED = "0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff";
const HEARING = "hearing-quota";
const STRATA = { "q-1": "PUBLIC", "q-2": "MEMBER_STATE-A", "q-3": "MEMBER_STATE-A", "q-4": "PRESS", "q-5": "MEMBER_STATE-C", "q-6": "PUBLIC" };
const QUOTA = quota({ MEMBER_STATE: { min: 1, max: null }, PUBLIC: { min: 1, max: 1 } }, { regionMax: 1 });
const INPUT = { seed: SEED, hearingId: HEARING, candidateId: "cand-a", entropy: "665544", strata: STRATA, quota: QUOTA };

describe("hustings-draw-v3", () => {
  it("binds the quota and the strata in its message, and permutes as v2 does under it", () => {
    const { message, sortedIds } = stratifiedMessage(INPUT);
    const lines = message.toString("ascii").split("\n");
    expect(lines.slice(0, 11)).toEqual([
      "hustings-draw-v3",
      "QUESTIONS",
      HEARING,
      "cand-a",
      "665544",
      "places 3",
      "MEMBER_STATE 1 -",
      "SECTOR_MEMBER 0 -",
      "PUBLIC 1 1",
      "PRESS 0 -",
      "region 1",
    ]);
    expect(lines.slice(11)).toEqual(sortedIds.map((id) => `${id} ${STRATA[id as keyof typeof STRATA]}`));
    // Block 0 is HMAC-SHA256 over M ‖ 00000000, as in v2.
    expect(drawBlock(Buffer.from(SEED, "hex"), message, 0)).toHaveLength(32);
    const drawn = drawStratified(INPUT);
    expect(drawn).toEqual(selectUnderQuota(stratifiedPermutation(INPUT), STRATA, QUOTA).result);
    expect(drawn).toHaveLength(3);
    expect(drawn.filter((id) => STRATA[id as keyof typeof STRATA] === "PUBLIC")).toHaveLength(1);
    expect(drawn.some((id) => STRATA[id as keyof typeof STRATA].startsWith("MEMBER_STATE"))).toBe(true);
  });

  it("is verified; another stratum, another quota or another result fails", () => {
    const published = { ...INPUT, seedHash: seedHash(SEED), count: 3, result: drawStratified(INPUT) };
    expect(verifyStratified(published)).toBe(true);
    expect(verifyStratified({ ...published, strata: { ...STRATA, "q-4": "PUBLIC" } })).toBe(false);
    expect(verifyStratified({ ...published, quota: { ...QUOTA, regionMax: null } })).toBe(false);
    expect(verifyStratified({ ...published, result: [...published.result].reverse() })).toBe(false);
  });
});

describe("verify-hearing re-checks v3 draws", () => {
  const result = drawStratified(INPUT);
  const draw: PublishedDraw = {
    id: "draw-q",
    kind: "QUESTIONS",
    candidateId: "cand-a",
    algorithm: ALGORITHM_V3,
    seedHash: seedHash(SEED),
    entropy: "665544",
    eligibleIds: sortIds(Object.keys(STRATA)),
    count: 3,
    result,
    drawnAt: "2030-10-27T08:00:00.000Z",
    quota: QUOTA,
    strata: STRATA,
  };
  const check = (d: PublishedDraw, seed: string | null = SEED) =>
    verifyHearingDraws({
      hearingId: HEARING,
      questionsPerCandidate: 3,
      active: { seedHash: seedHash(SEED), seed, committedAt: "2030-10-01T09:00:00.000Z", revealedAt: seed ? "2030-10-28T09:00:00.000Z" : null },
      draws: [d],
    });

  it("an honest v3 draw matches, with its quota and strata given back", () => {
    const v = check(draw);
    expect(v.allMatch).toBe(true);
    expect(v.draws[0]).toMatchObject({ matches: true, problems: [], quota: QUOTA, strata: STRATA });
  });

  it("tampered strata fail, even with the result recomputed under them by someone without the seed", () => {
    // Swapping two strata: same multiset, same count, another message.
    const swapped = { ...STRATA, "q-1": "MEMBER_STATE-A", "q-2": "PUBLIC" };
    expect(check({ ...draw, strata: swapped }).draws[0]?.problems).toContain("resultDiffers");
    expect(check({ ...draw, strata: { ...STRATA, "q-1": "CLERGY" } }).draws[0]?.problems).toContain("invalidStrata");
    expect(check({ ...draw, strata: { "q-1": "PUBLIC" } }).draws[0]?.problems).toContain("invalidStrata");
    expect(check({ ...draw, strata: null }).allMatch).toBe(false);
  });

  it("a quota with other places than the hearing's, or missing, fails; a lowered count fails before the reveal", () => {
    expect(check({ ...draw, quota: { ...QUOTA, places: 2 } }).draws[0]?.problems).toContain("invalidQuota");
    expect(check({ ...draw, quota: undefined }).draws[0]?.problems).toContain("invalidQuota");
    expect(check({ ...draw, quota: { ...QUOTA, regionMax: null } }).draws[0]?.problems).toContain("resultDiffers");
    const early = check({ ...draw, count: 2, result: result.slice(0, 2) }, null);
    expect(early.draws[0]).toMatchObject({ matches: false, problems: ["wrongCount"] });
    expect(check(draw, null).draws[0]?.matches).toBeNull();
  });
});

describe("the specification's example C (hustings-draw-v3)", () => {
  const doc = readFileSync(new URL("../../docs/draw-specification.md", import.meta.url), "utf8");
  const from = doc.indexOf("### Example C:");
  const section = doc.slice(from, doc.indexOf("<!-- worked-example:end -->"));
  const value = (label: string) => new RegExp(`^${label.replace(/[()]/g, "\\$&")} = (.*)$`, "m").exec(section)?.[1];
  const listAfter = (label: string) => {
    const start = section.indexOf(`${label} =\n`);
    const lines: string[] = [];
    for (const line of section.slice(start).split("\n").slice(1)) {
      if (!line.startsWith("  ")) break;
      lines.push(line.trim().replace(/^\[\d+\] /, ""));
    }
    return lines;
  };

  it("exists, and its inputs are the code's example", () => {
    expect(from).toBeGreaterThan(0);
    expect(value("seed")).toBe(EXAMPLE_QUOTA.seed);
    expect(value("candidate id")).toBe(`"${EXAMPLE_QUOTA.candidateId}"`);
    expect(value("entropy as typed")).toBe(`"${EXAMPLE_QUOTA.entropyTyped}"`);
    expect(listAfter("quota")).toEqual(quotaLines(EXAMPLE_QUOTA.quota as DrawQuota));
    expect(listAfter("ids as listed, with their strata")).toEqual(EXAMPLE_QUOTA.idsListed.map((id) => `${id} ${EXAMPLE_QUOTA.strata?.[id]}`));
  });

  it("gives the message, the permutation, the walk and the drawn questions the code computes", () => {
    const strata = Object.fromEntries(listAfter("ids as listed, with their strata").map((l) => l.split(" ") as [string, string]));
    const input = {
      seed: value("seed") as string,
      hearingId: value("hearing id") as string,
      candidateId: JSON.parse(value("candidate id") as string) as string,
      entropy: value("entropy") as string,
      strata,
      quota: EXAMPLE_QUOTA.quota as DrawQuota,
    };
    const { message } = stratifiedMessage(input);
    const lines = message.toString("ascii").split("\n");
    lines.forEach((line, k) => expect(value(`line ${k + 1}`)).toBe(JSON.stringify(line)));
    expect(Number(value("message length"))).toBe(message.length);
    expect(value("block 0")).toBe(drawBlock(Buffer.from(input.seed, "hex"), message, 0).toString("hex"));
    const permutation = stratifiedPermutation(input);
    expect(listAfter("permutation")).toEqual(permutation);
    const { result, trace } = selectUnderQuota(permutation, strata, input.quota);
    const rows = [...section.matchAll(/^\| (\d+) \| (\S+) \| (\S+) \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => [m[2], m[3], m[4]?.trim(), m[5]?.trim()]);
    expect(rows).toEqual(trace.map((r) => [r.id, r.stratum, MARK[r.pass1], MARK[r.pass2]]));
    expect(listAfter(`drawn (${result.length})`)).toEqual(result);
    expect(Number(value("count"))).toBe(result.length);
    expect(value("commitment")).toBe(seedHash(input.seed));
  });
});
