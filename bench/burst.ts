// The election-day burst against a production build (docs/decisions/019-database-capacity.md):
// viewers holding the live hearing's event stream, a burst of questions from many distinct
// source addresses, and the chair moving in a real browser meanwhile; then, optionally, the
// database frozen under the chair.
//
// Usage: npx tsx bench/burst.ts [--viewers 3000] [--questions 2000] [--addresses 500]
//          [--within 10000] [--baseline-moves 20] [--dist .next-h4] [--port 3214] [--freeze]
//   --dist     a `next build` output folder (e.g. the one `npm run e2e:dev -- --name h4` leaves)
//   --freeze   afterwards, freeze PostgreSQL 6 s (SIGSTOP) and time the chair's move and
//              /api/health answering with an error
//
// What it does: starts a PostgreSQL of its own (tests/support/own-postgres.ts: nothing shared
// is touched), migrates it, serves the build with server.ts on it as the app's role, makes
// a hearing with its own conference, candidates and chair (tests/e2e/support/world.ts), signs
// the chair in (a minted session, as the end-to-end tests do) and opens the console in
// Chromium. Baseline: chair moves (pause / resume) with nothing else going on. Then the
// viewers connect, and the questions are sent evenly over `within` ms from `addresses`
// loopback addresses (127.20.x.y, each socket bound to its own) while the chair keeps moving.
// Printed: HTTP statuses of the questions, whether every accepted question is stored exactly
// once and in the queue (read from the database), and the chair's move latency (click to the
// console's confirmation) p50/p95 at baseline and during the burst.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import { createDb, type PrismaClient } from "../lib/db/client";
import { openViewers, percentile, sendQuestions, statusCounts } from "../tests/support/burst-load";
import { startOwnPostgres, type OwnPostgres } from "../tests/support/own-postgres";
import { sessionToken, SESSION_COOKIE } from "../tests/e2e/support/session";
import { makeStaff, makeWorld, makeWorldHearing } from "../tests/e2e/support/world";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const VIEWERS = Number(option("viewers", "3000"));
const QUESTIONS = Number(option("questions", "2000"));
const ADDRESSES = Number(option("addresses", "500"));
const WITHIN_MS = Number(option("within", "10000"));
const BASELINE_MOVES = Number(option("baseline-moves", "20"));
const DIST = option("dist", ".next-h4");
const PORT = Number(option("port", "3214"));
const FREEZE = args.includes("--freeze");
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789";
const BASE = `http://127.0.0.1:${PORT}`;

/** The machine's 1-minute load average: figures from a shared machine mean little without it. */
const load = () => os.loadavg()[0]?.toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`the server did not answer /api/health within ${ms} ms`);
}

let serverToStop: ChildProcess | undefined;
// Whatever happens, the server this script started does not outlive it.
process.on("exit", () => serverToStop?.kill("SIGTERM"));

function startServer(databaseUrl: string): ChildProcess {
  // The production server (server.ts): the client's address is each socket's, as in production.
  // BENCH_NODE_ARGS: extra flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, "scripts/server.cjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      PORT: String(PORT),
      NEXT_DIST_DIR: DIST,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      NEXTAUTH_URL: BASE,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  serverToStop = server;
  const errors: string[] = [];
  server.stderr?.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  server.stdout?.on("data", () => undefined);
  server.on("exit", (code) => {
    if (code) console.error(`the server exited with ${code}:\n${errors.join("").slice(-2000)}`);
  });
  return server;
}

