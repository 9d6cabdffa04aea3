"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { createQuestion } from "@/lib/questionnaire/create-question";
import { createQuestionnaire } from "@/lib/questionnaire/create-questionnaire";
import { deleteQuestion } from "@/lib/questionnaire/delete-question";
import { moveQuestion } from "@/lib/questionnaire/move-question";
import { publishQuestion } from "@/lib/questionnaire/publish-question";
import { setQuestionnaireDeadline } from "@/lib/questionnaire/set-deadline";
import { updateQuestion } from "@/lib/questionnaire/update-question";

// The secretariat's questionnaire console. Each form names the conference it was rendered for
// (conferenceIdOf); the public questionnaire pages read TAGS.questionnaire (docs/cache.md).

export const createQuestionnaireAction = formAction({
  run: (actor, input) => createQuestionnaire({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.questionnaire],
  success: (t, round) => t("adminQuestionnaire.roundCreated", { number: round.number }),
});

export const setDeadlineAction = formAction({
  run: (actor, input) => setQuestionnaireDeadline({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.questionnaire],
  success: (t) => t("adminQuestionnaire.deadlineSaved"),
});

export const createQuestionAction = formAction({
  run: (actor, input) => createQuestion({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.questionnaire],
  success: (t) => t("adminQuestionnaire.created"),
});

export const updateQuestionAction = formAction({
  run: (actor, input) => updateQuestion({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.questionnaire],
  success: (t) => t("adminQuestionnaire.saved"),
});

export const moveQuestionAction = formAction({
  run: (actor, input) => moveQuestion({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.questionnaire],
  success: (t) => t("adminQuestionnaire.moved"),
});

export const publishQuestionAction = formAction({
  run: (actor, input) => publishQuestion({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.questionnaire],
  success: (t) => t("adminQuestionnaire.questionPublished"),
});

export const deleteQuestionAction = formAction({
  run: (actor, input) => deleteQuestion({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.questionnaire],
  success: (t) => t("adminQuestionnaire.deleted"),
});
