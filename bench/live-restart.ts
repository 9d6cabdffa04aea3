// The live hearing through a PostgreSQL restart, at full size, next to a baseline without one.
//
// Usage: npx tsx bench/live-restart.ts [viewers=1000] [downMs=5000]
//   Needs a production build (`next build`; NEXT_DIST_DIR names another folder than .next).
//   Starts a PostgreSQL of its own (tests/support/own-postgres.ts: never the shared one) and a
//   production server against it (tests/support/next-server.ts), and stops both at the end.
//
// What it does, through HTTP against the production server (server.ts):
// 1. Baseline: `viewers` follow a running hearing over its event stream, each reconnecting by
//    the live panel's rule (tests/support/live-viewers.ts); the chair makes moves (through the
//    service, lib/hearings/live.ts, in this process, on the app's pools); viewers send questions
//    (POST /api/hearings/[id]/questions, each from a loopback address of its own, 127.x.y.z).
//    Printed: how long until every viewer holds each move, the moves' and questions' answers.
// 2. Outage: the same viewers, and PostgreSQL is shut down for `downMs` and started again. A
//    quarter of the viewers lose their connection at random moments meanwhile (as in a network
//    blip or a deploy) and a tenth more arrive during it; the chair tries a move every 500 ms;
//    questions keep coming. Printed: how long after the database's return every viewer holds
//    the first move made after it; each move's answer time during the outage (an error within
//    3 s is the target); every question answered 201 stored exactly once, none refused stored;
//    how the reconnections spread over the seconds after the return.
import http from "node:http";
import { register } from "node:module";

// The app's modules say `import "server-only"`, which only Next's server build resolves:
// under plain Node it is an empty module, as it is inside Next.
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const viewers = Math.min(Math.max(Number(process.argv[2] ?? 1000), 1), 5000);
const downMs = Math.min(Math.max(Number(process.argv[3] ?? 5000), 500), 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, p50: Math.round(at(50)), p95: Math.round(at(95)), max: Math.round(sorted.at(-1) ?? Number.NaN) };
}

