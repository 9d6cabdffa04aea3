import { expect, test } from "@playwright/test";
import pg from "pg";
import { createDb, type PrismaClient } from "../../lib/db/client";
import { startNextServer, type NextServer } from "../support/next-server";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";
import { sseReader } from "../support/sse";
import { makeWorldWithHearing } from "./support/world";

// Health, metrics, logs and the stop of the production server (server.ts,
// docs/decisions/029-observability-and-shutdown.md), and the live stream's viewer limit
// (docs/decisions/034-lean-live-stream.md), through servers of this spec's own on a database of
// its own: it freezes that database and stops those servers. Only routes are asked of them
// (tests/support/next-server.ts says why).

/** lib/hearings/live-state.ts's channel (that module is the server's: it cannot be imported here). */
const HEARING_CHANNEL = "hearing_events";
const METRICS_TOKEN = "lifecycle-spec-metrics-token-0123456789";

let own: OwnPostgres;
let ownDb: PrismaClient;
let server: NextServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  own = await startOwnPostgres();
  ownDb = createDb(own.url);
  // LIVE_MAX_VIEWERS: two, for the last test; the others open one stream at a time.
  server = await startNextServer({ databaseUrl: own.appUrl, env: { METRICS_TOKEN, LIVE_MAX_VIEWERS: "2" } });
});

test.afterAll(async () => {
  await server?.stop();
  await ownDb?.$disconnect();
  await own?.stop();
});

/** A change as a chair's move commits one (lib/hearings/live-state.ts publishChange): version, event, NOTIFY, in one transaction. */
async function publish(hearingId: string): Promise<number> {
  const client = new pg.Client({ connectionString: own.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ stateVersion: number }>(
      `UPDATE "Hearing" SET "stateVersion" = "stateVersion" + 1 WHERE id = $1 RETURNING "stateVersion"`,
      [hearingId],
    );
    const version = rows[0]!.stateVersion;
    await client.query(`INSERT INTO "HearingEvent" ("hearingId", version, type, payload) VALUES ($1, $2, $3, $4)`, [
      hearingId,
      version,
      "lifecycle",
      JSON.stringify({ hearingId, version, status: "LIVE" }),
    ]);
    await client.query("SELECT pg_notify($1, $2)", [HEARING_CHANNEL, `${hearingId}:${version}`]);
    await client.query("COMMIT");
    return version;
  } finally {
    await client.end();
  }
}

/** An open event stream: what it has sent so far, and whether it has ended. */
class Stream {
  text = "";
  ended = false;
  private readonly done: Promise<void>;
  constructor(
    response: Response,
    private readonly aborter: AbortController,
  ) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    this.done = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          this.text += decoder.decode(value, { stream: true });
        }
      } catch {
        // cut: ended all the same
      }
      this.ended = true;
    })();
  }
  static async open(url: string, hearingId: string): Promise<Stream> {
    const aborter = new AbortController();
    const response = await fetch(`${url}/api/hearings/${hearingId}/events`, { signal: aborter.signal });
    expect(response.status).toBe(200);
    const stream = new Stream(response, aborter);
    await expect.poll(() => stream.text.includes("event: state"), { timeout: 10_000 }).toBe(true);
    return stream;
  }
  close(): void {
    this.aborter.abort();
  }
  retries(): number {
    return this.text.match(/^retry: \d+$/gm)?.length ?? 0;
  }
  async closed(ms: number): Promise<boolean> {
    return Promise.race([this.done.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
  }
}

async function scrape(url: string, authorization?: string): Promise<Response> {
  return fetch(`${url}/api/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
}

function metricValue(text: string, line: RegExp): number | null {
  const match = new RegExp(`^${line.source} (\\S+)$`, "m").exec(text);
  return match ? Number(match[1]) : null;
}

test("live answers without the database, ready checks each part, neither is cached, and each answer carries a request id", async () => {
  const live = await fetch(`${server.url}/api/health/live`, { headers: { "X-Request-Id": "chosen-by-the-client-0001" } });
  expect(live.status).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  expect(live.headers.get("cache-control")).toBe("no-store");
  // No trusted proxy (TRUSTED_PROXY_HOPS=0): the client's id is not taken.
  expect(live.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

  const ready = await fetch(`${server.url}/api/health/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", listen: "ok", storage: "ok" } });
  expect(ready.headers.get("cache-control")).toBe("no-store");

  // The one the start script and the other specs wait on is unchanged.
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "reachable" });
});

test("ready answers 503 naming the database within its deadline while the database is frozen; live still answers", async () => {
  test.setTimeout(60_000);
  const frozen = own.freeze(5_000);
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const ready = await fetch(`${server.url}/api/health/ready`);
    const took = Date.now() - started;
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe("unavailable");
    expect(body.checks.database).toBe("timed out");
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(took).toBeLessThan(3_000);
    const live = await fetch(`${server.url}/api/health/live`);
    expect(live.status).toBe(200);
  } finally {
    await frozen;
  }
  await expect.poll(async () => (await fetch(`${server.url}/api/health/ready`)).status, { timeout: 20_000 }).toBe(200);
});

