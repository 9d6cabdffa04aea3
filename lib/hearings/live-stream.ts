import "server-only";
import { db } from "@/lib/db";
import { isShuttingDown, onShutdown } from "@/lib/lifecycle/shutdown";
import { setGaugeReader } from "@/lib/observability/metrics";
import { liveBus, stateFrame, type LiveBus, type LiveMessage } from "./live-bus";
import { readHearingEvents, readPublicState, REPLAY_LIMIT, type HearingEventRow } from "./live-state";

// A viewer's Server-Sent Events stream of one hearing: the current state on connect (after
// replaying what a returning viewer missed), every change as the bus brings it, and a
// heartbeat now and then so that proxies keep an idle connection open and the browser can
// tell a silent connection from a dead one.
//
// The stream is returned at once, before anything is read (docs/decisions/020-live-stream-recovery.md).
// While the database is out of reach, a viewer is given the last state this instance heard, and
// what follows once the bus is back; with none heard, or a hearing that does not exist, the
// stream says so in a `failure` event with a code and ends, and the live panel retries on its
// own schedule. A 4xx/5xx answer would make the browser's EventSource give up for good.

export const HEARTBEAT_MS = 15_000;
/** How long the opening may wait for the database before the viewer is told to come back. */
export const OPENING_TIMEOUT_MS = 4_000;
/** How long the opening waits for the bus's connection under way, if any. */
const SETTLE_MS = 1_000;

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode("event: heartbeat\ndata: {}\n\n");
/** The shape of a hearing's id (cuid); anything else is refused without a query. */
const HEARING_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: neither Next's gzip nor a proxy's may compress or buffer the stream; gzip per
  // viewer cost a deflate stream per connection and a flush per event
  // (docs/decisions/020-live-stream-recovery.md).
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

/** Why a stream ended at its opening: no such hearing, or the database could not be read in time. */
export type StreamFailure = "NOT_FOUND" | "UNAVAILABLE";

// The streams open in this process, each with its way of closing for a shutdown: kept on
// globalThis, as the shutdown hook and the viewers' gauge are read from other bundles
// (docs/decisions/029-observability-and-shutdown.md).
const OPEN = Symbol.for("hustings.liveStreams");

function openStreams(): Set<() => void> {
  const holder = globalThis as unknown as Record<symbol, Set<() => void> | undefined>;
  holder[OPEN] ??= new Set();
  return holder[OPEN];
}

// On SIGTERM every viewer is told when to come back (a jittered few seconds) and the stream
// ends: the browser reconnects, through the load balancer, to an instance that stays.
onShutdown("live streams", "streams", () => {
  for (const close of [...openStreams()]) close();
});
setGaugeReader("liveViewers", () => openStreams().size);

/** Event streams open in this process (the viewers' gauge, tests). */
export function openStreamCount(): number {
  return openStreams().size;
}

