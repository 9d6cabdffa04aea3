import "server-only";
import { db } from "@/lib/db";
import { ServiceBusyError } from "@/lib/errors/infrastructure";
import { HEARING_ID } from "@/lib/live/protocol";
import { withTimeout } from "@/lib/time/with-timeout";
import { liveBus, stateData, type LiveBus } from "./live-bus";
import { readPublicState, type HearingEventRow } from "./live-state";

// The hearing's live state as one JSON answer (app/api/hearings/[id]/state), for viewers the
// stream cannot take and for a CDN to keep a second or two
// (docs/decisions/035-state-endpoint-and-50k-viewers.md). The body is the stream's snapshot
// event: the public state, `change: "snapshot"`, the server's time when it was answered.
//
// Served from the live bus's memory (lib/hearings/live-bus.ts): an instance asked for a
// hearing keeps watching it for a while, so its LISTEN connection keeps that memory current and
// the answers after the first read nothing from the database. A crowd polling the origin
// directly (no CDN in front) costs the database one read per change per instance, as the
// stream does.

/** Shared caches keep an answer a second and may give it a little stale while they fetch the next. */
export const STATE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=2";
/** A members-only hearing's state is its viewers' alone (docs/decisions/027-same-origin-and-members-only-stream.md). */
export const PRIVATE_CACHE_CONTROL = "private, no-store";
/** How long a hearing stays watched on this instance after it was last asked for. */
export const WATCH_FOR_MS = 60_000;
/** How long the read may take before the asker is told to come back. */
export const READ_TIMEOUT_MS = 4_000;

export type StateAnswer = { found: false } | { found: true; version: number; etag: string; body: string };

type Watch = { unsubscribe: () => void; timer: NodeJS.Timeout };
const WATCHES = Symbol.for("hustings.stateEndpoint.watches");

function watches(): Map<string, Watch> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Watch> | undefined>;
  holder[WATCHES] ??= new Map();
  return holder[WATCHES];
}

/** Keeps `hearingId` watched by this instance's bus until WATCH_FOR_MS after the last ask. */
function keepWatching(bus: LiveBus, hearingId: string, forMs: number) {
  const all = watches();
  const existing = all.get(hearingId);
  if (existing) {
    existing.timer.refresh();
    return;
  }
  // No one is sent anything: the subscription only keeps the bus reading this hearing's changes.
  const unsubscribe = bus.subscribe(hearingId, () => undefined);
  const timer = setTimeout(() => {
    all.delete(hearingId);
    unsubscribe();
  }, forMs);
  timer.unref();
  all.set(hearingId, { unsubscribe, timer });
}

/** The weak validator of a state: a version is one state, whatever its `serverTime`. */
export function stateEtag(version: number): string {
  return `W/"v${version}"`;
}

/** The body of a state answer: the stream's snapshot event's data. */
export function stateBody(row: HearingEventRow, now = new Date()): string {
  return stateData(row.payload, "snapshot", now);
}

type ReadOptions = {
  bus?: LiveBus;
  read?: (hearingId: string) => Promise<{ version: number } | null>;
  timeoutMs?: number;
  watchForMs?: number;
};

/**
 * The current public state of `hearingId`, or `found: false`. From the bus's memory when
 * current; else read once (shared by whoever asks meanwhile). With the database out of reach,
 * the last state this instance heard, as the stream gives (docs/decisions/020-live-stream-recovery.md);
 * with none, throws (the route answers 503).
 */
export async function readStateAnswer(
  hearingId: string,
  { bus = liveBus(), read = (id) => readPublicState(db(), id), timeoutMs = READ_TIMEOUT_MS, watchForMs = WATCH_FOR_MS }: ReadOptions = {},
): Promise<StateAnswer> {
  if (!HEARING_ID.test(hearingId)) return { found: false };
  let row: HearingEventRow | null;
  try {
    row = await withTimeout(
      bus.opening(hearingId, () => read(hearingId)),
      timeoutMs,
      () => new ServiceBusyError("state reads", 2),
    );
  } catch (error) {
    row = bus.lastKnown(hearingId);
    if (!row) throw error;
  }
  if (!row) return { found: false };
  keepWatching(bus, hearingId, watchForMs);
  return { found: true, version: row.version, etag: stateEtag(row.version), body: stateBody(row) };
}
