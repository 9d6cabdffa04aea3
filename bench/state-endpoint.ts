// How many polls of a hearing's live state one instance answers (app/api/hearings/[id]/state,
// docs/decisions/035-state-endpoint-and-50k-viewers.md), through the real path: the production
// server (server.ts) of a build, answering from its live bus's memory, next to a bare node:http
// server answering the same bytes and headers (ETag, 304) in the same run. Both are asked with
// wrk, interleaved, as a poller asks: a full answer (no validator) and a 304 (If-None-Match).
// The figure that matters for decision 035: polls per second per instance, and so how many
// polling viewers an instance carries without a CDN (rate × 3.5 s, the panel's mean interval).
//
// Usage: TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//          npx tsx bench/state-endpoint.ts [--dist .next] [--rounds 3] [--duration 10] [--connections 10] [--gzip] [--port 3424]
//   --dist       an existing production build (`npx next build`; NEXT_DIST_DIR=.next-x for another folder)
//   --gzip       both are asked with Accept-Encoding: gzip (what browsers send); the bare server sends Next's gzip bytes
//   --port       the bare server's port (ours takes a free one)
// Needs wrk (Debian: apt-get install -y wrk) and the PostgreSQL server TEST_DATABASE_URL names, on
// which it copies the migrated test template into a database of its own (dropped at the end).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import http from "node:http";
import os from "node:os";
import { allowServerOnlyImports } from "./support/server-only";

allowServerOnlyImports();

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const DIST = option("dist", process.env.NEXT_DIST_DIR || ".next");
const ROUNDS = Math.max(1, Number(option("rounds", "3")));
const DURATION = Math.max(1, Number(option("duration", "10")));
const CONNECTIONS = Math.max(1, Number(option("connections", "10")));
const GZIP = args.includes("--gzip");
const BARE_PORT = Number(option("port", "3424"));
/** The live panel's mean interval between polls (2–5 s, lib/hearings/state-endpoint-schedule.ts). */
const MEAN_POLL_SECONDS = 3.5;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** One wrk run (asynchronous: the bare server answers from this process): requests per second, and any unexpected answers or socket errors. */
async function wrk(url: string, headers: Record<string, string>): Promise<{ rps: number; problems: string }> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const { stdout } = await promisify(execFile)("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${DURATION}s`, ...headerArgs, url], { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s*([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
  const problems = [/Non-2xx or 3xx responses: \d+/.exec(stdout)?.[0], /Socket errors: [^\n]+/.exec(stdout)?.[0]].filter(Boolean).join("; ");
  return { rps, problems };
}

/** The same bytes and headers as `sample`, with the same validator logic: the floor under any Node server. */
function bareServer(sample: Answer, port: number): Promise<http.Server> {
  const kept = Object.entries(sample.headers).filter(
    ([name]) => !["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-request-id"].includes(name),
  );
  const etag = String(sample.headers.etag ?? "");
  const server = http.createServer((req, res) => {
    for (const [name, value] of kept) if (value !== undefined) res.setHeader(name, value);
    if (req.headers["if-none-match"] === etag) {
      res.statusCode = 304;
      res.removeHeader("content-type");
      res.removeHeader("content-encoding");
      res.end();
      return;
    }
    res.setHeader("content-length", sample.body.length);
    res.end(sample.body);
  });
  server.keepAliveTimeout = 75_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function main() {
  const { createTestDatabase } = await import("../tests/support/database");
  const { createDb } = await import("../lib/db/client");
  const { makeReadyHearing } = await import("../tests/support/factories-live");
  const { startNextServer } = await import("../tests/support/next-server");

  const database = await createTestDatabase();
  // The factories seal the hearing's seed with the app's environment, as the integration tests set it.
  process.env.DATABASE_URL = database.url;
  process.env.SEED_SEALING_KEY ??= "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed";
  const db = createDb(database.url);
  let ours: Awaited<ReturnType<typeof startNextServer>> | undefined;
  let bare: http.Server | undefined;
  try {
    const { hearingId } = await makeReadyHearing(db);
    ours = await startNextServer({ databaseUrl: database.url, distDir: DIST });
    const path = `/api/hearings/${hearingId}/state`;
    const accept: Record<string, string> = GZIP ? { "accept-encoding": "gzip" } : {};
    // The first asks read the database and have the bus watch the hearing; from then on, memory.
    for (let i = 0; i < 5; i++) await get(`${ours.url}${path}`, accept);
    const sample = await get(`${ours.url}${path}`, accept);
    if (sample.status !== 200) throw new Error(`${path}: HTTP ${sample.status}`);
    const etag = String(sample.headers.etag ?? "");
    bare = await bareServer(sample, BARE_PORT);
    const bareUrl = `http://127.0.0.1:${BARE_PORT}${path}`;
    const check = await get(bareUrl, { ...accept, "if-none-match": etag });
    if (check.status !== 304) throw new Error(`the bare server answered ${check.status} to its own validator`);

    console.log(
      `state endpoint, ${sample.body.length} bytes${GZIP ? " gzip" : ""}, ${sample.headers["cache-control"]}, ${etag}; ` +
        `${ROUNDS} rounds of ${DURATION} s, ${CONNECTIONS} connections; load ${load()}`,
    );
    for (const [label, headers] of [
      ["200 (no validator)", accept],
      ["304 (If-None-Match)", { ...accept, "if-none-match": etag }],
    ] as const) {
      const ratios: number[] = [];
      const ourRates: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const a = await wrk(`${ours.url}${path}`, headers);
        const b = await wrk(bareUrl, headers);
        ratios.push(a.rps / b.rps);
        ourRates.push(a.rps);
        console.log(
          `  ${label} round ${round}: ours ${a.rps.toFixed(0)}/s${a.problems ? ` (${a.problems})` : ""}, bare node:http ${b.rps.toFixed(0)}/s${b.problems ? ` (${b.problems})` : ""}, ` +
            `ratio ${(100 * (a.rps / b.rps)).toFixed(1)} %; load ${load()}`,
        );
      }
      const rate = median(ourRates);
      console.log(
        `  ${label}: median ours ${rate.toFixed(0)}/s, ${(100 * median(ratios)).toFixed(1)} % of the bare server; ` +
          `≈ ${Math.round(rate * MEAN_POLL_SECONDS).toLocaleString("en")} polling viewers per instance without a CDN (one poll per ${MEAN_POLL_SECONDS} s)`,
      );
    }
  } finally {
    await ours?.stop();
    await new Promise((resolve) => (bare ? bare.close(resolve) : resolve(undefined)));
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
