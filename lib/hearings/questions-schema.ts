import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { line, optionalLine, paragraphs, VISITOR_TEXT_LIMITS } from "@/lib/abuse/text";
import { z } from "@/lib/validation/zod";
import { questionActionSchema } from "./live-schema";
import { ASKER_KINDS, KINDS_NEEDING_ORIGIN, SET_ASIDE_REASON_LIMITS } from "./question-sources";

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

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A checkbox: a form's "on", or JSON's true; anything else (absent included) is unticked. */
const tick = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

// The source (docs/fairness.md#question-sources): who asks, the state (its ISO code, one of the
// 194) for a Member State, the organisation or outlet for a Sector Member or the press. A form
// that says nothing of it asks as the public, the column's default.
const question = {
  hearingId: id,
  candidateId: id,
  askerName: line(HEARING_QUESTION_LIMITS.name),
  askerOrigin: optionalLine(HEARING_QUESTION_LIMITS.origin),
  askerKind: z.preprocess(blankToUndefined, z.enum(ASKER_KINDS, { error: "questionSources.kindInvalid" }).default("PUBLIC")),
  askerState: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, { error: "questionSources.stateUnknown" })
      .transform((v) => v.toUpperCase())
      .optional(),
  ),
  /** The asker agreed that the question may be published in the hearing's open pool afterwards. */
  publishConsent: tick,
  body: paragraphs(HEARING_QUESTION_LIMITS.body),
};

type SourceFields = { askerKind: (typeof ASKER_KINDS)[number]; askerState?: string | undefined; askerOrigin: string | null };

/** A Member State's question names its state; a Sector Member's or the press's, its organisation or outlet. */
function requireSource<T extends SourceFields>(value: T, ctx: z.RefinementCtx) {
  if (value.askerKind === "MEMBER_STATE" && !value.askerState) ctx.addIssue({ code: "custom", path: ["askerState"], message: "questionSources.stateRequired" });
  if (KINDS_NEEDING_ORIGIN.includes(value.askerKind) && !value.askerOrigin)
    ctx.addIssue({
      code: "custom",
      path: ["askerOrigin"],
      message: value.askerKind === "PRESS" ? "questionSources.outletRequired" : "questionSources.organisationRequired",
    });
}

/** The state is kept for a Member State's question only. */
const onlyTheirState = <T extends SourceFields>(value: T) => ({ ...value, askerState: value.askerKind === "MEMBER_STATE" ? (value.askerState ?? null) : null });

/** A viewer's question, from the webcast page. */
export const viewerQuestionSchema = z
  .object({
    ...question,
    // Read by the service before anything else (as in the forum): any value passes here.
    [HONEYPOT_FIELD]: z.unknown().optional(),
  })
  .superRefine(requireSource)
  .transform(onlyTheirState);

/**
 * A question handed in on a card in the room, typed in by the secretariat, who ticks
 * `sourceChecked` when the card bears the delegate's badge (the source is then "checked").
 */
export const roomQuestionSchema = z
  .object({ ...question, sourceChecked: tick })
  .superRefine(requireSource)
  .transform(onlyTheirState);

/** The chair sets a question aside with a short reason, published with the open pool (docs/fairness.md#after-the-hearing). */
export const setAsideSchema = questionActionSchema.extend({
  reason: z
    .string({ error: "questionSources.reasonRequired" })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, { error: "questionSources.reasonRequired" })
        .min(SET_ASIDE_REASON_LIMITS.min, { error: `questionSources.reasonTooShort:${SET_ASIDE_REASON_LIMITS.min}` })
        .max(SET_ASIDE_REASON_LIMITS.max, { error: `questionSources.reasonTooLong:${SET_ASIDE_REASON_LIMITS.max}` }),
    ),
});

export type ViewerQuestionInput = z.input<typeof viewerQuestionSchema>;
export type RoomQuestionInput = z.input<typeof roomQuestionSchema>;
