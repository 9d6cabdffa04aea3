import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/hearings/[id]/events/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { LiveBus } from "@/lib/hearings/live-bus";
import { publishChange, readHearingEvents, readPublicState } from "@/lib/hearings/live-state";
import { openHearingStream } from "@/lib/hearings/live-stream";
import { withAppDatabase } from "../support/app-database";
import { makeReadyHearing } from "../support/factories-live";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";
import { sseReader } from "../support/sse";

// The route reads the hearing's webcast access through the page cache, which only a running
// server has; here it reads the database each time.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

// The live stream's recovery (docs/decisions/020-live-stream-recovery.md): the stream is
// opened before anything is read and reports failures inside itself; the opening state comes
// from the bus's memory while its LISTEN connection has been up since; a returning viewer is
// caught up from ?after= or Last-Event-ID; the bus finds a lost or silent LISTEN connection
// and catches up after re-LISTENing. The database restarts and freezes happen on a PostgreSQL
// of this file's own (tests/support/own-postgres.ts), never on the shared server.

const database = withAppDatabase();
let db: PrismaClient;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  db = createDb(database.url());
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  const { liveBus } = await import("@/lib/hearings/live-bus");
  await liveBus().close();
  await db.$disconnect();
});

/** A change committed as a chair's move commits one: version bumped, event stored, NOTIFY. */
function change(client: PrismaClient, hearingId: string, type = "test-change") {
  return client.$transaction((tx) => publishChange(tx, hearingId, type, new Date()));
}

function busOn(url: string, pool: PrismaClient, extra: Partial<ConstructorParameters<typeof LiveBus>[0]> = {}) {
  const counts = { events: 0, errors: [] as unknown[] };
  const bus = new LiveBus({
    connectionString: url,
    readEvents: (hearingId, after, upTo) => {
      counts.events += 1;
      return readHearingEvents(pool, hearingId, after, upTo);
    },
    onError: (error) => counts.errors.push(error),
    ...extra,
  });
  closers.push(() => bus.close());
  return { bus, counts };
}

function viewer(
  bus: LiveBus,
  hearingId: string,
  counts: { states: number },
  pool: PrismaClient,
  lastEventId: number | null = null,
  readEvents?: Parameters<typeof openHearingStream>[0]["readEvents"],
) {
  const abort = new AbortController();
  closers.push(async () => abort.abort());
  const stream = openHearingStream({
    hearingId,
    lastEventId,
    signal: abort.signal,
    bus,
    readState: (id) => {
      counts.states += 1;
      return readPublicState(pool, id);
    },
    readEvents,
  });
  return { sse: sseReader(stream), abort };
}

function get(hearingId: string, query: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  closers.push(async () => abort.abort());
  const response = GET(new Request(`http://localhost/api/hearings/${hearingId}/events${query}`, { headers, signal: abort.signal }), {
    params: Promise.resolve({ id: hearingId }),
  });
  return { response, abort };
}

describe("the stream opens before anything is read", () => {
  it("sends its first bytes at once though the database does not answer, then says it is unavailable and ends", async () => {
    // A bus whose server does not exist, and a state read that never returns.
    const bus = new LiveBus({ connectionString: "postgresql://nobody@127.0.0.1:9/none", readEvents: () => new Promise(() => undefined) });
    closers.push(() => bus.close());
    const abort = new AbortController();
    const stream = openHearingStream({
      hearingId: "hearing-of-nowhere",
      lastEventId: null,
      signal: abort.signal,
      bus,
      openingTimeoutMs: 300,
      readState: () => new Promise(() => undefined),
    });
    // "At once": the first bytes are in the stream when it is returned, readable before any
    // timer or I/O callback of this process could run (not a time measured, which a starved
    // test process would miss).
    const [early, rest] = stream.tee();
    const firstRead = await Promise.race([
      early
        .getReader()
        .read()
        .then(() => "in the stream"),
      new Promise((resolve) => setImmediate(() => resolve("later"))),
    ]);
    expect(firstRead).toBe("in the stream");
    const sse = sseReader(rest);
    const first = await sse.next(1_000);
    expect(Number(first?.retry)).toBeGreaterThanOrEqual(2_000);
    expect(Number(first?.retry)).toBeLessThan(5_000);
    expect(await sse.rest(2_000)).toEqual([{ event: "failure", data: { code: "UNAVAILABLE" } }]);
    expect(bus.subscriberCount("hearing-of-nowhere")).toBe(0);
  });

  it("spreads the browser's own retry over seconds", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const retries = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const { response, abort } = get(hearingId, "");
      const sse = sseReader((await response).body as ReadableStream<Uint8Array>);
      retries.add(String((await sse.next())?.retry));
      abort.abort();
    }
    expect(retries.size).toBeGreaterThan(1);
  });
});

