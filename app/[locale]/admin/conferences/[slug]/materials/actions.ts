"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { takeDownProfileFile, takeDownProfileVersion } from "@/lib/candidates/take-down-profile";
import { takeDownMaterial } from "@/lib/materials/take-down";

export const takeDown = formAction({
  run: (actor, input) => takeDownMaterial({ actor, input }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("adminMaterials.takenDown"),
});

export const takeDownVersion = formAction({
  run: (actor, input) => takeDownProfileVersion({ actor, input }),
  // The version may have been the last published one: the photo on the post pages' cards goes too.
  tags: (r) => [TAGS.candidates, TAGS.candidate(r.candidateId)],
  success: (t) => t("adminMaterials.versionTakenDown"),
});

export const takeDownFile = formAction({
  run: (actor, input) => takeDownProfileFile({ actor, input }),
  tags: (r) => [TAGS.candidates, TAGS.candidate(r.candidateId)],
  success: (t) => t("adminMaterials.fileTakenDown"),
});
