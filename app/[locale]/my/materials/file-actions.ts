"use server";

import { fileFormAction } from "@/lib/actions/file-form-action";
import { TAGS } from "@/lib/cache-tags";
import { attachMaterialFile } from "@/lib/materials/attach-file";

export const uploadBrochureFile = fileFormAction({
  fileField: "file",
  run: (actor, input, file) => attachMaterialFile({ actor, input, file }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("workspace.brochureFileSaved"),
});
