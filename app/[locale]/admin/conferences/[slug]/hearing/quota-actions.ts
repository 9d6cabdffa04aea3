"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { setQuestionQuota } from "@/lib/hearings/quota-admin";

// The hearing's question quota (docs/decisions/045-quota-draws.md): part of the set-up.
export const saveQuestionQuota = formAction({
  run: (actor, input) => setQuestionQuota({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (!result.changed ? t("questionQuota.unchanged") : result.quota ? t("questionQuota.saved") : t("questionQuota.cleared")),
});
