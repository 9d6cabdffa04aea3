import { integer } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { EXTENSION_KINDS } from "./clocks-schema";
import { entropyField } from "./schema";

// Inputs of the chair's console, shared by its forms and the services (docs/conventions.md#schemas-and-limits).
export const EXTENSION_LIMITS = { minMinutes: 1, maxMinutes: 30, reasonMin: 10, reasonMax: 500 } as const;

const id = z.string().trim().min(1).max(64);

/** The refusal of a move that does not say which state of the hearing it was made on. */
export const VERSION_MISSING = "hearingLive.versionMissing";

/**
 * The state version the move was made against (docs/decisions/021-chair-moves-name-their-version.md):
 * the console sends the version it was rendered with; a typed caller passes the number.
 */
export const expectedVersionField = z.union(
  [
    z.number({ error: VERSION_MISSING }).int({ error: VERSION_MISSING }).min(0, { error: VERSION_MISSING }),
    z
      .string({ error: VERSION_MISSING })
      .regex(/^\d{1,10}$/, { error: VERSION_MISSING })
      .transform(Number),
  ],
  { error: VERSION_MISSING },
);

export const hearingMoveSchema = z.object({ hearingId: id, expectedVersion: expectedVersionField });

/** The end cannot be undone: the form's confirmation dialog sends `confirmed=yes`, and nothing else is taken. */
export const endHearingSchema = hearingMoveSchema.extend({
  confirmed: z.literal("yes", { error: "hearingLive.endNotConfirmed" }),
});

/**
 * Neither can the start: it fixes the presenters and the Member States sharing the costs
 * (docs/conventions.md#confirmations). Confirmed the same way as the end.
 */
export const startHearingSchema = hearingMoveSchema.extend({
  confirmed: z.literal("yes", { error: "hearingLive.startNotConfirmed" }),
});

export const extendSchema = z.object({
  hearingId: id,
  expectedVersion: expectedVersionField,
  minutes: integer(EXTENSION_LIMITS.minMinutes, EXTENSION_LIMITS.maxMinutes),
  // Logged and shown in the parity report: "more time" is not a reason.
  reason: z
    .string()
    .trim()
    .min(EXTENSION_LIMITS.reasonMin, { error: `hearingLive.reasonTooShort:${EXTENSION_LIMITS.reasonMin}` })
    .max(EXTENSION_LIMITS.reasonMax),
  // An ordinary extension, or an accommodation granted live (docs/fairness.md#accommodation).
  kind: z.enum(EXTENSION_KINDS, { error: "hearingClocks.errors.kindRequired" }).default("EXTENSION"),
});

export const questionActionSchema = z.object({ hearingId: id, expectedVersion: expectedVersionField, questionId: id });

/**
 * The chair's question draw: the public entropy typed from the dice rolled in the room, and
 * the chair's confirmation when questions still await a decision (a checkbox's "on", or true).
 */
export const drawQuestionsSchema = z.object({
  hearingId: id,
  expectedVersion: expectedVersionField,
  entropy: entropyField("hearingLive.entropyInvalid"),
  confirmPending: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
