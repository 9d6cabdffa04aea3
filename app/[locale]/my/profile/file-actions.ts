"use server";

import { fileFormAction } from "@/lib/actions/file-form-action";
import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { removeProfileFile, setProfileFile } from "@/lib/candidates/set-profile-file";

export const uploadProfileFile = fileFormAction({
  fileField: "file",
  run: (actor, input, file) => setProfileFile({ actor, input, file }),
  tags: (r) => [TAGS.candidates, TAGS.candidate(r.candidateId)],
  success: (t, r) => (r.kind === "photo" ? t("workspace.photoSaved") : t("workspace.cvSaved")),
});

export const deleteProfileFile = formAction({
  run: (actor, input) => removeProfileFile({ actor, input }),
  tags: (r) => [TAGS.candidates, TAGS.candidate(r.candidateId)],
  success: (t, r) => (r.kind === "photo" ? t("workspace.photoRemoved") : t("workspace.cvRemoved")),
});
