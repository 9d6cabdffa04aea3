// Fan-out of the live hearing's Server-Sent Events to 1,000 viewers of one app instance.
//
// Usage: npx tsx bench/sse-fanout.ts [clients=1000] [moves=10]
//   BENCH_DATABASE_SERVER  a PostgreSQL server where a throwaway database may be created
//                          (default postgresql://postgres@127.0.0.1:5432/postgres); the
//                          database is migrated like the app's, and dropped at the end.
//
// What it does: serves the real route handler (app/api/hearings/[id]/events/route.ts, with
// the process's one LISTEN connection, lib/hearings/live-bus.ts) from a node:http server on
// a free local port; connects the clients from a child process (its own event loop, as
// browsers would be) through a keep-alive agent; waits until every client has its opening
// state; then makes chair moves through the service (lib/hearings/live.ts) one at a time
// and prints, per move and overall, the delay from the chair's call (the transaction, its
// commit and the NOTIFY included) to each client receiving the event, and from the
// service's return (the commit acknowledged) to the last client receiving it.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { register } from "node:module";
import type { AddressInfo } from "node:net";
import { fork } from "node:child_process";
import pg from "pg";

/** Milliseconds on the wall clock, comparable between this process and the clients' one. */
const clock = () => performance.timeOrigin + performance.now();

type Arrival = { client: number; version: number; at: number };

function send(message: object) {
  process.send?.(message);
}

