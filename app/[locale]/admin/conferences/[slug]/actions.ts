"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { clearDeadlineOverride, overrideDeadline } from "@/lib/elections/override-deadline";
import { updateConference } from "@/lib/elections/update-conference";

export const saveConference = formAction({
  run: (actor, input) => updateConference({ actor, input }),
  tags: () => [TAGS.conference],
  success: (t) => t("adminConference.saved"),
});

export const saveDeadlineOverride = formAction({
  run: (actor, input) => overrideDeadline({ actor, input }),
  tags: () => [TAGS.conference],
  success: (t) => t("adminConference.overrideSaved"),
});

export const removeDeadlineOverride = formAction({
  run: (actor, input) => clearDeadlineOverride({ actor, input }),
  tags: () => [TAGS.conference],
  success: (t) => t("adminConference.overrideCleared"),
});
