import { checkbox, integer } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

// Finer clocks, the split of the equal slot and accommodations (docs/fairness.md#finer-clocks,
// docs/fairness.md#accommodation): the inputs shared by the forms and the services
// (docs/conventions.md#schemas-and-limits).

export const CLOCK_LIMITS = {
  /** Seconds to put one question (WHO Africa: one minute). */
  questionMinSeconds: 10,
  questionMaxSeconds: 600,
  /** Seconds to answer one (WHO Africa: three minutes). */
  answerMinSeconds: 10,
  answerMaxSeconds: 1800,
  /** Minimum presentation and minimum Q&A of a split, in minutes. */
  boundMinMinutes: 1,
  boundMaxMinutes: 60,
} as const;

export const ACCOMMODATION_LIMITS = { minMinutes: 1, maxMinutes: 30, reasonMin: 10, reasonMax: 500 } as const;

/** The kinds of time added to a phase; the two last are accommodations (docs/fairness.md#accommodation). */
export const EXTENSION_KINDS = ["EXTENSION", "DISABILITY", "TECHNICAL"] as const;
export type ExtensionKind = (typeof EXTENSION_KINDS)[number];
export const ACCOMMODATION_KINDS = ["DISABILITY", "TECHNICAL"] as const;
export type AccommodationKind = (typeof ACCOMMODATION_KINDS)[number];

export function isAccommodation(kind: string): kind is AccommodationKind {
  return kind === "DISABILITY" || kind === "TECHNICAL";
}

const id = z.string().trim().min(1).max(64);

/** An optional whole number: an empty field is "none". */
const optionalInteger = (min: number, max: number) => z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), integer(min, max).nullable());

export const clocksSchema = z.object({
  hearingId: id,
  questionLimitSeconds: optionalInteger(CLOCK_LIMITS.questionMinSeconds, CLOCK_LIMITS.questionMaxSeconds),
  answerLimitSeconds: optionalInteger(CLOCK_LIMITS.answerMinSeconds, CLOCK_LIMITS.answerMaxSeconds),
  splitAllowed: checkbox,
  minPresentationMinutes: optionalInteger(CLOCK_LIMITS.boundMinMinutes, CLOCK_LIMITS.boundMaxMinutes),
  minQaMinutes: optionalInteger(CLOCK_LIMITS.boundMinMinutes, CLOCK_LIMITS.boundMaxMinutes),
});
export type ClocksInput = z.input<typeof clocksSchema>;

/** A candidate's split: the minutes of presentation; the questions get the rest of the equal total. */
export const splitSchema = z.object({
  hearingId: id,
  candidateId: id,
  presentationMinutes: integer(1, 240),
});

const reason = z
  .string({ error: "hearingClocks.errors.reasonRequired" })
  .trim()
  .min(ACCOMMODATION_LIMITS.reasonMin, { error: `hearingClocks.errors.reasonTooShort:${ACCOMMODATION_LIMITS.reasonMin}` })
  .max(ACCOMMODATION_LIMITS.reasonMax, { error: `hearingClocks.errors.reasonTooLong:${ACCOMMODATION_LIMITS.reasonMax}` });

/** An accommodation granted in advance by the secretariat: for one candidate, one phase. */
export const accommodationSchema = z.object({
  hearingId: id,
  candidateId: id,
  kind: z.enum(ACCOMMODATION_KINDS, { error: "hearingClocks.errors.kindRequired" }),
  phase: z.enum(["PRESENTATION", "QA"], { error: "hearingClocks.errors.phaseRequired" }),
  minutes: integer(ACCOMMODATION_LIMITS.minMinutes, ACCOMMODATION_LIMITS.maxMinutes),
  reason,
});
