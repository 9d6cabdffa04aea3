import { z } from "@/lib/validation/zod";

// Limits shared by the forum's forms and the services (STYLE.md 6).
export const FORUM_LIMITS = {
  name: 100,
  country: 100,
  affiliation: 200,
  email: 254,
  body: 2000,
  answer: 5000,
  reason: 1000,
  reasonMin: 10,
  pageSize: 20,
} as const;

/** A visually hidden text input that people leave empty and form-filling robots do not. */
export const HONEYPOT_FIELD = "website";

// Control characters other than tab and line feed carry no text (and PostgreSQL refuses
// NUL); they are dropped rather than refused, so that pasted text is not lost. Bidi
// controls are kept: they are text in Arabic and are always rendered as text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** What a person typed, with CR LF made LF and invisible control characters removed. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/** A one-line field: line breaks become spaces. */
function cleanLine(value: string): string {
  return cleanText(value).replace(/\s*\n\s*/g, " ");
}

export const line = (max: number) => z.string().transform(cleanLine).pipe(z.string().trim().min(1).max(max));
export const optionalLine = (max: number) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(z.string().trim().max(max))
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
export const paragraphs = (max: number) => z.string().transform(cleanText).pipe(z.string().trim().min(1).max(max));
const reason = z
  .string()
  .transform(cleanText)
  .pipe(z.string().trim().min(1).max(FORUM_LIMITS.reason).min(FORUM_LIMITS.reasonMin, { error: "forum.reasonTooShort" }));

const id = z.string().trim().min(1).max(40);

/** Only to tell the asker of an answer; never shown. Empty means none. */
const optionalEmail = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.email().max(FORUM_LIMITS.email).nullable())
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const askQuestionSchema = z.object({
  candidateId: id,
  askerName: line(FORUM_LIMITS.name),
  askerCountry: optionalLine(FORUM_LIMITS.country),
  askerAffiliation: optionalLine(FORUM_LIMITS.affiliation),
  askerEmail: optionalEmail,
  body: paragraphs(FORUM_LIMITS.body),
  // Read by the service before anything else; any value is accepted here so that a robot
  // learns nothing from a validation message.
  [HONEYPOT_FIELD]: z.unknown().optional(),
});

export type AskQuestionInput = z.input<typeof askQuestionSchema>;

/** Publish a pending question, optionally answering it at once. */
export const publishQuestionSchema = z.object({
  id,
  answer: z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().max(FORUM_LIMITS.answer))
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

/** Answer a published question later, or edit its answer. */
export const answerQuestionSchema = z.object({ id, answer: paragraphs(FORUM_LIMITS.answer) });

export const declineQuestionSchema = z.object({ id, reason });

/** A published question taken back by the candidate. */
export const withdrawQuestionSchema = z.object({ id, reason });

/** The secretariat hides abusive content from a forum. */
export const hideQuestionSchema = z.object({ id, reason });

export const FORUM_STATUSES = ["PENDING", "PUBLISHED", "DECLINED", "WITHDRAWN", "HIDDEN"] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

/** The text whose hash refuses exact repeats: case, spacing and Unicode forms do not make a question new. */
export function normaliseForRepeat(body: string): string {
  return cleanText(body).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
