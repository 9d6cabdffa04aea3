"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { giveWrittenAnswer } from "@/lib/hearings/give-written-answer";

// The hearing's public page and its open pool show written answers (docs/cache.md: TAGS.hearings).
export const answerInWriting = formAction({
  run: (actor, input) => giveWrittenAnswer({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("hearingPool.workspace.published"),
});
