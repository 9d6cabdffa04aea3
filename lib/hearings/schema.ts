import { normaliseEntropy } from "@/lib/draw/verifiable-draw";
import { localDateTime, optionalText } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { QUESTIONS_PER_CANDIDATE, SLOT_MINUTES, webcastSourceValid } from "./rules";

// Limits shared by the hearing set-up form and the services (docs/conventions.md#schemas-and-limits).
export const HEARING_LIMITS = { venue: 200, webcastSource: 500 } as const;

// Not fields.ts's `integer`: its schema-wide { error: "number" } also replaces the
// min/max messages, so "4" would read "Enter a number." instead of "Enter 5 or more."
const minutes = z.coerce.number().int({ error: "integer" }).min(SLOT_MINUTES.min).max(SLOT_MINUTES.max);

export const setUpHearingSchema = z
  .object({
    /** Wall time in the conference's zone, as a datetime-local input gives it. */
    startsAt: localDateTime,
    presentationMinutes: minutes,
    qaMinutes: minutes,
    questionsPerCandidate: z.coerce
      .number()
      .refine((n) => (QUESTIONS_PER_CANDIDATE as readonly number[]).includes(n), { error: "adminHearing.questionsTwoOrThree" }),
    chairId: z.string().trim().min(1),
    venue: optionalText(HEARING_LIMITS.venue),
    webcastKind: z.enum(["NONE", "MUX_PLAYBACK_ID", "URL"]),
    webcastSource: optionalText(HEARING_LIMITS.webcastSource),
    webcastAccess: z.enum(["PUBLIC", "MEMBERS"]),
  })
  .refine((h) => webcastSourceValid(h.webcastKind, h.webcastSource), {
    path: ["webcastSource"],
    error: "adminHearing.webcastSourceInvalid",
  })
  .transform((h) => ({ ...h, webcastSource: h.webcastKind === "NONE" ? null : h.webcastSource }));

export type SetUpHearingInput = z.input<typeof setUpHearingSchema>;

/** Actions that need no input but the form's own locale. */
export const noInputSchema = z.object({}).loose();

/** A re-opening voids a public commitment: its reason is logged and published. */
export const REOPEN_LIMITS = { reasonMin: 10, reasonMax: 500 } as const;

export const reopenSetUpSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(REOPEN_LIMITS.reasonMin, { error: `adminHearing.reopenReasonTooShort:${REOPEN_LIMITS.reasonMin}` })
      .max(REOPEN_LIMITS.reasonMax),
  })
  .loose();

/** Public entropy typed at a draw: the digits of dice rolled in the room (lib/draw/verifiable-draw.ts). */
export const ENTROPY_LIMITS = { inputMax: 200 } as const;

/** The entropy field, normalised; `messageKey` is the refusal's wording in the form's namespace. */
export function entropyField(messageKey: string) {
  return z
    .string({ error: messageKey })
    .max(ENTROPY_LIMITS.inputMax, { error: messageKey })
    .transform((raw, ctx) => {
      const entropy = normaliseEntropy(raw);
      if (entropy === null) {
        ctx.addIssue({ code: "custom", message: messageKey });
        return z.NEVER;
      }
      return entropy;
    });
}

export const drawRunningOrderSchema = z.object({ entropy: entropyField("adminHearing.entropyInvalid") }).loose();

export const closeRecordSchema = z.object({ hearingId: z.string().trim().min(1).max(64) }).loose();
