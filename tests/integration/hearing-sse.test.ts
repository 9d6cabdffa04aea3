import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/hearings/[id]/events/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { pauseHearing, resumeHearing, startHearing, startPresentation } from "@/lib/hearings/live";
import { LiveBus, liveBus, type LiveMessage } from "@/lib/hearings/live-bus";
import { readHearingEvents, REPLAY_LIMIT } from "@/lib/hearings/live-state";
import { openHearingStream } from "@/lib/hearings/live-stream";
import { withAppDatabase } from "../support/app-database";
import { asActor } from "../support/factories";
import { makeReadyHearing } from "../support/factories-live";
import { sseReader } from "../support/sse";

// The route reads the webcast access through the page cache, which only a running server has,
// and the viewer's session, which only a request has: here the access is read each time and
// the viewer is anonymous (tests/e2e/same-origin.spec.ts covers members through the server).
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => null }));

// Two app instances on one database, as behind a load balancer: each has its own LISTEN
// connection and its own pool. A chair's move made through the service must reach the
// viewers of both.
const database = withAppDatabase();
let db: PrismaClient;
const instances: Array<{ bus: LiveBus; reads: number; errors: unknown[]; pool: PrismaClient }> = [];

function makeInstance() {
  const pool = createDb(database.url());
  const instance = {
    pool,
    reads: 0,
    errors: [] as unknown[],
    bus: null as unknown as LiveBus,
  };
  instance.bus = new LiveBus({
    connectionString: database.url(),
    readEvents: (hearingId, after, upTo) => {
      instance.reads += 1;
      return readHearingEvents(pool, hearingId, after, upTo);
    },
    onError: (error) => instance.errors.push(error),
  });
  instances.push(instance);
  return instance;
}

beforeAll(async () => {
  db = createDb(database.url());
});

afterAll(async () => {
  for (const instance of instances) {
    await instance.bus.close();
    await instance.pool.$disconnect();
  }
  await liveBus().close();
  await db.$disconnect();
});

type Move = (args: {
  actor: ReturnType<typeof asActor>;
  input: { hearingId: string; expectedVersion: number; confirmed?: string };
}) => Promise<{ version: number }>;

/** A chair's move made against the hearing's current version, as the console makes it. */
async function move(service: Move, actor: ReturnType<typeof asActor>, hearingId: string) {
  const { stateVersion } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } });
  // The start is confirmed, as the console's dialog does; the other moves take no such field.
  return service({ actor, input: { hearingId, expectedVersion: stateVersion, confirmed: "yes" } });
}

/** The next message for `hearingId` on `bus` that satisfies `accept`. */
// The wait only bounds a failure: Vitest runs niced beside the browser tests, and a starved
// worker hears a NOTIFY late (docs/testing.md).
function nextMessage(bus: LiveBus, hearingId: string, accept: (m: LiveMessage) => boolean = () => true, timeoutMs = 25_000) {
  return new Promise<LiveMessage>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no message for ${hearingId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = bus.subscribe(hearingId, (message) => {
      if (!accept(message)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(message);
    });
  });
}

function get(hearingId: string, init: { lastEventId?: string; signal: AbortSignal }) {
  const headers: Record<string, string> = init.lastEventId === undefined ? {} : { "Last-Event-ID": init.lastEventId };
  return GET(new Request(`http://localhost/api/hearings/${hearingId}/events`, { headers, signal: init.signal }), {
    params: Promise.resolve({ id: hearingId }),
  });
}