describe("the opening state from the bus's memory", () => {
  it("reads the state once for a crowd arriving together, then gives it from memory, changes included", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const { bus } = busOn(database.url(), db);
    await bus.ready();
    const counts = { states: 0 };
    const crowd = Array.from({ length: 20 }, () => viewer(bus, hearingId, counts, db));
    const openings = await Promise.all(crowd.map((v) => v.sse.nextState()));
    expect(openings.every((f) => f.id === "0" && f.data?.change === "snapshot")).toBe(true);
    expect(counts.states).toBe(1);

    // A change reaches everyone watching; a viewer who arrives after it gets it from memory.
    await change(db, hearingId);
    for (const v of crowd) expect(await v.sse.nextState()).toMatchObject({ id: "1", data: { change: "test-change" } });
    const late = viewer(bus, hearingId, counts, db);
    const opening = await late.sse.nextState();
    expect(opening).toMatchObject({ id: "1", data: { change: "snapshot", version: 1 } });
    expect(counts.states).toBe(1);
    // Stamped now, for the viewer's clock offset, not when the change was read.
    expect(Date.parse(String(opening.data?.serverTime))).toBeGreaterThan(Date.now() - 2_000);
  });

  it("catches a returning viewer up from memory, without reading the event log", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const { bus } = busOn(database.url(), db);
    await bus.ready();
    const counts = { states: 0 };
    const watching = viewer(bus, hearingId, counts, db);
    await watching.sse.nextState();
    for (let i = 0; i < 4; i++) {
      await change(db, hearingId, `step-${i + 1}`);
      await watching.sse.nextState();
    }
    let logReads = 0;
    const back = viewer(bus, hearingId, counts, db, 1, () => {
      logReads += 1;
      return Promise.resolve([]);
    });
    const frames = [await back.sse.nextState(), await back.sse.nextState(), await back.sse.nextState()];
    expect(frames.map((f) => [f.id, f.data?.change])).toEqual([
      ["2", "step-2"],
      ["3", "step-3"],
      ["4", "snapshot"],
    ]);
    expect(logReads).toBe(0);
    expect(counts.states).toBe(1);
  });
});

describe("catch-up by ?after= and Last-Event-ID through the route", () => {
  it("resumes after ?after= (the panel's reconnection), and prefers Last-Event-ID (the browser's own)", async () => {
    const { hearingId } = await makeReadyHearing(db);
    for (let i = 0; i < 4; i++) await change(db, hearingId, `step-${i + 1}`);

    const byQuery = get(hearingId, "?after=1");
    const fromQuery = sseReader((await byQuery.response).body as ReadableStream<Uint8Array>);
    const queried = [await fromQuery.nextState(), await fromQuery.nextState(), await fromQuery.nextState()];
    expect(queried.map((f) => [f.id, f.data?.change])).toEqual([
      ["2", "step-2"],
      ["3", "step-3"],
      ["4", "snapshot"],
    ]);
    byQuery.abort.abort();

    const byHeader = get(hearingId, "?after=1", { "Last-Event-ID": "2" });
    const fromHeader = sseReader((await byHeader.response).body as ReadableStream<Uint8Array>);
    const headed = [await fromHeader.nextState(), await fromHeader.nextState()];
    expect(headed.map((f) => [f.id, f.data?.change])).toEqual([
      ["3", "step-3"],
      ["4", "snapshot"],
    ]);
    byHeader.abort.abort();
  });
});

