// How many requests per second the production server answers with a cached public page, next
// to nginx serving exactly the same bytes and headers from a file, in the same run
// (docs/decisions/037-front-page-cache.md; target: ours ≥ 5 % of nginx, median of the ratios).
//
// Usage: npx tsx bench/page-throughput.ts [--dist .next] [--rounds 5] [--duration 10]
//          [--connections 10] [--threads 1] [--gzip] [--uncached] [--port 3440]
//   --dist         an existing production build: `npx next build` (NEXT_DIST_DIR=.next-x for
//                  another folder, then --dist .next-x; restore tsconfig.json afterwards)
//   --duration     seconds of each wrk run; --rounds how many interleaved rounds
//   --gzip         both servers are asked with Accept-Encoding: gzip (what browsers send),
//                  and nginx serves the gzip bytes our server sent
//   --uncached     also runs, in the same rounds, a second server with the front cache off
//                  (FRONT_CACHE_MB=0): the page as Next itself serves it from its cache
//   --port         ours on this port, nginx on the next one, the uncached server on the one after
//   BENCH_NODE_ARGS extra flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//
// Needs wrk and nginx (Debian: apt-get install -y nginx-light wrk) and the PostgreSQL server
// TEST_DATABASE_URL names (default 127.0.0.1:5432), on which it makes a database of its own,
// loads the demo into it (prisma/seed.ts, what `npm start` shows) and drops it at the end.
//
// What it does: serves a copy of the build (its own page cache) with server.ts, as the app's
// owner, on that database; asks for the home page and a candidate's page until Next serves
// them from its cache; writes the bytes and headers it got into a temporary folder served by
// nginx (a child of this script, one worker process like our one Node process, its own
// config, access log to a file as ours logs a line per request); checks that nginx answers the
// same bytes; then runs wrk against each in turn (ours, nginx, ours, nginx…, per page) and
// prints requests/s, the ratio per round and the median ratio.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { allowServerOnlyImports } from "./support/server-only";
import { throwawayDatabase } from "./support/throwaway-database";

allowServerOnlyImports();

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const DIST = option("dist", process.env.NEXT_DIST_DIR || ".next");
const ROUNDS = Math.max(1, Number(option("rounds", "5")));
const DURATION = Math.max(1, Number(option("duration", "10")));
const CONNECTIONS = Math.max(1, Number(option("connections", "10")));
const THREADS = Math.max(1, Number(option("threads", "1")));
const GZIP = args.includes("--gzip");
const UNCACHED = args.includes("--uncached");
const PORT = Number(option("port", "3440"));
const NGINX_PORT = PORT + 1;
const UNCACHED_PORT = PORT + 2;
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789";
const REQUEST_HEADERS: Record<string, string> = GZIP ? { "accept-encoding": "gzip" } : {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The machine's load averages: figures from a shared machine mean little without them. */
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

type Answer = { status: number; headers: [string, string][]; body: Buffer };

/** One GET with exactly the given request headers (fetch would add Accept-Encoding and decompress). */
function get(url: string, headers: Record<string, string> = REQUEST_HEADERS): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = response.rawHeaders;
        const pairs: [string, string][] = [];
        for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const header = (answer: Answer, name: string) => answer.headers.find(([n]) => n.toLowerCase() === name)?.[1];

const children: ChildProcess[] = [];
// Whatever happens, the servers this script started do not outlive it.
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function startServer(databaseUrl: string, port: number, distDir: string, env: Record<string, string> = {}): ChildProcess {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, "scripts/server.cjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // One JSON access line per request, as in production; written to /dev/null here.
      LOG_FORMAT: "json",
      ...env,
    },
    // The access log goes nowhere; warnings and errors are kept for a failure's message.
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(server);
  let errors = "";
  server.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  server.on("exit", (code, signal) => {
    if (code) console.error(`the server on ${port} exited with ${code ?? signal}:\n${errors}`);
  });
  return server;
}

