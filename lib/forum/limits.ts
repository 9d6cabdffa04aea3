import type { RateLimit } from "@/lib/abuse/rate-limit";

// Anti-abuse limits of every forum alike, counted from the questions themselves (no extra
// table, and they hold across app instances; lib/abuse/rate-limit.ts computes the wait).
// - Per address (a keyed hash of it): a person asking a few questions of several
//   candidates in a hearing's run-up never meets 5 in 10 minutes; a script does at once.
// - Per candidate: a ceiling against floods from many addresses. A real audience, even a
//   hearing room behind one conference network, sends far fewer than 30 a minute to one
//   candidate.
export const FORUM_RATE_LIMITS = {
  perAddress: { max: 5, windowMs: 10 * 60_000 },
  perCandidate: { max: 30, windowMs: 60_000 },
} as const satisfies Record<string, RateLimit>;
