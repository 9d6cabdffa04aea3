// When the live panel polls the hearing's state instead of streaming it, and when it tries the
// stream again (docs/decisions/035-state-endpoint-and-50k-viewers.md). Every wait is jittered:
// viewers turned away at the same moment (an instance full, a deploy) poll and come back
// spread over seconds, never in the same one. No "server-only": the panel runs this in the browser.

/** Why the panel polls: the server said its audience is full, or the stream keeps failing. */
export type FallbackReason = "FULL" | "UNAVAILABLE";

export const FALLBACK = {
  /** Stream failures in a row (no state in between) after which the panel also polls. */
  afterFailures: 2,
  /** The first poll once fallen back comes within this window: a crowd turned away at once is spread. */
  firstPollWindowMs: 2_000,
  /** Between polls that were answered: a random time in [min, max), fast enough for a live hearing. */
  pollMinMs: 2_000,
  pollMaxMs: 5_000,
  /** After polls that failed in a row: a window doubling from `first` up to `cap`, jittered in [½, 1] of it. */
  errorFirstMs: 5_000,
  errorCapMs: 60_000,
  /**
   * Trying the stream again after the server said FULL: a window doubling from `first` up to
   * `cap`, jittered in [½, 1]. A failing stream (UNAVAILABLE) keeps its own reconnection
   * schedule (lib/hearings/reconnect.ts): its cause may be gone within seconds.
   */
  fullProbeFirstMs: 30_000,
  fullProbeCapMs: 120_000,
} as const;

function unit(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
}

function doubling(first: number, cap: number, attempt: number): number {
  const exponent = Number.isFinite(attempt) ? Math.min(Math.max(0, Math.floor(attempt)), 16) : 16;
  return Math.min(cap, first * 2 ** exponent);
}

/** Whether the panel should poll: at once when the server says FULL, else after enough failures in a row. */
export function shouldPoll(reason: FallbackReason, failuresInRow: number): boolean {
  return reason === "FULL" || failuresInRow >= FALLBACK.afterFailures;
}

/** The wait before the first poll once fallen back, in ms. */
export function firstPollDelay(random: () => number = Math.random): number {
  return Math.floor(unit(random) * FALLBACK.firstPollWindowMs);
}

/**
 * The wait before the next poll, in ms: 2–5 s after an answer; after `errorsInRow` failed
 * polls, a growing jittered wait, and never less than the server's Retry-After.
 */
export function pollDelay(errorsInRow: number, retryAfterSeconds: number | null = null, random: () => number = Math.random): number {
  if (errorsInRow <= 0) return Math.floor(FALLBACK.pollMinMs + unit(random) * (FALLBACK.pollMaxMs - FALLBACK.pollMinMs));
  const window = doubling(FALLBACK.errorFirstMs, FALLBACK.errorCapMs, errorsInRow - 1);
  const delay = Math.floor(window * (0.5 + unit(random) / 2));
  const floor = retryAfterSeconds !== null && Number.isFinite(retryAfterSeconds) ? Math.min(Math.max(0, retryAfterSeconds), 300) * 1_000 : 0;
  return Math.max(delay, floor);
}

/** The wait before trying the stream again after its `attempt`-th FULL in a row (0 for the first), in ms. */
export function fullProbeDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(doubling(FALLBACK.fullProbeFirstMs, FALLBACK.fullProbeCapMs, attempt) * (0.5 + unit(random) / 2));
}

/** The state endpoint's address. */
export function stateUrl(hearingId: string): string {
  return `/api/hearings/${encodeURIComponent(hearingId)}/state`;
}
