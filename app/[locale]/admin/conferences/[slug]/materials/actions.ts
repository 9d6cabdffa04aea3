"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { takeDownMaterial } from "@/lib/materials/take-down";

export const takeDown = formAction({
  run: (actor, input) => takeDownMaterial({ actor, input }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("adminMaterials.takenDown"),
});
