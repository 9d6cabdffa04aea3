import type { RateLimit } from "@/lib/abuse/rate-limit";

// The live hearing's webcast questions, limited as the forum's are (lib/abuse/rate-limit.ts):
// - Per address, across hearings: the forum's pace; one viewer asking each candidate of a
//   hearing a question or two in its hours never meets it.
// - Per hearing: a ceiling against floods from many addresses; the chair reads a handful
//   of questions per candidate, and 60 a minute is far more than a queue can hold usefully.
export const HEARING_QUESTION_RATE_LIMITS = {
  perAddress: { max: 5, windowMs: 10 * 60_000 },
  perHearing: { max: 60, windowMs: 60_000 },
} as const satisfies Record<string, RateLimit>;
