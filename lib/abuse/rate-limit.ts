// Rate limits of the public's forms, counted from the rows they create (no extra table, and
// they hold across app instances): each area states its own limits (lib/forum/limits.ts,
// lib/hearings/question-limits.ts) and both compute the wait the same way here.

export type RateLimit = { max: number; windowMs: number };

/**
 * Given the creation times of the rows counted in a limit's window, how long until one more
 * is allowed: none while under the limit; else until the oldest counted row leaves the
 * window (with `max` rows counted, the oldest of them is the one that must expire).
 */
export function retryAfterSeconds(limit: RateLimit, counted: readonly Date[], now: Date): number | null {
  if (counted.length < limit.max) return null;
  const oldest = Math.min(...counted.map((d) => d.getTime()));
  return Math.max(1, Math.ceil((oldest + limit.windowMs - now.getTime()) / 1000));
}

/** The longest of several waits (null when every limit lets the row through). */
export function longestWait(waits: readonly (number | null)[]): number | null {
  const real = waits.filter((s): s is number => s !== null);
  return real.length === 0 ? null : Math.max(...real);
}