type QuestionSent = { body: string; status: number; ms: number };

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
    // The server and this process seal and unseal the hearing's seed with the same key (lib/draw/seal.ts).
    process.env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-0123456789";
    const { createDb } = await import("../lib/db/client");
    const owner = createDb(own.url);
    cleanups.push(() => owner.$disconnect());
    const { makeReadyHearing } = await import("../tests/support/factories-live");
    const { asActor } = await import("../tests/support/factories");
    const live = await import("../lib/hearings/live");
    const { db } = await import("../lib/db");
    cleanups.push(() => db().$disconnect());

    const server = await startNextServer({ databaseUrl: own.appUrl });
    cleanups.push(() => server.stop());
    const { hearingId, chair, candidates } = await makeReadyHearing(owner, { candidates: 3 });
    const actor = asActor(chair);
    const version = async () => (await owner.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } })).stateVersion;
    type MoveFn = (args: { actor: typeof actor; input: { hearingId: string; expectedVersion: number } }) => Promise<{ version: number }>;
    const move = async (fn: MoveFn, expectedVersion: number) => fn({ actor, input: { hearingId, expectedVersion } });
    await move(live.startHearing as MoveFn, await version());
    await move(live.startPresentation as MoveFn, await version());
    const target = (candidates[1] ?? candidates[0])?.id ?? "";
    let questionNo = 0;

    const crowd = new ViewerCrowd(server.url, hearingId);
    cleanups.unshift(() => crowd.stop());
    const joinStarted = now();
    await crowd.join(viewers, 5_000, 120_000);
    const joinMs = now() - joinStarted;

    // 1. Baseline: moves and questions with the database up.
    const baselineFanout: number[] = [];
    const baselineMoves: number[] = [];
    let paused = false;
    for (let i = 0; i < 5; i++) {
      const started = now();
      const state = await move((paused ? live.resumeHearing : live.pauseHearing) as MoveFn, await version());
      paused = !paused;
      const committed = now();
      baselineMoves.push(committed - started);
      await crowd.waitAll(state.version, 30_000);
      baselineFanout.push(Math.max(...crowd.reachedAt(state.version).map((at) => (at ?? Infinity) - committed)));
      await sleep(500);
    }
    const baselineQuestions = await Promise.all(Array.from({ length: 20 }, () => postQuestion(server.url, hearingId, target, questionNo++)));

    // 2. Outage.
    const outageMoves: Array<{ ms: number; ok: boolean; error?: string }> = [];
    const outageQuestions: Promise<QuestionSent>[] = [];
    let down = true;
    // Read before the outage: during it the version cannot change (no move can be made).
    let expected = await version();
    const moveLoop = (async () => {
      while (down) {
        const started = now();
        try {
          const state = await move((paused ? live.resumeHearing : live.pauseHearing) as MoveFn, expected);
          paused = !paused;
          expected = state.version;
          outageMoves.push({ ms: now() - started, ok: true });
        } catch (error) {
          outageMoves.push({ ms: now() - started, ok: false, error: error instanceof Error ? error.message.slice(0, 80) : String(error) });
        }
        await sleep(Math.max(0, 500 - (now() - started)));
      }
    })();
    const questionLoop = (async () => {
      while (down && outageQuestions.length < 35) {
        outageQuestions.push(postQuestion(server.url, hearingId, target, questionNo++));
        await sleep(200);
      }
    })();
    const outageStarted = now();
    const restarted = own.restart(downMs);
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

    // The first move after the return, retried until the app's pools have reconnected.
    let after: { version: number } | null = null;
    let firstMoveAfterMs = 0;
    for (let tries = 0; !after && tries < 100; tries++) {
      try {
        after = await move((paused ? live.resumeHearing : live.pauseHearing) as MoveFn, await version());
        paused = !paused;
        firstMoveAfterMs = now() - recovered;
      } catch {
        await sleep(100);
      }
    }
    if (!after) throw new Error("no move succeeded after the database's return");
    const joinFailure = await joiners;
    if (joinFailure) console.log(`viewers joining during the outage: ${String(joinFailure)}`);
    let stuck = 0;
    try {
      await crowd.waitAll(after.version, 30_000);
    } catch {
      stuck = viewers + Math.ceil(viewers / 10) - crowd.holding(after.version);
    }
    const reach = crowd.reachedAt(after.version).map((at) => (at === null ? Number.POSITIVE_INFINITY : at - recovered));
    const sent = [...baselineQuestions, ...(await Promise.all(outageQuestions))];

    // Questions: each one answered 201 stored once; none refused stored.
    const rows = await owner.hearingQuestion.groupBy({ by: ["body"], where: { hearingId }, _count: { _all: true } });
    const stored = new Map(rows.map((r) => [r.body, r._count._all]));
    const accepted = sent.filter((q) => q.status === 201);
    const lost = accepted.filter((q) => (stored.get(q.body) ?? 0) === 0).length;
    const duplicated = sent.filter((q) => (stored.get(q.body) ?? 0) > 1).length;
    const phantom = sent.filter((q) => q.status !== 201 && (stored.get(q.body) ?? 0) > 0).length;
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

    const outageMoveStats = stats(outageMoves.map((m) => m.ms));
    const failuresTotal = crowd.viewers.reduce((sum, v) => sum + v.failures, 0);
    console.log(
      `\nlive-restart: ${viewers} viewers (+${Math.ceil(viewers / 10)} joining during the outage), PostgreSQL down ${downMs} ms, server ${server.url}\n`,
    );
    console.log(`joining: every viewer holding the state after ${Math.round(joinMs)} ms (connections spread over 5 s)`);
    console.log("\n                                   baseline (no outage)          outage");
    const fan = stats(baselineFanout);
    const rec = stats(reach.filter(Number.isFinite));
    console.log(
      `all viewers hold a move (ms)       max ${fan.max} after commit         max ${rec.max} after the database's return (p50 ${rec.p50}, p95 ${rec.p95}); first move accepted ${Math.round(firstMoveAfterMs)} ms after it`,
    );
    console.log(`viewers never reaching it          0                             ${stuck}`);
    console.log(
      `chair moves (ms to answer)         ${JSON.stringify(stats(baselineMoves))} all ok   ${JSON.stringify(outageMoveStats)}; ${outageMoves.filter((m) => !m.ok).length} refused with an error, ${outageMoves.filter((m) => m.ok).length} accepted`,
    );
    console.log(
      `questions sent / answers           ${baselineQuestions.length}: ${byStatus(baselineQuestions)}            ${sent.length - baselineQuestions.length}: ${byStatus(sent.slice(baselineQuestions.length))}`,
    );
    console.log(`questions lost / duplicated / refused-but-stored: ${lost} / ${duplicated} / ${phantom}`);
    console.log(`viewer connection failures during the run: ${failuresTotal}`);
    console.log(
      `connections opened per second from the outage's start: ${[...perSecond.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}s:${n}`)
        .join(" ")}`,
    );
    const errors = [...new Set(outageMoves.filter((m) => !m.ok).map((m) => m.error))].slice(0, 3);
    if (errors.length > 0) console.log(`move errors seen: ${errors.join(" | ")}`);
    const verdict = stuck === 0 && rec.max <= 10_000 && lost === 0 && duplicated === 0 && phantom === 0 && outageMoves.every((m) => m.ok || m.ms <= 3_000);
    console.log(
      `\ntargets (all viewers within 10 s, 0 questions lost or duplicated, each move during the outage answered within 3 s): ${verdict ? "met" : "NOT met"}`,
    );
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