describe("the live bus across two app instances", () => {
  it("brings a move made through the service to the subscribers of another instance, read once there", async () => {
    const a = makeInstance();
    const b = makeInstance();
    await Promise.all([a.bus.ready(), b.bus.ready()]);
    expect(a.bus.backendPid).not.toBe(b.bus.backendPid);
    const { hearingId, chair } = await makeReadyHearing(db);

    const onB = Array.from({ length: 25 }, () => nextMessage(b.bus, hearingId));
    const onA = nextMessage(a.bus, hearingId);
    const readsBefore = b.reads;
    const state = await move(startHearing, asActor(chair), hearingId);

    const received = await Promise.all(onB);
    expect(received.every((m) => m.version === state.version && m.type === "hearing-started")).toBe(true);
    // One read, one formatted frame, shared by every subscriber of the instance.
    expect(b.reads - readsBefore).toBe(1);
    expect(new Set(received.map((m) => m.bytes)).size).toBe(1);
    const text = new TextDecoder().decode(received[0]?.bytes);
    expect(text).toMatch(new RegExp(`^id: ${state.version}\nevent: state\ndata: `));
    expect(JSON.parse(text.split("data: ")[1] ?? "")).toMatchObject({ hearingId, version: state.version, status: "LIVE", change: "hearing-started" });
    expect((await onA).version).toBe(state.version);
    expect(b.bus.subscriberCount(hearingId)).toBe(0);
  });

  it("announces nothing for a refused move", async () => {
    const b = makeInstance();
    await b.bus.ready();
    const { hearingId, chair } = await makeReadyHearing(db);
    const heard: LiveMessage[] = [];
    const unsubscribe = b.bus.subscribe(hearingId, (m) => heard.push(m));
    await expect(move(startPresentation, asActor(chair), hearingId)).rejects.toThrow();
    const probe = nextMessage(b.bus, hearingId);
    await move(startHearing, asActor(chair), hearingId);
    await probe;
    unsubscribe();
    expect(heard.map((m) => m.version)).toEqual([1]);
  });

  it("reconnects after losing its LISTEN connection and catches up on what it missed", async () => {
    const b = makeInstance();
    await b.bus.ready();
    const { hearingId, chair } = await makeReadyHearing(db);
    const heard: number[] = [];
    b.bus.subscribe(hearingId, (m) => heard.push(m.version));
    await move(startHearing, asActor(chair), hearingId);
    await expect.poll(() => heard).toEqual([1]);

    const pid = b.bus.backendPid;
    const admin = new pg.Client({ connectionString: database.url() });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await admin.end();
    // Made while the instance is deaf: delivered by the catch-up read after reconnecting.
    await move(startPresentation, asActor(chair), hearingId);
    await expect.poll(() => b.bus.backendPid !== null && b.bus.backendPid !== pid, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => heard, { timeout: 10_000 }).toEqual([1, 2]);
    await move(pauseHearing, asActor(chair), hearingId);
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual([1, 2, 3]);
    expect(b.errors.length).toBeGreaterThan(0);
  });
});