/** The chair's console in Chromium, signed in; `move` clicks a move and resolves with its latency once the console confirms it. */
async function chairConsole(chair: { id: string }, db: PrismaClient) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-gpu"] });
  const context = await browser.newContext({ baseURL: BASE });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(chair, db), url: BASE, httpOnly: true, sameSite: "Lax" }]);
  const page: Page = await context.newPage();
  await page.goto("/en/chair");
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT, fullPage: true });
  const form = page.getByRole("form", { name: "Run the hearing" });
  const idle = page.locator('form[aria-label="Run the hearing"][aria-busy="false"]');
  const move = async (label: string, done: string, timeout = 90_000, confirm = false) => {
    // The move's answer is the server action's response, then the console done rendering it.
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/chair"), { timeout });
    answered.catch(() => undefined);
    // Timed from the click on a button that is there: the console shows a move's buttons once
    // it is rendered afresh after the previous one, which "console rendered" counts.
    const button = form.getByRole("button", { name: label, exact: true });
    await button.waitFor({ timeout });
    const started = performance.now();
    await button.click({ timeout });
    // An irreversible move (the start) opens a confirmation dialog first: confirmed by its own button.
    if (confirm) await page.locator('dialog[open] button[name="confirmed"]').click({ timeout });
    await answered;
    const serverMs = performance.now() - started;
    await idle.waitFor({ timeout });
    const ms = performance.now() - started;
    // Made unless the console says otherwise (it may re-render without the confirmation).
    const error = form.getByTestId("form-error");
    const failed = await error.isVisible();
    return { ms, serverMs, ok: !failed, message: failed ? await error.innerText() : done };
  };
  return { browser, page, move };
}

type Move = Awaited<ReturnType<Awaited<ReturnType<typeof chairConsole>>["move"]>>;

function summary(label: string, moves: Move[]) {
  const made = moves.filter((m) => m.ok);
  const ms = made.map((m) => m.ms);
  const server = made.map((m) => m.serverMs);
  const failed = moves.filter((m) => !m.ok);
  return `${label}: ${moves.length} moves; click to the action's answer p50 ${percentile(server, 50).toFixed(0)} ms, p95 ${percentile(server, 95).toFixed(0)} ms; click to the console rendered p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms${
    failed.length ? `; ${failed.length} not made (${[...new Set(failed.map((f) => f.message))].join(" | ")})` : ""
  }`;
}

/** CPU time (user + system) the server process has used so far, from /proc; NaN where there is none. */
function serverCpuMs(server: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command's name, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Pause or resume, whichever the hearing's row says is next. */
async function pauseResume(move: (label: string, done: string) => Promise<Move>, owner: PrismaClient, hearingId: string) {
  const { pausedAt } = await owner.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { pausedAt: true } });
  return pausedAt ? await move("Resume the clock", "The clock is running again.") : await move("Pause the clock", "The clock is paused.");
}

