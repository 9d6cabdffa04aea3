import "server-only";
import { db } from "@/lib/db";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { logInfrastructureFailure } from "@/lib/errors/log-infrastructure";
import { isShuttingDown, onShutdown } from "@/lib/lifecycle/shutdown";
import { provideLiveEngine, type LiveSink } from "@/lib/live/engine";
import { failureFrame, HEARING_ID, HEARTBEAT_FRAME, HEARTBEAT_MS, liveMaxViewers, retryFrame, type StreamFailure } from "@/lib/live/protocol";
import { errorField, logger } from "@/lib/observability/logger";
import { setGaugeReader } from "@/lib/observability/metrics";
import { withTimeout } from "@/lib/time/with-timeout";
import { liveBus, stateFrame, type LiveBus, type LiveMessage } from "./live-bus";
import { readHearingEvents, readPublicState, REPLAY_LIMIT, type HearingEventRow } from "./live-state";

// A viewer's Server-Sent Events stream of one hearing: the current state on connect (after
// replaying what a returning viewer missed), every change as the bus brings it, and a
// heartbeat now and then so that proxies keep an idle connection open and the browser can
// tell a silent connection from a dead one.
//
// The stream starts at once, before anything is read (docs/decisions/020-live-stream-recovery.md).
// While the database is out of reach, a viewer is given the last state this instance heard, and
// what follows once the bus is back; with none heard, or a hearing that does not exist, the
// stream says so in a `failure` event with a code and ends, and the live panel retries on its
// own schedule. A 4xx/5xx answer would make the browser's EventSource give up for good. Past the
// instance's audience cap (LIVE_MAX_VIEWERS) a new viewer is told FULL.
//
// Two ways deliver the same frames (docs/decisions/034-lean-live-stream.md): the production
// server writes them to its own responses (lib/live/lean-stream.ts, through the engine provided
// below), and Next's route reads them as a ReadableStream (openHearingStream), for a
// members-only hearing's signed-in viewers and wherever server.ts is not in front.

export { failureFrame, HEARTBEAT_MS, parseLastEventId, retryFrame, SSE_HEADERS, type StreamFailure } from "@/lib/live/protocol";

/** How long the opening may wait for the database before the viewer is told to come back. */
export const OPENING_TIMEOUT_MS = 4_000;
/** How long the opening waits for the bus's connection under way, if any. */
const SETTLE_MS = 1_000;
/** The audience cap's warning, at most this often. */
const FULL_WARNING_EVERY_MS = 60_000;

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

let fullWarnedAt = Number.NEGATIVE_INFINITY;

function warnFull(maxViewers: number) {
  const now = performance.now();
  if (now - fullWarnedAt < FULL_WARNING_EVERY_MS) return;
  fullWarnedAt = now;
  logger().warn({ maxViewers }, `live streams: ${maxViewers} viewers on this instance (LIVE_MAX_VIEWERS); new viewers are told FULL`);
}

type FollowOptions = {
  hearingId: string;
  lastEventId: number | null;
  sink: LiveSink;
  bus?: LiveBus;
  heartbeatMs?: number;
  openingTimeoutMs?: number;
  /** At most this many streams open in the process (default LIVE_MAX_VIEWERS). */
  maxViewers?: number;
  /** The current public state, when the bus has none in memory (default: read from the database). */
  readState?: (hearingId: string) => Promise<{ version: number } | null>;
  /** Missed events the bus no longer keeps (default: read from the database). */
  readEvents?: (hearingId: string, after: number, upTo: number) => Promise<HearingEventRow[]>;
};

type StreamOptions = Omit<FollowOptions, "sink"> & { signal: AbortSignal };

/**
 * A viewer's stream of `hearingId` on `sink`, started before anything is read; returns its
 * close (for a viewer who left; idempotent). Who may read it is the caller's question, asked
 * before (lib/hearings/live-access.ts, docs/domain.md#webcast-access).
 */
