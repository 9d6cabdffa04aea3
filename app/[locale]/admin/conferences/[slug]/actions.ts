"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { clearDeadlineOverride, overrideDeadline } from "@/lib/elections/override-deadline";
import { updateConference } from "@/lib/elections/update-conference";

export const saveConference = formAction({
  run: (actor, input) => updateConference({ actor, conferenceId: conferenceIdOf(input), input }),
  // Name, city and dates are on the archive and in every console page's heading too.
  tags: () => [TAGS.conference, TAGS.conferences],
  success: (t) => t("adminConference.saved"),
});

export const saveDeadlineOverride = formAction({
  run: (actor, input) => overrideDeadline({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.conference],
  success: (t) => t("adminConference.overrideSaved"),
});

export const removeDeadlineOverride = formAction({
  run: (actor, input) => clearDeadlineOverride({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.conference],
  success: (t) => t("adminConference.overrideCleared"),
});
