// Anti-abuse limits of every forum alike, counted from the questions themselves (no extra
// table, and they hold across app instances).
// - Per address (a keyed hash of it): a person asking a few questions of several
//   candidates in a hearing's run-up never meets 5 in 10 minutes; a script does at once.
// - Per candidate: a ceiling against floods from many addresses. A real audience, even a
//   hearing room behind one conference network, sends far fewer than 30 a minute to one
//   candidate.
export const FORUM_RATE_LIMITS = {
  perAddress: { max: 5, windowMs: 10 * 60_000 },
  perCandidate: { max: 30, windowMs: 60_000 },
} as const;

// The live hearing's webcast questions (lib/hearings/questions.ts), by the same mechanism.
// - Per address, across hearings: the forum's pace; one viewer asking each candidate of a
//   hearing a question or two in its hours never meets it.
// - Per hearing: a ceiling against floods from many addresses; the chair reads a handful
//   of questions per candidate, and 60 a minute is far more than a queue can hold usefully.
export const HEARING_QUESTION_RATE_LIMITS = {
  perAddress: { max: 5, windowMs: 10 * 60_000 },
  perHearing: { max: 60, windowMs: 60_000 },
} as const;

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
