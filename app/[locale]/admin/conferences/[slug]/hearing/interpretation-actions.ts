"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { setInterpretation } from "@/lib/hearings/set-interpretation";

// The interpretation languages the webcast page lists (docs/decisions/039-interpretation-and-player.md).
export const saveInterpretation = formAction({
  run: (actor, input) => setInterpretation({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (result.changed ? t("adminInterpretation.saved") : t("adminInterpretation.unchanged")),
});
