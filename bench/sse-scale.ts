// The live hearing's event stream at scale, through the real path, next to a bare node:http SSE
// server fanning out the same bytes to the same viewers in the same run
// (docs/decisions/034-lean-live-stream.md).
//
// Usage: npx tsx bench/sse-scale.ts [--viewers 1000,10000] [--moves 10] [--dist .next-a]
//          [--port 3411] [--processes 4] [--through-next]
//   --dist          an existing production build (this script builds nothing), e.g. the folder
//                   `npm run e2e:dev -- --name a --port 3410 tests/e2e/lean-live-stream.spec.ts`
//                   builds (and checks, in some 3 minutes), or
//                   `NEXT_DIST_DIR=.next-a NODE_ENV=production npx next build` (then
//                   `git checkout tsconfig.json`, which a build with another folder rewrites)
//   --port          the production server's port; the bare server takes the next one
//   --processes     child processes holding the viewers (each from its own loopback addresses)
//   --through-next  the server with LIVE_LEAN_STREAM=off: every stream through Next's route, as
//                   before the lean path (the decision record's "before")
//   The lead's full run: npx tsx bench/sse-scale.ts --viewers 1000,10000 --dist .next-a
//   (about 5 minutes on a quiet 2-core machine, 1,000 viewers alone about 1.5; 10,000 viewers
//   need 10,000+ descriptors in the server and ~2,500 in each viewers' process: `ulimit -n` of
//   20,000 is enough). Add --through-next for Next's route's figures (the same duration).
//
// What it does, for each size N: starts a PostgreSQL of its own (tests/support/own-postgres.ts:
// nothing shared is touched) once, with a running hearing made through the services; then
// 1. the real path: the production server (node scripts/server.cjs, the build given) on its own
//    port, the chair's console in Chromium signed in with a minted session; a probe viewer and two
//    warm-up moves; the server's RSS (/proc/<pid>/status); N viewers of the hearing's event stream
//    from child processes (their sockets bound to 127.0.0.x, x from 10 up, so that no source
//    address runs out of ports), until each holds its opening state; the RSS again (the
//    difference over N: memory per viewer) and the viewers' gauge; then `moves` moves (pause,
//    resume), each a click on the console that posts its server action over HTTP with the
//    session. Delivery: from the browser sending the move's request (Chromium's request timing)
//    to each viewer reading the event. The server is then stopped.
// 2. the bare server: node:http with no framework, in a process of its own, giving each viewer
//    the same headers, retry hint, opening frame and heartbeat, and on each POST /publish writing
//    the posted frame to every viewer: the same N viewers' processes, and the frames the real
//    path sent, posted by this script. Delivery: from the POST's sending to each viewer reading it.
// Printed for both: viewers opened and how fast, p50 / p95 / p99 delivery, memory per viewer; and
// the ratios, next to the targets at 10,000 viewers (p95 ≤ 250 ms, ≤ 20 KB per viewer, within 2×
// of the bare server), with the machine's load (figures from a shared machine mean little).
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { allowServerOnlyImports } from "./support/server-only";
import { chairConsole, clock } from "./support/chair-console";

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
};
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789";
const METRICS_TOKEN = "bench-sse-scale-metrics-token-0123456789";
/** Viewers' processes take their source addresses from 127.0.0.FIRST_ADDRESS on, ADDRESSES of them. */
const FIRST_ADDRESS = 10;
const ADDRESSES = 40;
/** Connections a viewers' process has opening at once (the server's accept queue holds 511). */
const OPENING_AT_ONCE = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** A process's resident memory in bytes, from /proc/<pid>/status. */
function rss(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

// ---------------------------------------------------------------------------------------------
// The viewers: child processes, each holding its share of the N streams.

type ToViewers = { kind: "open"; url: string; count: number; addresses: string[] } | { kind: "flush"; version: number } | { kind: "close" };
type FromViewers =
  { kind: "opened"; opened: number } | { kind: "arrivals"; version: number; times: number[] } | { kind: "refused"; what: string } | { kind: "closed" };

// A viewer is a bare TCP socket that sends the request itself and looks for each frame's `id:`
// line in what arrives, chunk sizes and all: the same for the bare server and ours. Node's HTTP
// client (a parser and a readable stream per response) took most of the viewers' processes' CPU,
// which, on a two-core machine shared with the server under test, is taken from the server.
function viewersProcess() {
  const send = (message: FromViewers) => process.send?.(message);
  const sockets: net.Socket[] = [];
  const arrivals = new Map<number, number[]>();
  let count = 0;
  let opened = 0;
  const arrived = (version: number, at: number) => {
    let times = arrivals.get(version);
    if (!times) arrivals.set(version, (times = []));
    times.push(at);
    if (times.length === count) {
      arrivals.delete(version);
      send({ kind: "arrivals", version, times });
    }
  };
  process.on("message", (message: ToViewers) => {
    if (message.kind === "open") {
      count = message.count;
      const url = new URL(message.url);
      const request = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\nConnection: keep-alive\r\n\r\n`;
      let started = 0;
      let pending = 0;
      const next = () => {
        while (pending < OPENING_AT_ONCE && started < count) {
          const localAddress = message.addresses[started % message.addresses.length];
          started += 1;
          pending += 1;
          let waiting = true;
          const settled = () => {
            if (!waiting) return;
            waiting = false;
            pending -= 1;
            next();
          };
          const socket = net.connect({ host: url.hostname, port: Number(url.port), localAddress });
          sockets.push(socket);
          socket.setEncoding("latin1");
          socket.write(request);
          let headed = false;
          let first = true;
          let carry = "";
          socket.on("data", (chunk: string) => {
            const at = clock();
            let text = carry + chunk;
            if (!headed) {
              const end = text.indexOf("\r\n\r\n");
              if (end < 0) {
                carry = text;
                return;
              }
              settled();
              const status = text.slice(0, text.indexOf("\r\n"));
              if (!/^HTTP\/1\.1 200 /.test(status)) {
                send({ kind: "refused", what: status });
                socket.destroy();
                return;
              }
              headed = true;
              text = text.slice(end + 2);
            }
            if (text.includes("event: failure")) send({ kind: "refused", what: text.slice(text.indexOf("event: failure")).split("\n")[1] ?? "failure" });
            let from = 0;
            for (let i = text.indexOf("\nid: "); i >= 0; i = text.indexOf("\nid: ", from)) {
              const end = text.indexOf("\n", i + 5);
              if (end < 0) break;
              from = end;
              const version = Number.parseInt(text.slice(i + 5, end), 10);
              if (first) {
                first = false;
                opened += 1;
                if (opened === count) send({ kind: "opened", opened });
              } else arrived(version, at);
            }
            carry = text.slice(Math.max(from, text.length - 32));
          });
          socket.on("error", (error) => {
            settled();
            send({ kind: "refused", what: error.message });
          });
        }
      };
      next();
    } else if (message.kind === "flush") {
      send({ kind: "arrivals", version: message.version, times: arrivals.get(message.version) ?? [] });
      arrivals.delete(message.version);
    } else if (message.kind === "close") {
      for (const socket of sockets) socket.destroy();
      send({ kind: "closed" });
      setTimeout(() => process.exit(0), 100);
    }
  });
}

/** N viewers of `url` over `processes` child processes. */
async function openCrowd(url: string, n: number, processes: number, timeoutMs: number) {
  const children: ChildProcess[] = [];
  const shares: number[] = [];
  const got = new Map<number, { times: number[]; reported: number }>();
  const refusals = new Map<string, number>();
  let opened = 0;
  let wakeOpened = () => {};
  const wakers = new Set<() => void>();
  const self = new URL(import.meta.url).pathname;
  for (let p = 0; p < processes; p++) {
    const count = Math.floor(n / processes) + (p < n % processes ? 1 : 0);
    if (count === 0) continue;
    const child = fork(self, ["--viewers-process"], { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    children.push(child);
    shares.push(count);
    const per = Math.floor(ADDRESSES / processes);
    const addresses = Array.from({ length: per }, (_, i) => `127.0.0.${FIRST_ADDRESS + p * per + i}`);
    child.on("message", (message: FromViewers) => {
      if (message.kind === "opened") {
        opened += message.opened;
        wakeOpened();
      } else if (message.kind === "arrivals") {
        let entry = got.get(message.version);
        if (!entry) got.set(message.version, (entry = { times: [], reported: 0 }));
        entry.times.push(...message.times);
        entry.reported += 1;
        for (const wake of [...wakers]) wake();
      } else if (message.kind === "refused") refusals.set(message.what, (refusals.get(message.what) ?? 0) + 1);
    });
    child.send({ kind: "open", url, count, addresses } satisfies ToViewers);
  }
  const started = clock();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${opened} of ${n} viewers opened within ${timeoutMs} ms; refused: ${JSON.stringify([...refusals])}`)),
      timeoutMs,
    );
    wakeOpened = () => {
      if (opened < n) return;
      clearTimeout(timer);
      resolve();
    };
  });
  const openedMs = clock() - started;
  return {
    openedMs,
    refusals,
    /** Every viewer's reading time of `version`, once all have read it or after `timeoutMs` (then those who did). */
    async arrivals(version: number, timeoutMs: number): Promise<number[]> {
      const complete = () => (got.get(version)?.reported ?? 0) >= children.length;
      if (!complete()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            wakers.delete(wake);
            for (const child of children) child.send({ kind: "flush", version } satisfies ToViewers);
            setTimeout(resolve, 1_000);
          }, timeoutMs);
          const wake = () => {
            if (!complete()) return;
            clearTimeout(timer);
            wakers.delete(wake);
            resolve();
          };
          wakers.add(wake);
        });
      }
      const times = got.get(version)?.times ?? [];
      got.delete(version);
      return times;
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.send({ kind: "close" } satisfies ToViewers);
              setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
            }),
        ),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The bare server: node:http, no framework, the same bytes.

