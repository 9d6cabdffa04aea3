"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { grantAccommodation, setClocks, setSplit } from "@/lib/hearings/clocks-admin";

// The finer clocks, the splits and the accommodations granted in advance
// (docs/decisions/046-finer-clocks-and-accommodation.md). The parity report reads all three.

export const saveClocks = formAction({
  run: (actor, input) => setClocks({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (result.changed ? t("hearingClocks.admin.saved") : t("hearingClocks.admin.unchanged")),
});

/** A candidate's split, entered by the secretariat on their behalf. */
export const saveSplitOnBehalf = formAction({
  run: (actor, input) => setSplit({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => (result.changed ? t("hearingClocks.split.saved") : t("hearingClocks.split.unchanged")),
});

export const saveAccommodation = formAction({
  run: (actor, input) => grantAccommodation({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("hearingClocks.accommodation.granted"),
});
