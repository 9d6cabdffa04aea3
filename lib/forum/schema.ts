import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { cleanText, line, optionalLine, paragraphs, VISITOR_TEXT_LIMITS } from "@/lib/abuse/text";
import { z } from "@/lib/validation/zod";

// Limits shared by the forum's forms and the services (docs/conventions.md#schemas-and-limits);
// the asker's fields are the public's question fields (lib/abuse/text.ts).
export const FORUM_LIMITS = {
  ...VISITOR_TEXT_LIMITS,
  email: 254,
  answer: 5000,
  reason: 1000,
  reasonMin: 10,
  pageSize: 20,
} as const;

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