async function runClients({ url, clients }: { url: string; clients: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients + 10 });
  let opened = 0;
  const arrivals: Arrival[] = [];
  let flush: NodeJS.Timeout | null = null;
  const requests: http.ClientRequest[] = [];
  for (let client = 0; client < clients; client++) {
    const request = http.get(url, { agent, headers: { accept: "text/event-stream" } }, (response) => {
      let buffer = "";
      let first = true;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          if (id === undefined) continue;
          if (first) {
            first = false;
            opened += 1;
            if (opened === clients) send({ kind: "ready" });
          } else {
            arrivals.push({ client, version: Number(id), at: clock() });
            // Reported in batches: a message per arrival would slow the reading it measures.
            flush ??= setTimeout(() => {
              flush = null;
              send({ kind: "arrivals", arrivals: arrivals.splice(0) });
            }, 50);
          }
        }
      });
    });
    request.on("error", (error) => send({ kind: "error", message: String(error) }));
    requests.push(request);
  }
  process.on("message", (message: { kind: string }) => {
    if (message.kind !== "stop") return;
    for (const request of requests) request.destroy();
    agent.destroy();
    send({ kind: "stopped" });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  const clients = Math.min(Number(process.argv[2] ?? 1000), 5000);
  const moves = Math.min(Number(process.argv[3] ?? 10), 50);
  const server = process.env.BENCH_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432/postgres";

  // The app's modules say `import "server-only"`, which only Next's server build resolves:
  // under plain Node it is an empty module, as it is inside Next.
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);

  const name = `hustings_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();

  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const { deployMigrations } = await import("../lib/db/migrate");
    await deployMigrations(url.toString(), { migrationsDir: new URL("../prisma/migrations", import.meta.url).pathname });
    const { db } = await import("../lib/db");
    const { makeHearingConference } = await import("../tests/support/factories-hearing");
    const { makeReadyHearing } = await import("../tests/support/factories-live");
    const { asActor } = await import("../tests/support/factories");
    const live = await import("../lib/hearings/live");
    const { liveBus } = await import("../lib/hearings/live-bus");
    const { GET } = await import("../app/api/hearings/[id]/events/route");
    cleanups.push(
      () => db().$disconnect(),
      () => liveBus().close(),
    );

    const conference = await makeHearingConference(db());
    const { hearingId, chair } = await makeReadyHearing(db(), { conferenceId: conference.id });
    const actor = asActor(chair);
    // Every move names the version it is made on (docs/decisions/021-chair-moves-name-their-version.md): 0 before the start, one more per move.
    await live.startHearing({ actor, input: { hearingId, expectedVersion: 0, confirmed: "yes" } });
    await liveBus().ready();

    const httpServer = http.createServer((req, res) => {
      const abort = new AbortController();
      res.on("close", () => abort.abort());
      const id = /^\/api\/hearings\/([^/]+)\/events$/.exec(req.url ?? "")?.[1] ?? "";
      const headers = new Headers();
      if (typeof req.headers["last-event-id"] === "string") headers.set("last-event-id", req.headers["last-event-id"]);
      void GET(new Request(`http://localhost${req.url}`, { headers, signal: abort.signal }), { params: Promise.resolve({ id }) }).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.flushHeaders();
        if (!response.body) return res.end();
        const reader = response.body.getReader();
        try {
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
        } catch {
          // The client went away.
        }
        res.end();
      });
    });
    httpServer.maxConnections = clients + 10;
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => httpServer.close(resolve)));
    const port = (httpServer.address() as AddressInfo).port;

    const arrivals: Arrival[] = [];
    // The clients run in a child process under the same loader (tsx), so that their
    // parsing does not share the server's event loop.
    const child = fork(new URL(import.meta.url).pathname, ["--clients", `http://127.0.0.1:${port}/api/hearings/${hearingId}/events`, String(clients)], {
      execArgv: process.execArgv,
    });
    let onReady: () => void = () => {};
    let onExit: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onExit = reject;
    });
    let onStopped: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (onStopped = resolve));
    child.on("exit", (code) => {
      onExit(new Error(`the clients' process exited (${code})`));
      onStopped();
    });
    cleanups.push(async () => void child.kill());
    child.on("message", (message: { kind: string; message?: string; arrivals?: Arrival[] }) => {
      if (message.kind === "ready") onReady();
      else if (message.kind === "arrivals") arrivals.push(...(message.arrivals ?? []));
      else if (message.kind === "stopped") onStopped();
      else if (message.kind === "error") console.error("client:", message.message);
    });
    const connectStarted = clock();
    await ready;
    console.log(`${clients} SSE clients connected and given the opening state in ${(clock() - connectStarted).toFixed(0)} ms (port ${port})`);

    // Two warm-up moves (the first of each code path is slower), then the measured ones.
    const warmUp = 2;
    const sequence = [() => live.startPresentation({ actor, input: { hearingId, expectedVersion: 1 } })];
    for (let i = 1; i < moves + warmUp; i++) {
      const input = { hearingId, expectedVersion: 1 + i };
      sequence.push(i % 2 ? () => live.pauseHearing({ actor, input }) : () => live.resumeHearing({ actor, input }));
    }
    const fromAction: number[] = [];
    const lastFromReturn: number[] = [];
    for (const [index, move] of sequence.entries()) {
      const actionAt = clock();
      const state = await move();
      const returnedAt = clock();
      const deadline = Date.now() + 30_000;
      while (arrivals.filter((a) => a.version === state.version).length < clients && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const mine = arrivals.filter((a) => a.version === state.version).map((a) => a.at);
      const delays = mine.map((at) => at - actionAt).sort((a, b) => a - b);
      const last = Math.max(...mine);
      const counted = index >= warmUp;
      if (counted) {
        fromAction.push(...delays);
        lastFromReturn.push(last - returnedAt);
      }
      console.log(
        `${counted ? "move" : "warm-up"} ${index + 1} (v${state.version}, ${state.phase}${state.pausedAt ? " paused" : ""}): ${mine.length}/${clients} clients; ` +
          `from the chair's call p50 ${percentile(delays, 50).toFixed(1)} ms, p95 ${percentile(delays, 95).toFixed(1)} ms, max ${percentile(delays, 100).toFixed(1)} ms; ` +
          `service call ${(returnedAt - actionAt).toFixed(1)} ms; from its return to the last client ${(last - returnedAt).toFixed(1)} ms`,
      );
      await new Promise((r) => setTimeout(r, 200));
    }
    fromAction.sort((a, b) => a - b);
    lastFromReturn.sort((a, b) => a - b);
    console.log(
      `overall, ${moves} moves × ${clients} clients, from the chair's call: p50 ${percentile(fromAction, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(fromAction, 95).toFixed(1)} ms, max ${percentile(fromAction, 100).toFixed(1)} ms; ` +
        `from the service's return to the last client: median ${percentile(lastFromReturn, 50).toFixed(1)} ms, max ${percentile(lastFromReturn, 100).toFixed(1)} ms`,
    );
    child.send({ kind: "stop" });
    await stopped;
    child.kill();
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

if (process.argv[2] === "--clients") {
  void runClients({ url: process.argv[3] ?? "", clients: Number(process.argv[4]) });
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
