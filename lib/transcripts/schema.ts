import { LOCALES } from "@/lib/i18n/routing";
import { z } from "@/lib/validation/zod";

// Inputs of the secretariat's transcript forms, shared by the forms and the services
// (docs/decisions/041-transcript.md).

/** "floor" (the original speech, the authentic record) or one of the six interface languages. */
export const TRANSCRIPT_LANGUAGES = ["floor", ...LOCALES] as const;
export type TranscriptLanguage = (typeof TRANSCRIPT_LANGUAGES)[number];

export function isTranscriptLanguage(value: string): value is TranscriptLanguage {
  return (TRANSCRIPT_LANGUAGES as readonly string[]).includes(value);
}

export const TRANSCRIPT_LIMITS = { segmentText: 100_000, reason: 1_000, reasonMin: 10 } as const;

const id = z.string().trim().min(1).max(64);
const language = z.enum(TRANSCRIPT_LANGUAGES, { error: "adminTranscript.languageInvalid" });
/** The version the officer's page showed: a change made since refuses theirs. */
const version = z.coerce.number({ error: "invalid" }).int().min(1);

/** A first build names no version; a rebuild names the one it replaces. */
export const buildTranscriptSchema = z.object({
  hearingId: id,
  language,
  expectedVersion: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1), { error: "invalid" }),
});

export const editSegmentSchema = z.object({
  hearingId: id,
  segmentId: id,
  expectedVersion: version,
  text: z
    .string()
    .max(TRANSCRIPT_LIMITS.segmentText)
    // Control characters other than line ends and tabs are no one's words (and PostgreSQL refuses NUL).
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), { error: "adminTranscript.controlCharacters" })
    // Line ends as one kind; trailing spaces on a line mean nothing in a transcript.
    .transform((v) =>
      v
        .replace(/\r\n?/g, "\n")
        .replace(/[ \t]+$/gm, "")
        .trim(),
    ),
});

export const markOfficialSchema = z.object({ hearingId: id, language, expectedVersion: version });

export const withdrawOfficialSchema = z.object({
  hearingId: id,
  language,
  expectedVersion: version,
  reason: z.string().trim().min(TRANSCRIPT_LIMITS.reasonMin).max(TRANSCRIPT_LIMITS.reason),
});