type ToBare = { kind: "headers"; headers: Record<string, string>; opening: string };

function bareProcess(port: number) {
  const viewers = new Set<http.ServerResponse>();
  let headers: Record<string, string> = {};
  let opening = Buffer.alloc(0);
  const heartbeat = Buffer.from("event: heartbeat\ndata: {}\n\n");
  process.on("message", (message: ToBare) => {
    headers = message.headers;
    opening = Buffer.from(message.opening, "utf8");
  });
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/events") {
      res.writeHead(200, { "X-Request-Id": randomUUID(), ...headers });
      res.write(`retry: ${2_000 + Math.floor(Math.random() * 3_000)}\n\n`);
      res.write(opening);
      viewers.add(res);
      const timer = setInterval(() => res.write(heartbeat), 15_000);
      res.once("close", () => {
        clearInterval(timer);
        viewers.delete(res);
      });
      return;
    }
    if (req.method === "POST" && req.url === "/publish") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const frame = Buffer.concat(chunks);
        for (const viewer of viewers) viewer.write(frame);
        res.writeHead(204).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 75_000;
  server.listen(port, "127.0.0.1", () => process.send?.({ kind: "listening" }));
}

async function startBare(port: number, headers: Record<string, string>, opening: string) {
  const child = fork(new URL(import.meta.url).pathname, ["--bare-process", String(port)], { execArgv: process.execArgv });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  child.send({ kind: "headers", headers, opening } satisfies ToBare);
  await sleep(200);
  return child;
}

