// `npx tsx scripts/verify-draws.ts <base-url> [hearing-id]` or `npx tsx scripts/verify-draws.ts --file <draws.json>`:
// re-runs every draw of a hearing from the portal's open data alone (GET /api/hearings/<id>/draws;
// `current` = the conference's hearing), as docs/draw-specification.md §12 says: each seed
// against its commitment, each draw's time against its commitment's, and each result
// recomputed. Exit 0: everything checked matches; 1: something does not match; 2: bad usage
// or no data; 3: a seed is still secret, so not everything could be checked (nothing wrong seen).
import { readFile } from "node:fs/promises";
import { verifyDrawsFile, type DrawsFile } from "../lib/draw/verify-hearing";

function isDrawsFile(value: unknown): value is DrawsFile {
  const v = value as Partial<DrawsFile> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.hearingId === "string" &&
    typeof v.questionsPerCandidate === "number" &&
    Array.isArray(v.draws) &&
    Array.isArray(v.voidedCommitments) &&
    v.draws.every((d) => typeof d === "object" && d !== null && Array.isArray(d.eligibleIds) && Array.isArray(d.result) && typeof d.drawnAt === "string")
  );
}

async function load(argv: readonly string[], print: (line: string) => void): Promise<unknown> {
  if (argv[0] === "--file") {
    if (!argv[1]) return undefined;
    try {
      return JSON.parse(await readFile(argv[1], "utf8"));
    } catch (error) {
      print(`${argv[1]}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
  const [base, hearing = "current"] = argv;
  if (!base) return undefined;
  const url = new URL(`/api/hearings/${encodeURIComponent(hearing)}/draws`, base);
  try {
    const response = await fetch(url);
    if (!response.ok) {
      print(`${url}: HTTP ${response.status}`);
      return null;
    }
    return await response.json();
  } catch (error) {
    print(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export async function main(argv: readonly string[], print: (line: string) => void = console.log): Promise<number> {
  const data = await load(argv, print);
  if (data === undefined) {
    print("usage: npx tsx scripts/verify-draws.ts <base-url> [hearing-id] | --file <draws.json>");
    return 2;
  }
  if (data === null) return 2;
  if (!isDrawsFile(data)) {
    print("not a draws export");
    return 2;
  }
  const result = verifyDrawsFile(data);
  print(`hearing ${data.hearingId}: ${data.draws.length} draw(s), ${data.voidedCommitments.length} voided commitment(s)`);
  for (const c of result.commitments) {
    const seed = c.seedMatchesHash === null ? "seed still secret" : c.seedMatchesHash ? "seed matches" : "SEED DOES NOT MATCH";
    const times = `committed ${c.committedAt ?? "(time not kept)"}, ${c.voided ? "voided" : "revealed"} ${c.revealedAt ?? "-"}`;
    print(`${c.voided ? "voided" : "active"} commitment ${c.seedHash}: ${seed}; ${times}${c.reason ? `; reason: ${c.reason}` : ""}`);
  }
  for (const d of result.draws) {
    const verdict = d.matches === null ? "not checkable yet" : d.matches ? "matches" : `DOES NOT MATCH (${d.problems.join(", ")})`;
    const counts = data.draws.find((x) => x.id === d.id);
    const queue = d.kind === "QUESTIONS" && counts ? `; pending ${counts.pendingCount ?? "-"}, set aside ${counts.setAsideCount ?? "-"}` : "";
    print(
      `${d.id} ${d.kind} ${d.candidateId ?? "-"}${d.voided ? " (VOID: its commitment was voided)" : ""}: ${verdict}; ${d.algorithm}; drawn ${d.drawnAt}; entropy ${d.entropy ?? "-"}${queue}; recorded ${d.recorded.join(",")}; recomputed ${d.expected?.join(",") ?? "-"}`,
    );
  }
  if (result.allMatch === false) {
    print("MISMATCH");
    return 1;
  }
  if (result.allMatch === null) {
    print("a seed has not been revealed yet: not everything can be checked (nothing wrong seen so far)");
    return 3;
  }
  print("all draws match");
  return 0;
}

// Run as a script (not when a test imports `main`).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