/** `Last-Event-ID` (or the `after` parameter) as a version, or null when absent or not one of ours. */
export function parseLastEventId(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The browser's wait before its own reconnection, spread over 2–5 s so that a crowd does not return at once. */
export function retryFrame(random = Math.random): Uint8Array {
  return encoder.encode(`retry: ${2_000 + Math.floor(random() * 3_000)}\n\n`);
}

export function failureFrame(code: StreamFailure): Uint8Array {
  return encoder.encode(`event: failure\ndata: ${JSON.stringify({ code })}\n\n`);
}

type StreamOptions = {
  hearingId: string;
  lastEventId: number | null;
  signal: AbortSignal;
  bus?: LiveBus;
  heartbeatMs?: number;
  openingTimeoutMs?: number;
  /** The current public state, when the bus has none in memory (default: read from the database). */
  readState?: (hearingId: string) => Promise<{ version: number } | null>;
  /** Missed events the bus no longer keeps (default: read from the database). */
  readEvents?: (hearingId: string, after: number, upTo: number) => Promise<HearingEventRow[]>;
};

/**
 * The event stream of `hearingId`, returned before anything is read. Who may read it is the
 * route's question, asked before (lib/hearings/live-access.ts, docs/domain.md#webcast-access).
 */
export function openHearingStream({
  hearingId,
  lastEventId,
  signal,
  bus = liveBus(),
  heartbeatMs = HEARTBEAT_MS,
  openingTimeoutMs = OPENING_TIMEOUT_MS,
  readState = (id) => readPublicState(db(), id),
  readEvents = (id, after, upTo) => readHearingEvents(db(), id, after, upTo),
}: StreamOptions): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      let lastSent = -1;
      // Changes that arrive while the opening state is read wait here, so none is lost.
      let held: LiveMessage[] | null = [];
      let unsubscribe = () => {};
      let heartbeat: NodeJS.Timeout | undefined = undefined;
      const send = (bytes: Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup();
        }
      };
      const deliver = (message: LiveMessage) => {
        if (message.version <= lastSent) return;
        lastSent = message.version;
        send(message.bytes);
      };
      const closeForShutdown = () => {
        send(retryFrame());
        cleanup();
      };
      cleanup = () => {
        if (!open) return;
        open = false;
        openStreams().delete(closeForShutdown);
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // Already closed or errored by the consumer.
        }
      };
      const fail = (code: StreamFailure) => {
        send(failureFrame(code));
        cleanup();
      };
      if (signal.aborted) return cleanup();
      signal.addEventListener("abort", cleanup);
      send(retryFrame());
      // A server that is stopping sends its new viewers elsewhere at once, the retry hint said.
      if (isShuttingDown()) return cleanup();
      openStreams().add(closeForShutdown);
      if (!HEARING_ID.test(hearingId)) return fail("NOT_FOUND");

      // Subscribed before the state is taken, so that no change falls between the two.
      unsubscribe = bus.subscribe(hearingId, (message) => (held ? held.push(message) : deliver(message)));
      heartbeat = setInterval(() => send(HEARTBEAT), heartbeatMs);

      const opening = async () => {
        // A connection under way is worth a moment's wait: then the opening state can come
        // from memory. If the bus is down, it catches this viewer up once it is back.
        await bus.settle(SETTLE_MS);
        let state: HearingEventRow | null;
        try {
          state = await withTimeout(
            bus.opening(hearingId, () => readState(hearingId)),
            openingTimeoutMs,
          );
        } catch (error) {
          // The database is out of reach: the last state this instance heard, if it heard one.
          state = bus.lastKnown(hearingId);
          if (!state) throw error;
        }
        if (!state) return null;
        const missed = lastEventId === null ? 0 : state.version - lastEventId;
        let replay: HearingEventRow[] = [];
        if (lastEventId !== null && missed > 1 && missed <= REPLAY_LIMIT) {
          // The steps in between are a courtesy: without them the current state still comes.
          replay =
            bus.recentEvents(hearingId, lastEventId, state.version - 1) ??
            (await withTimeout(readEvents(hearingId, lastEventId, state.version - 1), openingTimeoutMs).catch(() => []));
        }
        return { state, replay };
      };

      void opening().then(
        (opened) => {
          if (!open) return;
          if (!opened) return fail("NOT_FOUND");
          const { state, replay } = opened;
          const now = new Date();
          for (const row of replay) deliver({ hearingId, version: row.version, type: row.type, bytes: stateFrame(row.version, row.type, row.payload, now) });
          // Always end the opening with the current state: a returning viewer gets it too.
          lastSent = Math.max(lastSent, state.version - 1);
          deliver({ hearingId, version: state.version, type: "snapshot", bytes: stateFrame(state.version, "snapshot", state.payload, now) });
          const waiting = held ?? [];
          held = null;
          for (const message of waiting) deliver(message);
        },
        () => fail("UNAVAILABLE"),
      );
    },
    cancel() {
      cleanup();
    },
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
