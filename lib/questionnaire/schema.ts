import { LOCALES } from "@/lib/i18n/routing";
import { checkbox, localDateTime, optionalText, text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

// Limits and schemas of the common questionnaire, shared by the console's and the workspace's
// forms and by the services (docs/conventions.md#schemas-and-limits).
export const QUESTIONNAIRE_LIMITS = { question: 1000, answer: 6000 } as const;

/** The six interface languages: a question's text and an answer are in these (English required for a question, as Post.names). */
export const QUESTIONNAIRE_LOCALES = LOCALES;
export type QuestionnaireLocale = (typeof LOCALES)[number];

/** The form field of a question's text in each language. */
export const TEXT_FIELD: Record<QuestionnaireLocale, string> = { en: "textEn", fr: "textFr", es: "textEs", ar: "textAr", ru: "textRu", zh: "textZh" };

const id = z.string().trim().min(1).max(40);

/** An empty select means "every post". */
const postScope = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), id.nullable());

const questionFields = z.object({
  textEn: text(QUESTIONNAIRE_LIMITS.question),
  textFr: optionalText(QUESTIONNAIRE_LIMITS.question),
  textEs: optionalText(QUESTIONNAIRE_LIMITS.question),
  textAr: optionalText(QUESTIONNAIRE_LIMITS.question),
  textRu: optionalText(QUESTIONNAIRE_LIMITS.question),
  textZh: optionalText(QUESTIONNAIRE_LIMITS.question),
  postId: postScope,
});

type QuestionFields = z.output<typeof questionFields>;

function toQuestion({ textEn, textFr, textEs, textAr, textRu, textZh, postId }: QuestionFields) {
  const texts: Record<string, string> = { en: textEn };
  for (const [locale, value] of [
    ["fr", textFr],
    ["es", textEs],
    ["ar", textAr],
    ["ru", textRu],
    ["zh", textZh],
  ] as const) {
    if (value) texts[locale] = value;
  }
  return { texts, postId };
}

export const createQuestionSchema = questionFields
  .extend({ questionnaireId: id })
  .transform(({ questionnaireId, ...q }) => ({ questionnaireId, ...toQuestion(q) }));
export const updateQuestionSchema = questionFields.extend({ questionId: id }).transform(({ questionId, ...q }) => ({ questionId, ...toQuestion(q) }));
export const questionRefSchema = z.object({ questionId: id });
export const moveQuestionSchema = z.object({ questionId: id, direction: z.enum(["up", "down"]) });

/** A round's deadline, on the conference's clocks (a datetime-local field). */
export const createQuestionnaireSchema = z.object({ deadline: localDateTime });
export const setDeadlineSchema = z.object({ questionnaireId: id, deadline: localDateTime });

// "language", not "locale": the form's "locale" field is the interface language of the reply.
export const saveAnswerSchema = z.object({
  questionId: id,
  language: z.enum(LOCALES),
  body: text(QUESTIONNAIRE_LIMITS.answer),
  format: z.enum(["PLAIN", "MARKDOWN"]).optional().default("PLAIN"),
  // 001 A: both, each time an answer is saved (docs/domain.md#campaign-material).
  declaredNoSymbols: checkbox,
  declaredNoResources: checkbox,
});

export const removeAnswerSchema = z.object({ questionId: id, language: z.enum(LOCALES) });

/** A question's texts as stored (Questionnaire.texts): English required. */
export const questionTextsSchema = z.object({ en: z.string().min(1) }).catchall(z.string().min(1));

/** The text of a question in `locale`, else English, and the language it is in. */
export function questionText(texts: unknown, locale: string): { text: string; language: string } {
  const parsed = questionTextsSchema.safeParse(texts);
  if (!parsed.success) return { text: "", language: "en" };
  const own = parsed.data[locale];
  return own ? { text: own, language: locale } : { text: parsed.data.en, language: "en" };
}
