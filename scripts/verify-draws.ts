// `npx tsx scripts/verify-draws.ts <base-url> [hearing-id]`: re-runs every draw of a hearing
// from the portal's open data (GET /api/hearings/<id>/draws; `current` = the conference's
// hearing) with this repository's implementation of hustings-draw-v1 — nothing is taken on
// trust but the published ids, result and seed. Exit 0: the seed matches its published hash
// and every draw matches; 1: something does not match; 2: bad usage or no data; 3: the seed
// has not been revealed yet, so nothing could be checked.
import { verifyHearingDraws, type PublishedDraw } from "../lib/draw/verify-hearing";

type Export = {
  hearingId: string;
  algorithm: string;
  questionsPerCandidate: number;
  seedHash: string | null;
  seed: string | null;
  draws: (PublishedDraw & { algorithm: string })[];
};

function isExport(value: unknown): value is Export {
  const v = value as Partial<Export> | null;
  return typeof v === "object" && v !== null && typeof v.hearingId === "string" && Array.isArray(v.draws);
}

export async function main(argv: readonly string[], print: (line: string) => void = console.log): Promise<number> {
  const [base, hearing = "current"] = argv;
  if (!base) {
    print("usage: npx tsx scripts/verify-draws.ts <base-url> [hearing-id]");
    return 2;
  }
  const url = new URL(`/api/hearings/${encodeURIComponent(hearing)}/draws`, base);
  let data: unknown;
  try {
    const response = await fetch(url);
    if (!response.ok) {
      print(`${url}: HTTP ${response.status}`);
      return 2;
    }
    data = await response.json();
  } catch (error) {
    print(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (!isExport(data)) {
    print(`${url}: not a draws export`);
    return 2;
  }
  print(`hearing ${data.hearingId}: ${data.draws.length} draw(s), seed hash ${data.seedHash ?? "(none)"}`);
  const foreign = data.draws.filter((d) => d.algorithm !== "hustings-draw-v1");
  if (foreign.length > 0) {
    print(`unknown algorithm in draw(s) ${foreign.map((d) => d.id).join(", ")}: this script checks hustings-draw-v1 only`);
    return 1;
  }
  const result = verifyHearingDraws({
    hearingId: data.hearingId,
    seed: data.seed,
    seedHash: data.seedHash,
    questionsPerCandidate: data.questionsPerCandidate,
    draws: data.draws,
  });
  if (result.seedMatchesHash === null) {
    for (const d of result.draws) print(`${d.id} ${d.kind} ${d.candidateId ?? "-"}: recorded ${d.recorded.join(",")}`);
    print("the seed has not been revealed yet: nothing can be checked");
    return 3;
  }
  print(`seed: sha256 ${result.seedMatchesHash ? "matches" : "DOES NOT MATCH"} the published hash`);
  for (const d of result.draws) {
    const verdict = d.matches ? "matches" : `DOES NOT MATCH${d.problem ? ` (${d.problem})` : ""}`;
    print(`${d.id} ${d.kind} ${d.candidateId ?? "-"}: ${verdict}; recorded ${d.recorded.join(",")}; recomputed ${d.expected?.join(",") ?? "-"}`);
  }
  print(result.allMatch ? "all draws match" : "MISMATCH");
  return result.allMatch ? 0 : 1;
}

// Run as a script (not when a test imports `main`).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
