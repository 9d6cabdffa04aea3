"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { addCostItem } from "@/lib/costs/add-cost-item";
import { removeCostItem } from "@/lib/costs/remove-cost-item";

export const saveCostItem = formAction({
  run: (actor, input) => addCostItem({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminCosts.added"),
});

export const deleteCostItem = formAction({
  run: (actor, input) => removeCostItem({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("adminCosts.removed"),
});
