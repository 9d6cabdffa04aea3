"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { isLocale } from "@/lib/i18n/routing";
import { removeAnswer, saveAnswer } from "@/lib/questionnaire/save-answer";

// The candidate's answers to the common questionnaire; the service checks that the question is
// theirs to answer, the deadline by the database's clock and the declarations. Answers are
// public only after the deadline; the public page's read is refreshed all the same.

export const saveAnswerAction = formAction({
  // The page's language (the form's "locale" field) names the answer's language in the confirmation.
  run: async (actor, input) => ({
    ...(await saveAnswer({ actor, input })),
    page: typeof input.locale === "string" && isLocale(input.locale) ? input.locale : "en",
  }),
  tags: () => [TAGS.questionnaire],
  success: (t, r) => t("questionnaire.my.saved", { language: new Intl.DisplayNames([r.page], { type: "language" }).of(r.language) ?? r.language }),
});

export const removeAnswerAction = formAction({
  run: (actor, input) => removeAnswer({ actor, input }),
  tags: () => [TAGS.questionnaire],
  success: (t) => t("questionnaire.my.removed"),
});
