// When the live panel tries its stream again after a failure (docs/decisions/020-live-stream-recovery.md):
// exponential backoff with full jitter. The n-th attempt in a row waits a random time in
// [0, min(cap, first · 2ⁿ)): viewers who lost the same instance or the same database at the
// same moment come back spread over seconds, not in the same one, and none waits longer than
// the cap once the cause is gone. No "server-only": the panel runs this in the browser.

export const RECONNECT = {
  /** The window of the first attempt after a drop: a crowd returns spread over it. */
  firstWindowMs: 3_000,
  /** No wait is longer: a viewer is back within this of the database's recovery (plus the attempt). */
  capMs: 8_000,
  /** A stream that has said nothing (not even a heartbeat) for this long is taken for dead. */
  silenceMs: 40_000,
} as const;

/** The wait before attempt `attempt` (0 for the first after a drop), in ms; `random` in [0, 1). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Number.isFinite(attempt) ? Math.min(Math.max(0, Math.floor(attempt)), 16) : 16;
  const window = Math.min(RECONNECT.capMs, RECONNECT.firstWindowMs * 2 ** exponent);
  const r = random();
  return Math.floor((Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0) * window);
}

/** The stream's address, resuming after `version` when one was seen. */
export function streamUrl(hearingId: string, after: number | null): string {
  const base = `/api/hearings/${encodeURIComponent(hearingId)}/events`;
  return after === null ? base : `${base}?after=${after}`;
}
