import "server-only";
import { db } from "@/lib/db";
import { liveBus, stateFrame, type LiveBus, type LiveMessage } from "./live-bus";
import { readHearingEvents, readPublicState, REPLAY_LIMIT } from "./live-state";

// A viewer's Server-Sent Events stream of one hearing: the current state on connect (after
// replaying what a returning viewer missed), every change as the bus brings it, and a
// comment now and then so that proxies and the browser keep an idle connection open.

export const HEARTBEAT_MS = 15_000;
/** The browser's wait before reconnecting after a drop. */
const RETRY_MS = 2_000;

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(": heartbeat\n\n");

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

/** `Last-Event-ID` as a version, or null when absent or not one of ours. */
export function parseLastEventId(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return null;
  return Number(value.trim());
}

type StreamOptions = { hearingId: string; lastEventId: number | null; signal: AbortSignal; bus?: LiveBus; heartbeatMs?: number };

/** The event stream of `hearingId`, or null when there is no such hearing. Public: only the webcast may be restricted (docs/domain.md#webcast-access). */
export async function openHearingStream({ hearingId, lastEventId, signal, bus = liveBus(), heartbeatMs = HEARTBEAT_MS }: StreamOptions) {
  const exists = await db().hearing.findUnique({ where: { id: hearingId }, select: { id: true } });
  if (!exists || signal.aborted) return null;

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      let lastSent = -1;
      // Changes that arrive while the opening state is read wait here, so none is lost.
      let held: LiveMessage[] | null = [];
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
      const unsubscribe = bus.subscribe(hearingId, (message) => (held ? held.push(message) : deliver(message)));
      const heartbeat = setInterval(() => send(HEARTBEAT), heartbeatMs);
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // Already closed or errored by the consumer.
        }
      };
      signal.addEventListener("abort", cleanup);

      send(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      try {
        // LISTENing before the state is read, so that no change falls between the two. If
        // the connection is down, the bus catches up once it is back.
        await bus.ready().catch(() => undefined);
        const state = await readPublicState(db(), hearingId);
        if (!state) return cleanup();
        const missed = lastEventId === null ? 0 : state.version - lastEventId;
        if (lastEventId !== null && missed > 1 && missed <= REPLAY_LIMIT) {
          for (const row of await readHearingEvents(db(), hearingId, lastEventId, state.version - 1)) {
            deliver({ hearingId, version: row.version, type: row.type, bytes: stateFrame(row.version, row.type, row.payload) });
          }
        }
        // Always end the opening with the current state: a returning viewer gets it too.
        lastSent = Math.max(lastSent, state.version - 1);
        deliver({ hearingId, version: state.version, type: "snapshot", bytes: stateFrame(state.version, "snapshot", state) });
      } catch (error) {
        cleanup();
        throw error;
      }
      const waiting = held;
      held = null;
      for (const message of waiting) deliver(message);
    },
    cancel() {
      cleanup();
    },
  });
  return stream;
}
