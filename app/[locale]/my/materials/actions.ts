"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { createMaterial } from "@/lib/materials/create-material";
import { publishMaterial, unpublishMaterial } from "@/lib/materials/publish-material";
import { updateMaterial } from "@/lib/materials/update-material";

export const addMaterial = formAction({
  run: (actor, input) => createMaterial({ actor, input }),
  success: (t) => t("workspace.materialCreated"),
  redirectTo: (r) => `/my/materials/${r.id}`,
});

export const saveMaterial = formAction({
  run: (actor, input) => updateMaterial({ actor, input }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("workspace.materialSaved"),
});

export const publishOwnMaterial = formAction({
  run: (actor, input) => publishMaterial({ actor, input }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("workspace.materialPublished"),
});

export const unpublishOwnMaterial = formAction({
  run: (actor, input) => unpublishMaterial({ actor, input }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("workspace.materialUnpublished"),
});
