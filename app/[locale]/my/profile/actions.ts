"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { publishProfile } from "@/lib/candidates/publish-profile";
import { updateProfile } from "@/lib/candidates/update-profile";

export const saveProfile = formAction({
  run: (actor, input) => updateProfile({ actor, input }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("workspace.profileSaved"),
});

export const setProfilePublished = formAction({
  run: (actor, input) => publishProfile({ actor, input }),
  // Publishing decides whether the photo shows on the post pages' cards too.
  tags: (r) => [TAGS.candidates, TAGS.candidate(r.candidateId)],
  success: (t, r) => (r.publishedAt ? t("workspace.profilePublished") : t("workspace.profileUnpublished")),
});
