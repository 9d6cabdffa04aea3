// The live hearing's event stream as a viewer's browser receives it, byte for byte: its headers,
// the retry hint, the failures, the heartbeat (docs/decisions/020-live-stream-recovery.md,
// docs/decisions/034-lean-live-stream.md). Shared by the two ways the stream is served: written
// by the production server itself (lib/live/lean-stream.ts) and by Next's route
// (app/api/hearings/[id]/events/route.ts, lib/hearings/live-stream.ts).
//
// No "server-only" and no "@/" imports here: server.ts loads this file under plain tsx.

export const HEARTBEAT_MS = 15_000;

const encoder = new TextEncoder();

/** One frame for every viewer, every time: encoded once. */
export const HEARTBEAT_FRAME = encoder.encode("event: heartbeat\ndata: {}\n\n");

/** The shape of a hearing's id (cuid); anything else is refused without a query. */
export const HEARING_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: neither Next's gzip nor a proxy's may compress or buffer the stream; gzip per
  // viewer cost a deflate stream per connection and a flush per event
  // (docs/decisions/020-live-stream-recovery.md).
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

/**
 * Why a stream ended at its opening: no such hearing, the database could not be read in time,
 * or this instance already serves as many viewers as it may (LIVE_MAX_VIEWERS): the live panel
 * then follows the hearing another way (docs/decisions/034-lean-live-stream.md).
 */
export type StreamFailure = "NOT_FOUND" | "UNAVAILABLE" | "FULL";

/** `Last-Event-ID` (or the `after` parameter) as a version, or null when absent or not one of ours. */
export function parseLastEventId(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,9}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The browser's wait before its own reconnection, spread over 2–5 s so that a crowd does not return at once. */
export function retryFrame(random = Math.random): Uint8Array {
  return encoder.encode(`retry: ${2_000 + Math.floor(random() * 3_000)}\n\n`);
}

const FAILURES = new Map<StreamFailure, Uint8Array>();

export function failureFrame(code: StreamFailure): Uint8Array {
  let frame = FAILURES.get(code);
  if (!frame) FAILURES.set(code, (frame = encoder.encode(`event: failure\ndata: ${JSON.stringify({ code })}\n\n`)));
  return frame;
}

/**
 * How many viewers one instance serves at most (docs/decisions/034-lean-live-stream.md): at
 * 12,000 the lean stream measured well inside its latency and memory targets at 10,000; past the
 * cap a new viewer is told FULL and follows the hearing by the state endpoint instead.
 */
export const DEFAULT_MAX_VIEWERS = 12_000;

/** LIVE_MAX_VIEWERS: a whole number of viewers from 1 to 1,000,000; unset or empty is the default. */
export function parseMaxViewers(value: string | undefined): number {
  const text = value?.trim() ?? "";
  if (text === "") return DEFAULT_MAX_VIEWERS;
  const count = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(count) || count < 1 || count > 1_000_000) {
    throw new Error(`LIVE_MAX_VIEWERS must be a whole number of viewers from 1 to 1000000, got "${value}"`);
  }
  return count;
}

let maxViewers: number | undefined;

/** This process's cap, read once from LIVE_MAX_VIEWERS. */
export function liveMaxViewers(): number {
  maxViewers ??= parseMaxViewers(process.env.LIVE_MAX_VIEWERS);
  return maxViewers;
}

/** LIVE_LEAN_STREAM: "on" (the default) or "off", every stream through Next's route as before (a way back, and the bench's comparison). */
export function parseLeanSwitch(value: string | undefined): boolean {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "on") return true;
  if (text === "off") return false;
  throw new Error(`LIVE_LEAN_STREAM must be "on" or "off", got "${value}"`);
}
