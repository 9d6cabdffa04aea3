// The live hearing through a PostgreSQL restart, at full size, next to a baseline without one.
//
// Usage: npx tsx bench/live-restart.ts [viewers=1000] [downMs=5000] [--dist .next-h6]
//   (CI's size: 200 viewers; tests/e2e/live-restart.spec.ts checks that much on every run)
//   Needs a production build (`next build`; NEXT_DIST_DIR names another folder than .next).
//   Starts a PostgreSQL of its own (tests/support/own-postgres.ts: never the shared one) and a
//   production server against it (tests/support/next-server.ts), and stops both at the end.
//
// What it does, through HTTP against the production server (server.ts):
// 1. Baseline: `viewers` follow a running hearing over its event stream, each reconnecting by
//    the live panel's rule (tests/support/live-viewers.ts); the chair makes moves on the
//    console in Chromium, signed in (a minted session, as the end-to-end tests do): each click
//    posts the console's server action over HTTP, and is timed until its answer and until the
//    console shows it; viewers send questions (POST /api/hearings/[id]/questions, each from a
//    loopback address of its own, 127.x.y.z). Printed: how long until every viewer holds each
//    move, the moves' and questions' answers.
// 2. Outage: the same viewers, and PostgreSQL is shut down for `downMs` and started again. A
//    quarter of the viewers lose their connection at random moments meanwhile (as in a network
//    blip or a deploy) and a tenth more arrive during it; the chair presses "Pause the clock"
//    every 500 ms (or as soon as the previous answer came); questions keep coming. Printed:
//    each of those moves (when, its HTTP status, how long to the answer, what the console
//    said), their max and p95 (an error answer within 3 s is the target); how long after the
//    database's return every viewer holds the first move made after it; the questions sent
//    during the outage and after it, each answered 201 stored exactly once, none refused
//    stored; how the reconnections spread over the seconds after the return; the machine's
//    load average (figures from a shared machine mean little without it).
import http from "node:http";
import os from "node:os";
import { allowServerOnlyImports } from "./support/server-only";

allowServerOnlyImports();

const argv = process.argv.slice(2);
const distAt = argv.indexOf("--dist");
/** The `next build` output to serve (e.g. the folder `npm run e2e:dev -- --name h6` leaves), else NEXT_DIST_DIR or .next. */
const distDir = distAt >= 0 ? argv.splice(distAt, 2)[1] : undefined;
const viewers = Math.min(Math.max(Number(argv[0] ?? 1000), 1), 5000);
const downMs = Math.min(Math.max(Number(argv[1] ?? 5000), 500), 60_000);
// The server and this process seal and unseal the hearing's seed (lib/draw/seal.ts) and the
// chair's minted session with the same key.
process.env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-0123456789";
/** The machine's load averages (1, 5, 15 min). */
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, p50: Math.round(at(50)), p95: Math.round(at(95)), max: Math.round(sorted.at(-1) ?? Number.NaN) };
}

type QuestionSent = { body: string; status: number; ms: number };

/** One press of a move on the console: when (ms from the outage's start), the action's HTTP status, its answer time, and what the console said. */
type Pressed = { at: number; status: number; serverMs: number; ms: number; made: boolean; said: string };

/**
 * The chair's console in Chromium, signed in with a minted session (tests/e2e/support/session.ts).
 * `press` clicks "Pause the clock" or "Resume the clock", whichever the console offers, and
 * resolves once the server action has answered and the console has shown that answer.
 */
