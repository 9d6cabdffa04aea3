import { LOCALES } from "@/lib/i18n/routing";
import { checkbox } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { WRITTEN_ANSWER_LIMITS } from "./written-answer-rules";

// The candidate's written answer to a drawn question not reached (docs/fairness.md#after-the-hearing):
// shared by the workspace form and the service (docs/conventions.md#schemas-and-limits).
// "version", not "locale": the form's "locale" field is the interface language of the reply.
export const writtenAnswerSchema = z.object({
  questionId: z.string().trim().min(1).max(40),
  version: z.enum(LOCALES),
  body: z.string().trim().min(1).max(WRITTEN_ANSWER_LIMITS.body),
  // 001 A: both, as for anything the candidate publishes (lib/campaign/declarations.ts).
  declaredNoSymbols: checkbox,
  declaredNoResources: checkbox,
});

export type WrittenAnswerInput = z.input<typeof writtenAnswerSchema>;
