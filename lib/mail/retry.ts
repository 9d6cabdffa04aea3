// How the outbox retries: exponential backoff from one minute, at most four hours apart;
// after ten failed attempts (about 13 hours of trying) the message is marked FAILED and
// kept, with its last error, for someone to look at.
export const MAIL_RETRY = { maxAttempts: 10, baseDelayMs: 60_000, maxDelayMs: 4 * 3_600_000 } as const;

/** The wait after the `attempts`-th failed attempt (1-based). */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAIL_RETRY.maxDelayMs, MAIL_RETRY.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}