async function chairConsole(baseUrl: string, chair: { id: string }, sessions: Parameters<typeof import("../tests/e2e/support/session").sessionToken>[1]) {
  const { chromium } = await import("@playwright/test");
  const { sessionToken, SESSION_COOKIE } = await import("../tests/e2e/support/session");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-gpu"] });
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(chair, sessions), url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  await page.goto("/en/chair");
  const form = page.locator('form[aria-label="Run the hearing"]');
  await form.waitFor({ timeout: 60_000 });
  const button = form.locator('button[name="move"][value="pause"], button[name="move"][value="resume"]').first();
  const press = async (origin: number, timeout = 30_000): Promise<Pressed> => {
    // The move's answer is the server action's response (a POST to the console's address).
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/chair"), { timeout });
    answered.catch(() => undefined);
    const started = now();
    try {
      await button.click({ timeout });
      const response = await answered;
      const serverMs = now() - started;
      // The console done rendering that answer: the form is no longer busy.
      await form.and(page.locator('[aria-busy="false"]')).waitFor({ timeout });
      const ms = now() - started;
      const error = form.getByTestId("form-error");
      const failed = await error.isVisible();
      const said = failed
        ? await error.innerText()
        : (await form
            .getByTestId("form-success")
            .innerText()
            .catch(() => "")) || "(re-rendered)";
      return { at: started - origin, status: response.status(), serverMs, ms, made: !failed, said };
    } catch (error) {
      const ms = now() - started;
      return {
        at: started - origin,
        status: 0,
        serverMs: ms,
        ms,
        made: false,
        said: `no answer: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      };
    }
  };
  return { browser, press };
}

/** A viewer's question from its own loopback address. */
function postQuestion(baseUrl: string, hearingId: string, candidateId: string, n: number): Promise<QuestionSent> {
  const body = `Question ${n} from the bench: what will you do about spectrum policy, reference ${Date.now().toString(36)}-${n}?`;
  const payload = JSON.stringify({ candidateId, askerName: `Viewer ${n}`, askerOrigin: "Bench", body });
  const url = new URL(`/api/hearings/${hearingId}/questions`, baseUrl);
  const started = now();
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        method: "POST",
        // 127.0.0.1 is the server's own; viewers come from 127.1.x.y.
        localAddress: `127.1.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`,
        headers: { origin: url.origin, "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
        timeout: 15_000,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ body, status: response.statusCode ?? 0, ms: now() - started }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", () => resolve({ body, status: 0, ms: now() - started }));
    request.end(payload);
  });
}

async function main() {
  const { startOwnPostgres } = await import("../tests/support/own-postgres");
  const { startNextServer } = await import("../tests/support/next-server");
  const { ViewerCrowd } = await import("../tests/support/live-viewers");
  const cleanups: Array<() => Promise<unknown>> = [];
  const own = await startOwnPostgres({ maxConnections: 300 });
  cleanups.push(() => own.stop());
  try {
    process.env.DATABASE_URL = own.appUrl;
    const { createDb } = await import("../lib/db/client");
    const owner = createDb(own.url);
    cleanups.push(() => owner.$disconnect());
    const { makeReadyHearing } = await import("../tests/support/factories-live");
    const { asActor } = await import("../tests/support/factories");
    const live = await import("../lib/hearings/live");
    const { db } = await import("../lib/db");
    cleanups.push(() => db().$disconnect());

    const server = await startNextServer({ databaseUrl: own.appUrl, distDir });
    cleanups.push(() => server.stop());
    const { hearingId, chair, candidates } = await makeReadyHearing(owner, { candidates: 3 });
    const actor = asActor(chair);
    const version = async () => (await owner.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } })).stateVersion;
    // The set-up moves through the services (the start is confirmed, as the console's dialog does); every timed move through the console.
    await live.startHearing({ actor, input: { hearingId, expectedVersion: await version(), confirmed: "yes" } });
    await live.startPresentation({ actor, input: { hearingId, expectedVersion: await version() } });
    // The session's row is written to the bench's own database, which the server reads.
    const chairSession = await chairConsole(server.url, chair, owner);
    cleanups.unshift(() => chairSession.browser.close());
    const { press } = chairSession;
    console.log(`load average at the start: ${load()} (${os.cpus().length} cores)`);
    const target = (candidates[1] ?? candidates[0])?.id ?? "";
    let questionNo = 0;

    const crowd = new ViewerCrowd(server.url, hearingId);
    cleanups.unshift(() => crowd.stop());
    const joinStarted = now();
    await crowd.join(viewers, 5_000, 120_000);
    const joinMs = now() - joinStarted;

    // 1. Baseline: moves and questions with the database up.
    const baselineFanout: number[] = [];
    const baselineMoves: Pressed[] = [];
    for (let i = 0; i < 5; i++) {
      const before = await version();
      const pressed = await press(now());
      baselineMoves.push(pressed);
      const committed = now() - pressed.ms + pressed.serverMs;
      if (!pressed.made) continue;
      await crowd.waitAll(before + 1, 30_000);
      baselineFanout.push(Math.max(...crowd.reachedAt(before + 1).map((at) => (at ?? Infinity) - committed)));
      await sleep(500);
    }
    const baselineQuestions = await Promise.all(Array.from({ length: 20 }, () => postQuestion(server.url, hearingId, target, questionNo++)));

    // 2. Outage.
    const outageMoves: Pressed[] = [];
    const outageQuestions: Promise<QuestionSent>[] = [];
    let down = true;
    let outageStarted = now();
    let restartBegun = () => undefined as void;
    const restarting = { promise: new Promise<void>((resolve) => (restartBegun = resolve)) };
    const moveLoop = (async () => {
      await restarting.promise;
      while (down) {
        const started = now();
        outageMoves.push(await press(outageStarted));
        await sleep(Math.max(0, 500 - (now() - started)));
      }
    })();
    const questionLoop = (async () => {
      while (down && outageQuestions.length < 35) {
        outageQuestions.push(postQuestion(server.url, hearingId, target, questionNo++));
        await sleep(200);
      }
    })();
    outageStarted = now();
    const restarted = own.restart(downMs);
    restartBegun();
    const blips = Array.from({ length: Math.floor(viewers / 4) }, (_, i) => setTimeout(() => crowd.drop(i * 4), 100 + Math.random() * (downMs - 200)));
    const joiners = crowd.join(Math.ceil(viewers / 10), downMs, 120_000).then(
      () => null,
      (error: unknown) => error,
    );
    await restarted;
    const recovered = now();
    blips.forEach(clearTimeout);
    await sleep(Math.max(0, outageStarted + downMs + 200 - now()));
    down = false;
    await Promise.all([moveLoop, questionLoop]);

    // The first move after the return, pressed again until the app's pools have reconnected.
    let after: { version: number } | null = null;
    let firstMoveAfterMs = 0;
    const afterPresses: Pressed[] = [];
    for (let tries = 0; !after && tries < 60; tries++) {
      const pressed = await press(outageStarted);
      afterPresses.push(pressed);
      if (pressed.made) {
        after = { version: await version() };
        firstMoveAfterMs = now() - recovered;
      } else await sleep(100);
    }
    if (!after) throw new Error("no move succeeded after the database's return");
    // Questions after the return: each one answered and stored once, like those sent during the outage.
    const afterQuestions: QuestionSent[] = [];
    for (let i = 0; i < 20; i++) {
      afterQuestions.push(await postQuestion(server.url, hearingId, target, questionNo++));
      await sleep(100);
    }
    const joinFailure = await joiners;
    if (joinFailure) console.log(`viewers joining during the outage: ${String(joinFailure)}`);
    let stuck = 0;
    try {
      await crowd.waitAll(after.version, 30_000);
    } catch {
      stuck = viewers + Math.ceil(viewers / 10) - crowd.holding(after.version);
    }
    const reach = crowd.reachedAt(after.version).map((at) => (at === null ? Number.POSITIVE_INFINITY : at - recovered));
    const duringQuestions = await Promise.all(outageQuestions);
    const sent = [...baselineQuestions, ...duringQuestions, ...afterQuestions];

    // Questions: each one answered 201 stored once; none refused stored.
    const rows = await owner.hearingQuestion.groupBy({ by: ["body"], where: { hearingId }, _count: { _all: true } });
    const stored = new Map(rows.map((r) => [r.body, r._count._all]));
    const accepted = sent.filter((q) => q.status === 201);
    const lost = accepted.filter((q) => (stored.get(q.body) ?? 0) === 0).length;
    const duplicated = sent.filter((q) => (stored.get(q.body) ?? 0) > 1).length;
    const phantom = sent.filter((q) => q.status !== 201 && (stored.get(q.body) ?? 0) > 0).length;
    const storedOnce = (list: QuestionSent[]) => {
      const accepted = list.filter((q) => q.status === 201);
      const once = accepted.filter((q) => stored.get(q.body) === 1).length;
      const refusedStored = list.filter((q) => q.status !== 201 && (stored.get(q.body) ?? 0) > 0).length;
      return `${list.length} sent, ${accepted.length} accepted (201), ${once} of them stored exactly once; ${accepted.length - once} lost or duplicated; ${refusedStored} refused but stored`;
    };
    const byStatus = (list: QuestionSent[]) => {
      const counts = new Map<number, number>();
      for (const q of list) counts.set(q.status, (counts.get(q.status) ?? 0) + 1);
      return [...counts].map(([status, n]) => `${status === 0 ? "no answer" : status}×${n}`).join(" ");
    };

    // Reconnections after the return, per second: a crowd must not come back in the same one.
    const perSecond = new Map<number, number>();
    for (const v of crowd.viewers)
      for (const at of v.opened)
        if (at >= outageStarted) perSecond.set(Math.floor((at - outageStarted) / 1000), (perSecond.get(Math.floor((at - outageStarted) / 1000)) ?? 0) + 1);

    // The moves pressed while the database was away (started before its return).
    const whileDown = outageMoves.filter((m) => m.at < recovered - outageStarted);
    const outageMoveStats = stats(whileDown.map((m) => m.ms));
    const outageServerStats = stats(whileDown.map((m) => m.serverMs));
    const failuresTotal = crowd.viewers.reduce((sum, v) => sum + v.failures, 0);
    console.log(
      `\nlive-restart: ${viewers} viewers (+${Math.ceil(viewers / 10)} joining during the outage), PostgreSQL down ${downMs} ms, server ${server.url}\n`,
    );
    console.log(`joining: every viewer holding the state after ${Math.round(joinMs)} ms (connections spread over 5 s)`);
    console.log("\n                                   baseline (no outage)          outage");
    const fan = stats(baselineFanout);
    const rec = stats(reach.filter(Number.isFinite));
    console.log(
      `all viewers hold a move (ms)       max ${fan.max} after commit         max ${rec.max} after the database's return (p50 ${rec.p50}, p95 ${rec.p95}); first move made and shown by the console ${Math.round(firstMoveAfterMs)} ms after it`,
    );
    console.log(`viewers never reaching it          0                             ${stuck}`);
    console.log(
      `chair moves, click to answer (ms)  ${JSON.stringify(stats(baselineMoves.map((m) => m.serverMs)))} ${baselineMoves.filter((m) => m.made).length}/${baselineMoves.length} made   ${JSON.stringify(outageServerStats)}; ${whileDown.filter((m) => !m.made).length} answered with an error, ${whileDown.filter((m) => m.made).length} made`,
    );
    console.log(
      `questions sent / answers           ${baselineQuestions.length}: ${byStatus(baselineQuestions)}            ${sent.length - baselineQuestions.length}: ${byStatus(sent.slice(baselineQuestions.length))}`,
    );
    console.log(`questions lost / duplicated / refused-but-stored: ${lost} / ${duplicated} / ${phantom}`);
    console.log(`questions sent during the outage: ${storedOnce(duringQuestions)}`);
    console.log(`questions sent after the return:  ${storedOnce(afterQuestions)}`);
    console.log(`viewer connection failures during the run: ${failuresTotal}`);
    console.log(
      `connections opened per second from the outage's start: ${[...perSecond.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}s:${n}`)
        .join(" ")}`,
    );
    // Each move of the outage, through the console's server action over HTTP.
    const recoveredAt = Math.round(recovered - outageStarted);
    console.log(
      `\nthe chair's moves from the outage's start (PostgreSQL back at ${recoveredAt} ms; HTTP status of the server action; click to answer / to the console showing it):`,
    );
    for (const m of [...outageMoves, ...afterPresses])
      console.log(
        `  at ${String(Math.round(m.at)).padStart(6)} ms${m.at < recoveredAt ? " (down)" : "       "}  HTTP ${m.status}  ${String(Math.round(m.serverMs)).padStart(5)} / ${String(Math.round(m.ms)).padStart(5)} ms  ${m.made ? "made" : "error"}: ${m.said.slice(0, 110)}`,
      );
    const console3s = whileDown.every((m) => !m.made && m.status !== 0 && m.ms <= 3_000);
    console.log(
      `moves pressed while down: ${whileDown.length}; answer max ${outageServerStats.max} ms, p95 ${outageServerStats.p95} ms; shown by the console max ${outageMoveStats.max} ms, p95 ${outageMoveStats.p95} ms; each an error answer within 3 s: ${console3s ? "yes" : "NO"}`,
    );
    // A miss is explained by what the server said meanwhile.
    if (!console3s) console.log(`\nthe server's last words:\n${server.output().slice(-1_500)}`);
    const verdict = stuck === 0 && rec.max <= 10_000 && lost === 0 && duplicated === 0 && phantom === 0 && console3s;
    console.log(
      `\ntargets (all viewers within 10 s, 0 questions lost or duplicated, each move during the outage answered with an error within 3 s): ${verdict ? "met" : "NOT met"}`,
    );
    console.log(`load average at the end: ${load()}`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error("cleanup:", error));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
