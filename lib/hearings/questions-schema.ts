import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { line, optionalLine, paragraphs, VISITOR_TEXT_LIMITS } from "@/lib/abuse/text";
import { z } from "@/lib/validation/zod";

// Questions to a candidate at the live hearing, from the webcast page or handed in on a
// card in the room (¶6), shared by the forms and the services (docs/conventions.md#schemas-and-limits).
// The public's text rules and lengths (lib/abuse/text.ts), as in the forum: a question asked
// in both places fits both.
export const HEARING_QUESTION_LIMITS = {
  name: VISITOR_TEXT_LIMITS.name,
  // Country or organisation, in one field: as long as the forum's longer of the two.
  origin: VISITOR_TEXT_LIMITS.affiliation,
  body: VISITOR_TEXT_LIMITS.body,
} as const;

const id = z.string().trim().min(1).max(64);

const question = {
  hearingId: id,
  candidateId: id,
  askerName: line(HEARING_QUESTION_LIMITS.name),
  askerOrigin: optionalLine(HEARING_QUESTION_LIMITS.origin),
  body: paragraphs(HEARING_QUESTION_LIMITS.body),
};

/** A viewer's question, from the webcast page. */
export const viewerQuestionSchema = z.object({
  ...question,
  // Read by the service before anything else (as in the forum): any value passes here.
  [HONEYPOT_FIELD]: z.unknown().optional(),
});

/** A question handed in on a card in the room, typed in by the secretariat. */
export const roomQuestionSchema = z.object(question);

export type ViewerQuestionInput = z.input<typeof viewerQuestionSchema>;
export type RoomQuestionInput = z.input<typeof roomQuestionSchema>;