describe("GET /api/hearings/[id]/events", () => {
  it("sends the current state on connect, then each change, with SSE headers; cleans up on abort", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    await move(startHearing, asActor(chair), hearingId);
    const abort = new AbortController();
    const response = await get(hearingId, { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const sse = sseReader(response.body as ReadableStream<Uint8Array>);
    // The browser's own retry, spread over 2–5 s.
    expect(Number((await sse.next())?.retry)).toBeGreaterThanOrEqual(2_000);
    const first = await sse.nextState();
    expect(first).toMatchObject({ id: "1", data: { hearingId, version: 1, status: "LIVE", phase: "IDLE", change: "snapshot" } });
    expect(typeof first.data?.serverTime).toBe("string");

    // The change is made on this process's bus (the route's) through the service.
    await move(startPresentation, asActor(chair), hearingId);
    const change = await sse.nextState();
    expect(change).toMatchObject({ id: "2", data: { version: 2, phase: "PRESENTATION", change: "presentation-started", durationMs: 15 * 60_000 } });
    expect(liveBus().subscriberCount(hearingId)).toBe(1);

    abort.abort();
    expect(await sse.next()).toBeNull();
    expect(liveBus().subscriberCount(hearingId)).toBe(0);
  });

  it("replays what a returning viewer missed after Last-Event-ID, ending with the current state", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    await move(startHearing, actor, hearingId);
    await move(startPresentation, actor, hearingId);
    await move(pauseHearing, actor, hearingId);
    await move(resumeHearing, actor, hearingId);
    const abort = new AbortController();
    const sse = sseReader((await get(hearingId, { lastEventId: "1", signal: abort.signal })).body as ReadableStream<Uint8Array>);
    const frames = [await sse.nextState(), await sse.nextState(), await sse.nextState()];
    expect(frames.map((f) => [f.id, f.data?.change])).toEqual([
      ["2", "presentation-started"],
      ["3", "paused"],
      ["4", "snapshot"],
    ]);
    expect(frames[1]?.data?.pausedAt).not.toBeNull();
    expect(frames[2]?.data?.pausedAt).toBeNull();
    abort.abort();

    // Up to date, or an id that is not ours: just the current state.
    for (const lastEventId of ["4", "junk"]) {
      const again = new AbortController();
      const fresh = sseReader((await get(hearingId, { lastEventId, signal: again.signal })).body as ReadableStream<Uint8Array>);
      expect(await fresh.nextState()).toMatchObject({ id: "4", data: { change: "snapshot" } });
      again.abort();
      expect(await fresh.next()).toBeNull();
    }
  });

  it("gives a viewer too far behind only the current state", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    await move(startHearing, actor, hearingId);
    await move(startPresentation, actor, hearingId);
    // More stored events than a replay gives, written at once (no viewer is listening yet).
    const { stateVersion } = await db.hearing.update({
      where: { id: hearingId },
      data: { stateVersion: { increment: REPLAY_LIMIT + 2 } },
      select: { stateVersion: true },
    });
    await db.hearingEvent.createMany({
      data: Array.from({ length: REPLAY_LIMIT + 2 }, (_, i) => ({
        hearingId,
        version: stateVersion - REPLAY_LIMIT - 1 + i,
        type: "test-change",
        payload: { hearingId },
      })),
    });
    const version = 2 + REPLAY_LIMIT + 2;
    const abort = new AbortController();
    const sse = sseReader((await get(hearingId, { lastEventId: "1", signal: abort.signal })).body as ReadableStream<Uint8Array>);
    expect(await sse.nextState()).toMatchObject({ id: String(version), data: { change: "snapshot", version } });
    abort.abort();
    expect(await sse.next()).toBeNull();
  });

  it("sends a heartbeat while nothing changes", async () => {
    const { hearingId } = await makeReadyHearing(db);
    const abort = new AbortController();
    const stream = openHearingStream({ hearingId, lastEventId: null, signal: abort.signal, heartbeatMs: 50 });
    const sse = sseReader(stream as ReadableStream<Uint8Array>);
    expect(await sse.nextState()).toMatchObject({ id: "0", data: { status: "SCHEDULED", candidate: null } });
    // An event, not a comment: the panel sees it and knows the connection is alive.
    expect(await sse.next(2_000)).toEqual({ event: "heartbeat", data: {} });
    abort.abort();
  });

  it("gives an anonymous visitor no stream of a members-only hearing: a translated 401 (docs/decisions/027)", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    await db.hearing.update({
      where: { id: hearingId },
      data: { webcastAccess: "MEMBERS", webcastKind: "URL", webcastSource: "https://stream.example.org/live.m3u8" },
    });
    await move(startHearing, asActor(chair), hearingId);
    // No session, no cookie: an anonymous visitor.
    const response = await get(hearingId, { signal: new AbortController().signal });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: string };
    expect(body.error.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain("stream.example.org");
  });

  it("says inside the stream that a hearing does not exist, then ends it (an error answer would stop the browser for good)", async () => {
    for (const id of ["no-such-hearing", "not a hearing id!"]) {
      const response = await get(id, { signal: new AbortController().signal });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
      const frames = await sseReader(response.body as ReadableStream<Uint8Array>).rest();
      expect(frames.filter((f) => !f.retry)).toEqual([{ event: "failure", data: { code: "NOT_FOUND" } }]);
    }
  });
});