describe("the bus after losing its database", () => {
  let own: OwnPostgres;
  let ownDb: PrismaClient;

  beforeAll(async () => {
    own = await startOwnPostgres();
    ownDb = createDb(own.url);
    closers.push(async () => {
      await ownDb.$disconnect();
      await own.stop();
    });
  }, 60_000);

  /** Retries while the database comes back: the first query after a restart may meet a dead pooled connection. */
  async function changeWhenBack(hearingId: string, type: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        return await change(ownDb, hearingId, type);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  it("re-LISTENs after a restart, catches up on what was committed meanwhile, and serves memory as current again only after that", async () => {
    const { hearingId } = await makeReadyHearing(ownDb);
    const { bus, counts } = busOn(own.appUrl, ownDb, { probeEveryMs: 200, probeTimeoutMs: 500 });
    await bus.ready();
    const heard: number[] = [];
    bus.subscribe(hearingId, (m) => heard.push(m.version));
    await change(ownDb, hearingId);
    await expect.poll(() => heard).toEqual([1]);
    const pid = bus.backendPid;

    await own.shutdown();
    await expect.poll(() => bus.listening, { timeout: 5_000 }).toBe(false);
    // Memory is no longer current: an opening reads (and fails, the database being down).
    await expect(bus.opening(hearingId, () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    // A viewer who connects meanwhile is given the last state heard, not a failure…
    const away = viewer(bus, hearingId, { states: 0 }, ownDb);
    expect(await away.sse.nextState(8_000)).toMatchObject({ id: "1", data: { change: "snapshot" } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await own.start();
    // Committed before the bus is back (or just as it is): the catch-up read brings it.
    await changeWhenBack(hearingId, "while-away");
    await expect.poll(() => bus.listening && bus.backendPid !== pid, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => heard, { timeout: 10_000 }).toEqual([1, 2]);
    // …and what was committed while it was away, once the bus is back.
    expect(await away.sse.nextState(5_000)).toMatchObject({ id: "2", data: { change: "while-away" } });
    await changeWhenBack(hearingId, "after");
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual([1, 2, 3]);
    expect(counts.errors.length).toBeGreaterThan(0);
    // Current again: the opening state comes from memory.
    let reads = 0;
    const opening = await bus.opening(hearingId, () => {
      reads += 1;
      return Promise.resolve(null);
    });
    expect(opening?.version).toBe(3);
    expect(reads).toBe(0);
  }, 40_000);

  it("takes a LISTEN connection that stops answering for dead, and listens again once the server answers", async () => {
    const { hearingId } = await makeReadyHearing(ownDb);
    const { bus, counts } = busOn(own.appUrl, ownDb, { probeEveryMs: 200, probeTimeoutMs: 500 });
    await bus.ready();
    const heard: number[] = [];
    bus.subscribe(hearingId, (m) => heard.push(m.version));
    const pid = bus.backendPid;
    const errorsBefore = counts.errors.length;

    const frozen = own.freeze(2_500);
    await expect.poll(() => counts.errors.length > errorsBefore && !bus.listening, { timeout: 2_000 }).toBe(true);
    expect(String(counts.errors.at(-1))).toMatch(/did not answer/);
    await frozen;
    await expect.poll(() => bus.listening && bus.backendPid !== pid, { timeout: 10_000 }).toBe(true);
    await changeWhenBack(hearingId, "after-thaw");
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual([1]);
  }, 30_000);
});
