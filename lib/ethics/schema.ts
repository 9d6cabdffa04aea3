import { optionalText, text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

// Limits shared by the candidate's and the Ethics Office's forms and the services (docs/conventions.md#schemas-and-limits).
export const ETHICS_LIMITS = { question: 2000, comment: 4000, id: 64 } as const;

const recordId = z.string().trim().min(1).max(ETHICS_LIMITS.id);

/** The candidate's request: which draft, and what they want to know (001: a confidential review). */
export const requestReviewSchema = z.object({
  materialId: recordId,
  question: text(ETHICS_LIMITS.question),
});

export const REVIEW_OUTCOMES = ["CLEARED", "ADVICE"] as const;

/** The Ethics Office's answer: cleared, or advice that must say what to change. */
export const answerReviewSchema = z
  .object({
    reviewId: recordId,
    outcome: z.enum(REVIEW_OUTCOMES, { error: "ethicsOffice.outcomeRequired" }),
    comment: optionalText(ETHICS_LIMITS.comment),
  })
  .refine((a) => a.outcome !== "ADVICE" || a.comment !== null, { path: ["comment"], error: "ethicsOffice.commentRequired" });

export type AnswerReviewInput = z.input<typeof answerReviewSchema>;
