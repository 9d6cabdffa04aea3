import { integer } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { entropyField } from "./schema";

// Inputs of the chair's console, shared by its forms and the services (docs/conventions.md#schemas-and-limits).
export const EXTENSION_LIMITS = { minMinutes: 1, maxMinutes: 30, reasonMin: 10, reasonMax: 500 } as const;

const id = z.string().trim().min(1).max(64);

export const hearingMoveSchema = z.object({ hearingId: id });

export const extendSchema = z.object({
  hearingId: id,
  minutes: integer(EXTENSION_LIMITS.minMinutes, EXTENSION_LIMITS.maxMinutes),
  // Logged and shown in the parity report: "more time" is not a reason.
  reason: z
    .string()
    .trim()
    .min(EXTENSION_LIMITS.reasonMin, { error: `hearingLive.reasonTooShort:${EXTENSION_LIMITS.reasonMin}` })
    .max(EXTENSION_LIMITS.reasonMax),
});

export const questionActionSchema = z.object({ hearingId: id, questionId: id });

/**
 * The chair's question draw: the public entropy typed from the dice rolled in the room, and
 * the chair's confirmation when questions still await a decision (a checkbox's "on", or true).
 */
export const drawQuestionsSchema = z.object({
  hearingId: id,
  entropy: entropyField("hearingLive.entropyInvalid"),
  confirmPending: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