async function main() {
  let own: OwnPostgres | undefined;
  let server: ChildProcess | undefined;
  let owner: PrismaClient | undefined;
  let browser: Awaited<ReturnType<typeof chairConsole>>["browser"] | undefined;
  try {
    own = await startOwnPostgres({ maxConnections: 300 });
    const ownerDb = createDb(own.url);
    owner = ownerDb;
    server = startServer(own.appUrl);
    await waitForHealth(60_000);
    console.log(`server.ts (${DIST}) on ${BASE}, PostgreSQL of its own on port ${own.port}; ${os.cpus().length} cores, load ${load()}`);

    const world = await makeWorld(owner, { posts: 2 });
    const chair = await makeStaff(owner, "CHAIR");
    const hearing = await makeWorldHearing(owner, world.conference, { candidates: world.candidates, chairId: chair.id, ready: true });
    const chairSession = await chairConsole(chair, ownerDb);
    browser = chairSession.browser;
    const { move, page } = chairSession;
    // Set-up moves are pressed again until the hearing's row shows them made, as a chair would
    // press again (a cold server's first answers are slow).
    const row = () => ownerDb.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { status: true, phase: true } });
    for (const [label, done, made, confirm] of [
      ["Open the hearing", "The hearing is open.", (h: { status: string }) => h.status === "LIVE", true],
      ["Start the presentation", "The presentation has started.", (h: { phase: string }) => h.phase === "PRESENTATION", false],
    ] as const) {
      for (let attempt = 1; !made(await row()); attempt++) {
        if (attempt > 5) throw new Error(`"${label}" was not made`);
        await page.reload();
        const outcome = await move(label, done, 90_000, confirm);
        if (!outcome.ok) console.log(`"${label}" not made (attempt ${attempt}): ${outcome.message}`);
      }
    }
    const baseline: Move[] = [];
    const cpuBefore = serverCpuMs(server);
    for (let i = 0; i < BASELINE_MOVES; i++) baseline.push(await pauseResume(move, ownerDb, hearing.id));
    const baselineCpu = serverCpuMs(server) - cpuBefore;

    const viewersStarted = performance.now();
    const viewers = openViewers(BASE, hearing.id, VIEWERS);
    await viewers.allOpen(180_000);
    console.log(`${VIEWERS} viewers connected in ${((performance.now() - viewersStarted) / 1000).toFixed(1)} s`);

    console.log(`baseline done, load ${load()}`);
    const tag = `burst-${Date.now().toString(36)}`;
    const burstStarted = performance.now();
    let sending = true;
    const burst = sendQuestions(
      BASE,
      hearing.id,
      world.candidates.map((c) => c.id),
      { count: QUESTIONS, addresses: ADDRESSES, withinMs: WITHIN_MS, tag },
    ).finally(() => (sending = false));
    const during: Move[] = [];
    while (sending) during.push(await pauseResume(move, ownerDb, hearing.id));
    const outcomes = await burst;
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    console.log(`burst done, load ${load()}`);

    const stored = await owner.hearingQuestion.findMany({
      where: { hearingId: hearing.id, body: { startsWith: tag } },
      select: { body: true, status: true, ipHash: true },
    });
    const accepted = outcomes.filter((o) => o.status === 201);
    const storedCounts = new Map<string, number>();
    for (const q of stored) storedCounts.set(q.body, (storedCounts.get(q.body) ?? 0) + 1);
    const onceEach = accepted.every((o) => storedCounts.get(o.body) === 1) && stored.length === accepted.length;
    const inQueue = stored.every((q) => q.status === "PENDING");
    const answerMs = outcomes.map((o) => o.ms);

    console.log(
      `\n${QUESTIONS} questions from ${ADDRESSES} addresses over ${WITHIN_MS / 1000} s (all answered after ${burstSeconds.toFixed(1)} s), ${VIEWERS} viewers connected`,
    );
    console.log(`HTTP statuses: ${JSON.stringify(statusCounts(outcomes))}; HTTP 500: ${outcomes.filter((o) => o.status === 500).length}`);
    console.log(`question answer time p50 ${percentile(answerMs, 50).toFixed(0)} ms, p95 ${percentile(answerMs, 95).toFixed(0)} ms`);
    console.log(
      `accepted ${accepted.length}, stored ${stored.length} (from ${new Set(stored.map((q) => q.ipHash)).size} distinct addresses): ${onceEach ? "each accepted question stored exactly once" : "MISMATCH"}, ${inQueue ? "all in the queue (PENDING)" : "NOT ALL PENDING"}`,
    );
    console.log(`viewers still connected: ${viewers.opened()} of ${VIEWERS}; refused: ${JSON.stringify(viewers.refused())}`);
    console.log(summary("chair moves, baseline (no burst)", baseline));
    // CPU time is what a loaded machine changes least: the server's cost of a move, rendering included.
    console.log(`server CPU per baseline move (the move, its answer and the console's rendering): ${(baselineCpu / BASELINE_MOVES).toFixed(1)} ms`);
    console.log(summary("chair moves, during the burst", during));
    viewers.close();

    if (FREEZE) {
      // Which move is next is read before the freeze: this script's own reads have no deadline.
      const { pausedAt } = await ownerDb.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { pausedAt: true } });
      const frozen = own.freeze(6_000);
      await sleep(200);
      const started = performance.now();
      const [chairMove, health] = await Promise.all([
        (pausedAt ? move("Resume the clock", "The clock is running again.") : move("Pause the clock", "The clock is paused.")).catch((error: unknown) => ({
          ms: performance.now() - started,
          serverMs: Number.NaN,
          ok: false,
          message: String(error),
        })),
        fetch(`${BASE}/api/health`).then((r) => ({ status: r.status, ms: performance.now() - started })),
      ]);
      console.log(
        `\nPostgreSQL frozen 6 s: the chair's move answered ${chairMove.ok ? "with success" : `with an error ("${chairMove.message}")`} in ${chairMove.ms.toFixed(0)} ms; /api/health ${health.status} in ${health.ms.toFixed(0)} ms`,
      );
      await frozen;
      await sleep(500);
      const after = await pauseResume(move, ownerDb, hearing.id);
      console.log(`after the thaw: the chair's move ${after.ok ? "made" : `not made (${after.message})`} in ${after.ms.toFixed(0)} ms`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    server?.kill("SIGTERM");
    await owner?.$disconnect().catch(() => undefined);
    await own?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