test("metrics answer only the token, and show the viewers, the fan-out and the pools the other routes counted", async () => {
  test.setTimeout(60_000);
  expect((await scrape(server.url)).status).toBe(401);
  expect((await scrape(server.url, "Bearer not-the-token-at-all-0123456789")).status).toBe(401);
  expect((await scrape(server.url, `Basic ${METRICS_TOKEN}`)).status).toBe(401);
  const before = await scrape(server.url, `Bearer ${METRICS_TOKEN}`);
  expect(before.status).toBe(200);
  expect(before.headers.get("cache-control")).toBe("no-store");
  const fannedBefore = metricValue(await before.text(), /hustings_live_events_fanned_out_total/) ?? 0;

  const { hearing } = await makeWorldWithHearing(ownDb, { posts: 2, ready: true });
  const stream = await Stream.open(server.url, hearing.id);
  try {
    // Counted by the events route's bundle, read by the metrics route's: one registry per process.
    const version = await publish(hearing.id);
    await expect.poll(() => stream.text.includes(`id: ${version}\n`), { timeout: 10_000 }).toBe(true);
    const text = await (await scrape(server.url, `Bearer ${METRICS_TOKEN}`)).text();
    expect(metricValue(text, /hustings_live_viewers/)).toBe(1);
    expect(metricValue(text, /hustings_live_events_fanned_out_total/)).toBeGreaterThan(fannedBefore);
    expect(metricValue(text, /hustings_live_fan_out_seconds_count/)).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, /hustings_mail_outbox_backlog/)).toBe(0);
    expect(metricValue(text, /hustings_db_pool_waiting\{pool="reserved"\}/)).toBe(0);
    expect(text).toContain("# TYPE hustings_limit_refusals_total counter");
    expect(text).toContain("# TYPE hustings_live_listen_reconnects_total counter");
  } finally {
    stream.close();
  }
});

test("on SIGTERM ready fails first, an open stream is told when to come back and ends, and the process exits cleanly within 10 s", async () => {
  test.setTimeout(90_000);
  // A server of this test's own, without METRICS_TOKEN: no metrics page at all.
  const stopping = await startNextServer({ databaseUrl: own.appUrl });
  try {
    expect((await scrape(stopping.url, `Bearer ${METRICS_TOKEN}`)).status).toBe(404);
    const { hearing } = await makeWorldWithHearing(ownDb, { posts: 2, ready: true });
    const stream = await Stream.open(stopping.url, hearing.id);
    expect(stream.retries()).toBe(1);
    expect((await fetch(`${stopping.url}/api/health/ready`)).status).toBe(200);

    const signalled = Date.now();
    stopping.kill("SIGTERM");
    // Readiness fails as soon as the signal is handled (a probe already under way may still
    // pass), while the port still answers, for 2 s, for the load balancer to notice.
    let ready: Response | undefined;
    await expect
      .poll(
        async () => {
          ready = await fetch(`${stopping.url}/api/health/ready`);
          return ready.status;
        },
        { timeout: 1_500, intervals: [50] },
      )
      .toBe(503);
    expect(await ready!.json()).toMatchObject({ status: "stopping" });
    expect((await fetch(`${stopping.url}/api/health/live`)).status).toBe(200);
    // The stream gets a second retry hint, a jittered few seconds, and ends.
    expect(await stream.closed(5_000)).toBe(true);
    expect(stream.retries()).toBe(2);
    const hint = Number(/retry: (\d+)\n\n$/.exec(stream.text)?.[1]);
    expect(hint).toBeGreaterThanOrEqual(2_000);
    expect(hint).toBeLessThan(5_000);

    const exit = await Promise.race([stopping.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
    expect(exit, stopping.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);

    // JSON lines: the access log of the stream (path, status, id, no query), and the stop's own.
    const lines = stopping
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const access = lines.find((line) => line.msg === "request" && line.path === `/api/hearings/${hearing.id}/events`);
    expect(access).toMatchObject({ method: "GET", status: 200 });
    expect(access?.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof access?.ms).toBe("number");
    expect(lines.some((line) => line.msg === "SIGTERM received: stopped")).toBe(true);
    expect(lines.some((line) => line.level === 40)).toBe(false);
  } finally {
    await stopping.stop();
  }
});

/** An event stream read frame by frame (tests/support/sse.ts). */
async function openFrames(url: string) {
  const aborter = new AbortController();
  const response = await fetch(url, { signal: aborter.signal });
  return { response, sse: sseReader(response.body as ReadableStream<Uint8Array>), close: () => aborter.abort() };
}

const liveViewers = async (url: string) => /^hustings_live_viewers (\d+)$/m.exec(await (await scrape(url, `Bearer ${METRICS_TOKEN}`)).text())?.[1];

// Last: it stops the spec's server.
test("past LIVE_MAX_VIEWERS a new viewer is told FULL and its stream ends; a place left is taken again; at shutdown the viewers are told when to come back", async () => {
  test.setTimeout(90_000);
  // The earlier tests' viewers have gone: the server has seen their connections close.
  await expect.poll(() => liveViewers(server.url)).toBe("0");
  const { hearing } = await makeWorldWithHearing(ownDb, { ready: true });
  const events = `${server.url}/api/hearings/${hearing.id}/events`;
  const viewers = [await openFrames(events), await openFrames(events)];
  for (const viewer of viewers) expect(await viewer.sse.nextState()).toMatchObject({ data: { change: "snapshot" } });

  const turnedAway = await openFrames(events);
  expect(turnedAway.response.status).toBe(200);
  const frames = await turnedAway.sse.rest();
  expect(Number(frames[0]?.retry)).toBeGreaterThanOrEqual(2_000);
  expect(frames.slice(1)).toEqual([{ event: "failure", data: { code: "FULL" } }]);

  // One leaves: the viewers' gauge says so once the server has seen the connection close, and the place is taken again.
  viewers[0]?.close();
  await expect.poll(() => liveViewers(server.url)).toBe("1");
  const next = await openFrames(events);
  expect(await next.sse.nextState()).toMatchObject({ data: { change: "snapshot" } });

  // Stopping: each open stream gets a second retry hint, then ends.
  await server.stop();
  for (const viewer of [viewers[1], next]) {
    const last = await viewer?.sse.rest();
    expect(last?.map((f) => Object.keys(f))).toEqual([["retry"]]);
  }
});