function publish(port: number, frame: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(frame, "utf8");
    const request = http.request(
      { host: "127.0.0.1", port, path: "/publish", method: "POST", agent: false, headers: { "content-length": body.length } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// A probe viewer in this process: the frames and headers the real path sends.

function probe(url: string) {
  const frames = new Map<number, string>();
  let headers: Record<string, string> = {};
  let opening = "";
  const waiters = new Set<() => void>();
  const request = http.get(url, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
    headers = Object.fromEntries(
      Object.entries(response.headers).flatMap(([key, value]) =>
        ["date", "transfer-encoding", "x-request-id"].includes(key) || typeof value !== "string" ? [] : [[key, value]],
      ),
    );
    response.setEncoding("utf8");
    let buffer = "";
    response.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const frame = buffer.slice(0, end + 2);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(frame)?.[1];
        if (id === undefined) continue;
        if (!opening) opening = frame;
        frames.set(Number(id), frame);
        for (const wake of [...waiters]) wake();
      }
    });
  });
  request.on("error", () => undefined);
  return {
    headers: () => headers,
    opening: () => opening,
    frame: (version: number) => frames.get(version),
    async waitFor(version: number, timeoutMs: number): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      while (!frames.has(version)) {
        if (Date.now() > deadline) throw new Error(`the probe viewer did not receive version ${version} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 200);
        });
      }
      return frames.get(version) ?? "";
    },
    close: () => request.destroy(),
  };
}

// ---------------------------------------------------------------------------------------------

type Figures = { label: string; n: number; openedMs: number; delays: number[]; perViewerBytes: number; missing: number; note: string };

function describe(f: Figures): string {
  const sorted = [...f.delays].sort((a, b) => a - b);
  const ms = (p: number) => percentile(sorted, p).toFixed(1);
  return (
    `${f.label}, ${f.n} viewers: opened in ${(f.openedMs / 1000).toFixed(1)} s; delivery p50 ${ms(50)} ms, p95 ${ms(95)} ms, p99 ${ms(99)} ms, ` +
    `max ${ms(100)} ms (${sorted.length} deliveries${f.missing ? `, ${f.missing} missing` : ""}); memory ${(f.perViewerBytes / 1024).toFixed(1)} KB per viewer${f.note ? `; ${f.note}` : ""}`
  );
}

async function main() {
  const sizes = option("viewers", "1000,10000")
    .split(",")
    .map((s) => Number(s.trim()));
  const moves = Math.max(1, Number(option("moves", "10")));
  const distDir = option("dist", process.env.NEXT_DIST_DIR || ".next-a");
  const port = Number(option("port", "3411"));
  const processes = Math.max(1, Math.min(ADDRESSES, Number(option("processes", "4"))));
  const throughNext = argv.includes("--through-next");
  const warmUp = 2;
  const base = `http://127.0.0.1:${port}`;

  allowServerOnlyImports();
  process.env.AUTH_SECRET = AUTH_SECRET;
  const { chromium } = await import("@playwright/test");
  const { startOwnPostgres } = await import("../tests/support/own-postgres");
  const cleanups: Array<() => Promise<unknown>> = [];
  let server: ChildProcess | undefined;
  process.on("exit", () => server?.kill("SIGKILL"));
  try {
    const own = await startOwnPostgres({ maxConnections: 200 });
    cleanups.push(() => own.stop());
    process.env.DATABASE_URL = own.appUrl;
    const { createDb } = await import("../lib/db/client");
    const owner = createDb(own.url);
    cleanups.unshift(() => owner.$disconnect());
    const { makeReadyHearing } = await import("../tests/support/factories-live");
    const { asActor } = await import("../tests/support/factories");
    const live = await import("../lib/hearings/live");
    const { db } = await import("../lib/db");
    cleanups.unshift(() => db().$disconnect());
    const { hearingId, chair } = await makeReadyHearing(owner);
    const version = async () => (await owner.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } })).stateVersion;
    // The set-up moves through the services (the start confirmed, as the console's dialog does); every timed move through the console.
    await live.startHearing({ actor: asActor(chair), input: { hearingId, expectedVersion: await version(), confirmed: "yes" } });
    await live.startPresentation({ actor: asActor(chair), input: { hearingId, expectedVersion: await version() } });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-gpu"] });
    cleanups.unshift(() => browser.close());
    const eventsPath = `/api/hearings/${hearingId}/events`;
    console.log(
      `${os.cpus().length} cores, load ${load()}; build ${distDir}; ${throughNext ? "LIVE_LEAN_STREAM=off: streams through Next's route" : "the lean stream (server.ts)"}; ` +
        `${moves} timed moves (+${warmUp} warm-up) per size; viewers in ${processes} processes`,
    );

    for (const n of sizes) {
      // 1. The real path.
      const logFile = path.join(os.tmpdir(), `sse-scale-server-${port}-${n}.log`);
      const logFd = openSync(logFile, "w");
      // BENCH_NODE_ARGS: node options for the server alone (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
      const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
      server = spawn(process.execPath, [...nodeArgs, "scripts/server.cjs"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          HOSTNAME: "127.0.0.1",
          PORT: String(port),
          NEXT_DIST_DIR: distDir,
          DATABASE_URL: own.appUrl,
          AUTH_SECRET,
          NEXTAUTH_URL: base,
          NEXT_TELEMETRY_DISABLED: "1",
          METRICS_TOKEN,
          LIVE_MAX_VIEWERS: String(n + 100),
          LIVE_LEAN_STREAM: throughNext ? "off" : "on",
        },
        stdio: ["ignore", logFd, logFd],
      });
      closeSync(logFd);
      const pid = server.pid ?? 0;
      for (const deadline = Date.now() + 90_000; ;) {
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the server did not start; see ${logFile}`);
        await sleep(250);
      }
      const console_ = await chairConsole(browser, base, chair, owner);
      const seen = probe(`${base}${eventsPath}`);
      for (let i = 0; i < warmUp; i++) {
        const before = await version();
        const pressed = await console_.press();
        if (!pressed.made) throw new Error(`warm-up move not made: ${pressed.said}`);
        await seen.waitFor(before + 1, 30_000);
      }
      await sleep(1_000);
      const rssBefore = rss(pid);
      const crowd = await openCrowd(`${base}${eventsPath}`, n, processes, 120_000 + n * 20);
      await sleep(2_000);
      const rssAfter = rss(pid);
      const metricsText = () => fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());
      const fanOut = (text: string) => ({
        sum: Number(/^hustings_live_fan_out_seconds_sum (\S+)/m.exec(text)?.[1] ?? Number.NaN),
        count: Number(/^hustings_live_fan_out_seconds_count (\S+)/m.exec(text)?.[1] ?? Number.NaN),
      });
      const metricsBefore = await metricsText();
      const gauge = /^hustings_live_viewers (\d+)/m.exec(metricsBefore)?.[1] ?? "?";
      const delays: number[] = [];
      const sent: string[] = [];
      let missing = 0;
      let sendLag = 0;
      const answers: number[] = [];
      for (let i = 0; i < moves; i++) {
        const before = await version();
        const pressed = await console_.press();
        if (!pressed.made) {
          console.log(`  move ${i + 1} not made (${pressed.status}): ${pressed.said}`);
          continue;
        }
        sendLag = Math.max(sendLag, pressed.sentAt - pressed.clickedAt);
        answers.push(pressed.answeredAt - pressed.sentAt);
        const times = await crowd.arrivals(before + 1, 30_000);
        missing += n - times.length;
        delays.push(...times.map((at) => at - pressed.sentAt));
        sent.push(await seen.waitFor(before + 1, 5_000));
        await sleep(300);
      }
      // The server's own part of each delivery: from the NOTIFY heard to the event written to every stream (its histogram's mean over the timed moves).
      const [fanBefore, fanAfter] = [fanOut(metricsBefore), fanOut(await metricsText())];
      const fanOutMs = ((fanAfter.sum - fanBefore.sum) / Math.max(1, fanAfter.count - fanBefore.count)) * 1000;
      const real: Figures = {
        label: throughNext ? "server.ts → Next's route" : "server.ts, lean stream",
        n,
        openedMs: crowd.openedMs,
        delays,
        perViewerBytes: (rssAfter - rssBefore) / n,
        missing,
        note: `RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MB; viewers' gauge ${gauge}; NOTIFY heard to written to all ${fanOutMs.toFixed(1)} ms (mean); the chair's action answered in ${percentile(
          [...answers].sort((a, b) => a - b),
          50,
        ).toFixed(0)} ms (median; click to request sent ≤ ${sendLag.toFixed(0)} ms)${
          crowd.refusals.size ? `; refused ${JSON.stringify([...crowd.refusals])}` : ""
        }`,
      };
      await crowd.close();
      const headers = seen.headers();
      const opening = seen.opening();
      seen.close();
      await console_.close();
      server.kill("SIGINT");
      await new Promise((resolve) => server?.once("exit", resolve));
      server = undefined;
      console.log(describe(real));

      // 2. The bare server, the same bytes to the same number of viewers.
      const barePort = port + 1;
      const bare = await startBare(barePort, headers, opening);
      cleanups.unshift(async () => void bare.kill("SIGKILL"));
      const bareProbe = probe(`http://127.0.0.1:${barePort}/events`);
      const frames = sent.length > 0 ? sent : [opening];
      for (let i = 0; i < warmUp; i++) await publish(barePort, frames[i % frames.length] ?? "");
      await sleep(1_000);
      const bareBefore = rss(bare.pid ?? 0);
      const bareCrowd = await openCrowd(`http://127.0.0.1:${barePort}/events`, n, processes, 120_000 + n * 20);
      await sleep(2_000);
      const bareAfter = rss(bare.pid ?? 0);
      const bareDelays: number[] = [];
      let bareMissing = 0;
      for (let i = 0; i < moves; i++) {
        const frame = frames[i % frames.length] ?? "";
        const id = Number(/^id: (\d+)$/m.exec(frame)?.[1]);
        const sentAt = clock();
        await publish(barePort, frame);
        const times = await bareCrowd.arrivals(id, 30_000);
        bareMissing += n - times.length;
        bareDelays.push(...times.map((at) => at - sentAt));
        await sleep(300);
      }
      await bareCrowd.close();
      bareProbe.close();
      bare.kill("SIGTERM");
      const bareFigures: Figures = {
        label: "bare node:http",
        n,
        openedMs: bareCrowd.openedMs,
        delays: bareDelays,
        perViewerBytes: (bareAfter - bareBefore) / n,
        missing: bareMissing,
        note: `RSS ${(bareBefore / 2 ** 20).toFixed(0)} → ${(bareAfter / 2 ** 20).toFixed(0)} MB`,
      };
      console.log(describe(bareFigures));
      const p95 = (d: number[]) =>
        percentile(
          [...d].sort((a, b) => a - b),
          95,
        );
      const p50 = (d: number[]) =>
        percentile(
          [...d].sort((a, b) => a - b),
          50,
        );
      console.log(
        `  ratio to bare at ${n}: p50 ${(p50(delays) / p50(bareDelays)).toFixed(1)}×, p95 ${(p95(delays) / p95(bareDelays)).toFixed(1)}× (target ≤ 2×); ` +
          `memory ${(real.perViewerBytes / Math.max(1, bareFigures.perViewerBytes)).toFixed(1)}×; targets at 10,000: p95 ≤ 250 ms, ≤ 20 KB per viewer; load ${load()}`,
      );
    }
  } finally {
    server?.kill("SIGKILL");
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

if (argv[0] === "--viewers-process") viewersProcess();
else if (argv[0] === "--bare-process") bareProcess(Number(argv[1]));
else
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