async function waitForHealth(base: string, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${base} did not answer /api/health within ${ms} ms`);
}

/** Asks until Next serves the page from its cache (the first visit of a page renders it), then a few more times. */
async function warm(base: string, pagePath: string): Promise<Answer> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await get(`${base}${pagePath}`);
    if (answer.status !== 200) throw new Error(`${base}${pagePath}: HTTP ${answer.status}`);
    if (header(answer, "x-nextjs-cache") === "HIT") {
      for (let i = 0; i < 5; i++) await get(`${base}${pagePath}`);
      return get(`${base}${pagePath}`);
    }
    if (Date.now() > deadline) throw new Error(`${base}${pagePath} was not served from the cache within 60 s`);
    await sleep(200);
  }
}

/** Headers nginx writes itself (or that belong to one connection): not copied into its config. */
const NGINX_OWN = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding", "content-type"]);

function nginxString(value: string): string {
  if (value.includes("$")) throw new Error(`a header value with "$" cannot be written as a plain nginx string: ${value}`);
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

type Page = { name: string; path: string; answer: Answer };

/** nginx as a child of this script, serving each page's bytes at the same path with the same headers. */
async function startNginx(pages: Page[], folder: string): Promise<ChildProcess> {
  const root = path.join(folder, "www");
  mkdirSync(root, { recursive: true });
  const locations = pages.map((page, i) => {
    const file = `page-${i}.html`;
    writeFileSync(path.join(root, file), page.answer.body);
    const type = header(page.answer, "content-type") ?? "text/html";
    const copied = page.answer.headers
      .filter(([name]) => !NGINX_OWN.has(name.toLowerCase()))
      .map(([name, value]) => `      add_header ${name} ${nginxString(value)} always;`);
    return `    location = ${page.path} {
      types { }
      default_type ${nginxString(type)};
      try_files /${file} =404;
${copied.join("\n")}
    }`;
  });
  const config = path.join(folder, "nginx.conf");
  writeFileSync(
    config,
    `daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${folder}/access.log;
  client_body_temp_path ${folder}/client_body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 75s;
  keepalive_requests 100000000;
  server_tokens off;
  etag off;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${root};
${locations.join("\n")}
  }
}
`,
  );
  const nginx = spawn("nginx", ["-c", config, "-p", folder, "-e", path.join(folder, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
  children.push(nginx);
  let errors = "";
  nginx.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${errors}${readFileSync(path.join(folder, "error.log"), "utf8")}`);
    const answer = await get(`http://127.0.0.1:${NGINX_PORT}${pages[0]!.path}`).catch(() => undefined);
    if (answer) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s: ${errors}`);
    await sleep(100);
  }
  return nginx;
}

/** One wrk run: requests per second, and any non-2xx answers or socket errors it counted. */
function wrk(url: string): { rps: number; problems: string } {
  const headerArgs = Object.entries(REQUEST_HEADERS).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const output = execFileSync("wrk", [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION}s`, ...headerArgs, url], { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s*([\d.]+)/.exec(output)?.[1] ?? Number.NaN);
  const problems = [/Non-2xx or 3xx responses: \d+/.exec(output)?.[0], /Socket errors: [^\n]+/.exec(output)?.[0]].filter(Boolean).join("; ");
  return { rps, problems };
}

