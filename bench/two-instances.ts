// Two instances on one database: from a change made through A to its appearance on B's page
// (docs/decisions/030-cache-across-instances.md), next to its appearance on A's own page.
//
// Usage: npx tsx bench/two-instances.ts [changes=100] [--dist .next-cache]
//   Needs a production build (`next build`; NEXT_DIST_DIR or --dist names another folder than
//   .next) and the PostgreSQL server TEST_DATABASE_URL names (default 127.0.0.1:5432), on which
//   it makes a database of its own and drops it at the end.
//
// What it does: two production servers (tests/support/next-server.ts), each with its own copy
// of the build folder, so each keeps its own page cache as two machines would. A candidate's
// page is cached on both; then, `changes` times: a question is asked through A
// (POST /api/forum/questions, which refreshes the forum's tags), and both pages are read every
// 20 ms until they show it. Printed: p50 / p99 / max from A's answer to the question's
// appearance on B (the figure: target p99 ≤ 2 s) and on A itself (the baseline: the render
// of a page whose tags were just expired), how many of the reads before each change were
// served from the cache, and the machine's load (figures from a shared machine mean little
// without it).
import { cpSync, rmSync } from "node:fs";
import os from "node:os";
import { allowServerOnlyImports } from "./support/server-only";
import { throwawayDatabase } from "./support/throwaway-database";

allowServerOnlyImports();

const argv = process.argv.slice(2);
const distAt = argv.indexOf("--dist");
const distDir = distAt >= 0 ? (argv.splice(distAt, 2)[1] ?? ".next") : process.env.NEXT_DIST_DIR || ".next";
const changes = Math.min(Math.max(Number(argv[0] ?? 100), 1), 1000);
const POLL_MS = 20;
const GIVE_UP_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return `p50 ${Math.round(at(50))} ms, p99 ${Math.round(at(99))} ms, max ${Math.round(sorted.at(-1) ?? Number.NaN)} ms (n=${sorted.length})`;
}

const receivedOf = (html: string) => Number(/data-testid="count-received"[^>]*>([^<]*)</.exec(html)?.[1] ?? Number.NaN);

async function visit(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  return { cache: response.headers.get("x-nextjs-cache"), received: receivedOf(await response.text()) };
}

/** Reads `path` every POLL_MS until it shows `count` questions received; ms from `since`. */
async function appearance(base: string, path: string, count: number, since: number): Promise<number> {
  for (;;) {
    const seen = await visit(base, path);
    if (seen.received >= count) return performance.now() - since;
    if (performance.now() - since > GIVE_UP_MS) return Number.POSITIVE_INFINITY;
    await sleep(POLL_MS);
  }
}

async function main() {
  const { deployMigrations } = await import("../lib/db/migrate");
  const { createDb } = await import("../lib/db/client");
  const { startNextServer } = await import("../tests/support/next-server");
  const { openForum, spreadOut } = await import("../tests/e2e/support/forum");

  const { name, url: databaseUrl, onServer } = throwawayDatabase("two_instances");
  const copies = [`${distDir}-bench-a`, `${distDir}-bench-b`];
  await onServer(`CREATE DATABASE "${name}"`);
  const db = createDb(databaseUrl);
  const servers: { stop(): Promise<void> }[] = [];
  try {
    await deployMigrations(databaseUrl, { log: () => {} });
    await db.memberState.create({ data: { iso3: "BEN", iso2: "BJ", nameEn: "Benin", region: "D" } });
    for (const copy of copies) {
      rmSync(copy, { recursive: true, force: true });
      cpSync(distDir, copy, { recursive: true, filter: (source) => !/[/\\](cache|standalone)$/.test(source) });
    }
    const a = await startNextServer({ databaseUrl, distDir: copies[0] });
    servers.push(a);
    const b = await startNextServer({ databaseUrl, distDir: copies[1] });
    servers.push(b);
    const { candidate } = await openForum(db);
    const path = `/en/candidates/${candidate.id}`;
    // Both pages cached before the first change.
    for (const base of [a.url, b.url]) {
      const deadline = performance.now() + 30_000;
      while ((await visit(base, path)).cache !== "HIT" && performance.now() < deadline) await sleep(100);
    }
    console.log(`two instances on one database, ${changes} changes, build ${distDir}; load before: ${load()}`);

    const onB: number[] = [];
    const onA: number[] = [];
    const answers: number[] = [];
    let hits = 0;
    for (let i = 1; i <= changes; i++) {
      // The page each instance serves before the change: from its cache (HIT) when all is well.
      const [beforeA, beforeB] = await Promise.all([visit(a.url, path), visit(b.url, path)]);
      if (beforeA.cache === "HIT" && beforeB.cache === "HIT") hits += 1;
      const sent = performance.now();
      const asked = await fetch(`${a.url}/api/forum/questions?locale=en`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: a.url },
        body: JSON.stringify({ candidateId: candidate.id, askerName: "Bench Asker", body: `Question number ${i} of the two-instance bench?` }),
      });
      const answered = performance.now();
      if (asked.status !== 201) throw new Error(`question ${i}: ${asked.status} ${await asked.text()}`);
      answers.push(answered - sent);
      const [shownOnB, shownOnA] = await Promise.all([appearance(b.url, path, i, answered), appearance(a.url, path, i, answered)]);
      onB.push(shownOnB);
      onA.push(shownOnA);
      await spreadOut(db, candidate.id);
    }
    console.log(`both pages served from the cache before the change: ${hits} of ${changes}`);
    console.log(`A's answer to the question:             ${stats(answers)}`);
    console.log(`from A's answer to the question on B:   ${stats(onB)}   (target p99 ≤ 2000 ms)`);
    console.log(`from A's answer to the question on A:   ${stats(onA)}   (baseline)`);
    console.log(`load after: ${load()}`);
    if (onB.some((ms) => !Number.isFinite(ms))) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.$disconnect();
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
