"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { setSplit } from "@/lib/hearings/clocks-admin";

// The candidate's own split of the equal slot (docs/fairness.md#finer-clocks); the service
// checks that the slot is theirs and that the set-up is not yet committed.
export const saveOwnSplit = formAction({
  run: (actor, input) => setSplit({ actor, input: { ...input, candidateId: actor?.candidateId ?? "" } }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (result.changed ? t("hearingClocks.split.saved") : t("hearingClocks.split.unchanged")),
});