export function followHearing({
  hearingId,
  lastEventId,
  sink,
  bus = liveBus(),
  heartbeatMs = HEARTBEAT_MS,
  openingTimeoutMs = OPENING_TIMEOUT_MS,
  maxViewers = liveMaxViewers(),
  readState = (id) => readPublicState(db(), id),
  readEvents = (id, after, upTo) => readHearingEvents(db(), id, after, upTo),
}: FollowOptions): () => void {
  let open = true;
  let lastSent = -1;
  // Changes that arrive while the opening state is read wait here, so none is lost.
  let held: LiveMessage[] | null = [];
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined = undefined;
  const send = (bytes: Uint8Array) => {
    if (!open) return;
    try {
      sink.write(bytes);
    } catch {
      cleanup();
    }
  };
  const deliver = (message: LiveMessage) => {
    // A caption is outside the versions (docs/decisions/040-captions.md): sent as it comes.
    if (message.caption) return send(message.bytes);
    if (message.version <= lastSent) return;
    lastSent = message.version;
    send(message.bytes);
  };
  const closeForShutdown = () => {
    send(retryFrame());
    cleanup();
  };
  const cleanup = () => {
    if (!open) return;
    open = false;
    openStreams().delete(closeForShutdown);
    clearInterval(heartbeat);
    unsubscribe();
    sink.end();
  };
  const fail = (code: StreamFailure) => {
    send(failureFrame(code));
    cleanup();
  };
  send(retryFrame());
  // A server that is stopping sends its new viewers elsewhere at once, the retry hint said.
  if (isShuttingDown()) {
    cleanup();
    return cleanup;
  }
  if (openStreams().size >= maxViewers) {
    warnFull(maxViewers);
    fail("FULL");
    return cleanup;
  }
  openStreams().add(closeForShutdown);
  if (!HEARING_ID.test(hearingId)) {
    fail("NOT_FOUND");
    return cleanup;
  }

  // Subscribed before the state is taken, so that no change falls between the two.
  unsubscribe = bus.subscribe(hearingId, (message) => (held ? held.push(message) : deliver(message)));
  heartbeat = setInterval(() => send(HEARTBEAT_FRAME), heartbeatMs);

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
    // The latest captions, for a viewer who arrives mid-sentence; never holds the opening up.
    const captions = withTimeout(bus.recentCaptions(hearingId), openingTimeoutMs).catch((): LiveMessage[] => []);
    const missed = lastEventId === null ? 0 : state.version - lastEventId;
    let replay: HearingEventRow[] = [];
    if (lastEventId !== null && missed > 1 && missed <= REPLAY_LIMIT) {
      // The steps in between are a courtesy: without them the current state still comes.
      replay =
        bus.recentEvents(hearingId, lastEventId, state.version - 1) ??
        (await withTimeout(readEvents(hearingId, lastEventId, state.version - 1), openingTimeoutMs).catch(() => []));
    }
    return { state, replay, captions: await captions };
  };

  void opening().then(
    (opened) => {
      if (!open) return;
      if (!opened) return fail("NOT_FOUND");
      const { state, replay, captions } = opened;
      const now = new Date();
      for (const row of replay) deliver({ hearingId, version: row.version, type: row.type, bytes: stateFrame(row.version, row.type, row.payload, now) });
      // Always end the opening with the current state: a returning viewer gets it too.
      lastSent = Math.max(lastSent, state.version - 1);
      deliver({ hearingId, version: state.version, type: "snapshot", bytes: stateFrame(state.version, "snapshot", state.payload, now) });
      for (const caption of captions) deliver(caption);
      const waiting = held ?? [];
      held = null;
      for (const message of waiting) deliver(message);
    },
    () => fail("UNAVAILABLE"),
  );
  return cleanup;
}

/**
 * The event stream of `hearingId` as a ReadableStream (Next's route), returned before anything
 * is read; it ends when `signal` aborts or its reader cancels.
 */
export function openHearingStream({ signal, ...options }: StreamOptions): ReadableStream<Uint8Array> {
  let close = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (signal.aborted) return controller.close();
      const onAbort = () => close();
      signal.addEventListener("abort", onAbort);
      close = followHearing({
        ...options,
        sink: {
          write: (bytes) => controller.enqueue(bytes),
          end: () => {
            signal.removeEventListener("abort", onAbort);
            try {
              controller.close();
            } catch {
              // Already closed or errored by the consumer.
            }
          },
        },
      });
    },
    cancel() {
      close();
    },
  });
}

/** Whether anyone may read `hearingId`'s stream, read afresh (the lean path keeps it a few seconds). */
async function webcastAccess(hearingId: string): Promise<"open" | "members"> {
  if (!HEARING_ID.test(hearingId)) return "open";
  try {
    const hearing = await db().hearing.findUnique({ where: { id: hearingId }, select: { webcastAccess: true } });
    return hearing === null || hearing.webcastAccess === "PUBLIC" ? "open" : "members";
  } catch (error) {
    const failure = classifyInfrastructureError(error);
    if (failure) logInfrastructureFailure(failure, error);
    else logger().error({ err: errorField(error), hearingId }, "live stream: the hearing's webcast access could not be read");
    throw error;
  }
}

// The production server's own path serves the public streams with this (lib/live/engine.ts).
provideLiveEngine({
  follow: (options) => followHearing(options),
  access: webcastAccess,
});
