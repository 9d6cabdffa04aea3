import { z } from "zod";

// The rehearsal's forms (docs/decisions/018-rehearsal-hearings.md), shared by the page and the
// services.

/** The word the secretariat types to purge a rehearsal; the same in every language, like a key. */
export const PURGE_WORD = "PURGE";

export const startRehearsalSchema = z.object({}).loose();

export const purgeRehearsalSchema = z.object({
  hearingId: z.string().trim().min(1, { error: "rehearsal.refusals.none" }).max(64),
  confirm: z
    .string({ error: "rehearsal.refusals.wordMismatch" })
    .trim()
    .refine((value) => value === PURGE_WORD, { error: "rehearsal.refusals.wordMismatch" }),
});