async function main() {
  const { deployMigrations } = await import("../lib/db/migrate");
  const { createDb } = await import("../lib/db/client");
  const { seedDemo } = await import("../prisma/seed");

  const { name, url: databaseUrl, onServer } = throwawayDatabase("page_throughput");
  const folder = mkdtempSync(path.join(os.tmpdir(), "hustings-page-throughput-"));
  // nginx's worker drops to an unprivileged user when started as root: it must read the files.
  chmodSync(folder, 0o755);
  // Copies of the build without its data cache: pages rendered from this database stay here.
  const copies = [`${DIST}-bench-throughput`, ...(UNCACHED ? [`${DIST}-bench-throughput-uncached`] : [])];
  await onServer(`CREATE DATABASE "${name}"`);
  try {
    await deployMigrations(databaseUrl, { log: () => {} });
    await seedDemo(databaseUrl, { secrets: { AUTH_SECRET } });
    const db = createDb(databaseUrl);
    const candidate = await db.candidate.findFirstOrThrow({
      where: { isDemo: true, status: { not: "WITHDRAWN" } },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    await db.$disconnect();
    for (const copy of copies) {
      rmSync(copy, { recursive: true, force: true });
      cpSync(DIST, copy, { recursive: true, filter: (source) => !/[/\\](cache|standalone)$/.test(source) });
    }
    const ours = `http://127.0.0.1:${PORT}`;
    const uncached = `http://127.0.0.1:${UNCACHED_PORT}`;
    startServer(databaseUrl, PORT, copies[0]!);
    if (UNCACHED) startServer(databaseUrl, UNCACHED_PORT, copies[1]!, { FRONT_CACHE_MB: "0" });
    await waitForHealth(ours, 90_000);
    if (UNCACHED) await waitForHealth(uncached, 90_000);

    const pages: Page[] = [];
    for (const [pageName, pagePath] of [
      ["home", "/en"],
      ["candidate", `/en/candidates/${candidate.id}`],
    ] as const) {
      const answer = await warm(ours, pagePath);
      if (UNCACHED) await warm(uncached, pagePath);
      pages.push({ name: pageName, path: pagePath, answer });
    }
    await startNginx(pages, folder);
    for (const page of pages) {
      const copy = await get(`http://127.0.0.1:${NGINX_PORT}${page.path}`);
      if (!copy.body.equals(page.answer.body))
        throw new Error(
          `nginx does not answer ${page.path} with the same bytes: HTTP ${copy.status}, ${copy.body.length} bytes, not ${page.answer.body.length}: ${copy.body.subarray(0, 300).toString()}`,
        );
      const encoding = header(page.answer, "content-encoding") ?? "identity";
      console.log(
        `${page.name} ${page.path}: ${page.answer.body.length} bytes (${encoding}), ${page.answer.headers.length} headers; ` +
          `ours: x-nextjs-cache ${header(page.answer, "x-nextjs-cache") ?? "-"}, x-front-cache ${header(page.answer, "x-front-cache") ?? "-"}`,
      );
    }
    console.log(
      `wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION}s${GZIP ? " -H 'Accept-Encoding: gzip'" : ""}, ${ROUNDS} interleaved rounds, build ${DIST}, ` +
        `${os.cpus().length} cores; load before: ${load()}`,
    );

    const ratios = new Map<string, number[]>();
    const uncachedRatios = new Map<string, number[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const page of pages) {
        const a = wrk(`${ours}${page.path}`);
        const b = wrk(`http://127.0.0.1:${NGINX_PORT}${page.path}`);
        const c = UNCACHED ? wrk(`${uncached}${page.path}`) : undefined;
        const ratio = a.rps / b.rps;
        ratios.set(page.name, [...(ratios.get(page.name) ?? []), ratio]);
        if (c) uncachedRatios.set(page.name, [...(uncachedRatios.get(page.name) ?? []), c.rps / b.rps]);
        const problems = [a.problems && `ours: ${a.problems}`, b.problems && `nginx: ${b.problems}`, c?.problems && `uncached: ${c.problems}`].filter(Boolean);
        console.log(
          `round ${round} ${page.name.padEnd(9)} ours ${a.rps.toFixed(0).padStart(7)} req/s   nginx ${b.rps.toFixed(0).padStart(7)} req/s   ` +
            `ratio ${(100 * ratio).toFixed(2).padStart(6)} %` +
            (c ? `   front cache off ${c.rps.toFixed(0).padStart(6)} req/s (${((100 * c.rps) / b.rps).toFixed(2)} %)` : "") +
            (problems.length ? `   ${problems.join("; ")}` : ""),
        );
      }
    }
    const all = [...ratios.values()].flat();
    for (const [pageName, values] of ratios) {
      const off = uncachedRatios.get(pageName);
      console.log(`median ratio ${pageName}: ${(100 * median(values)).toFixed(2)} %` + (off ? ` (front cache off: ${(100 * median(off)).toFixed(2)} %)` : ""));
    }
    console.log(`median ratio, all rounds and pages: ${(100 * median(all)).toFixed(2)} %   (target ≥ 5 %); load after: ${load()}`);
    if (median(all) < 0.05) process.exitCode = 1;
  } finally {
    for (const child of children) {
      if (child.exitCode === null) child.kill("SIGINT");
    }
    await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once("exit", r)) : undefined)));
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
