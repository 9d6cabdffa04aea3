"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { removeMaterialCaptionTrack, setMaterialCaptionTrack } from "@/lib/captions/material-tracks";

// A candidate's captions for their own draft video (docs/decisions/040-captions.md): the service checks ownership, the file and the state.

export const saveVideoCaptions = formAction({
  run: (actor, input) => setMaterialCaptionTrack({ actor, input }),
  tags: (result) => [TAGS.candidate(result.candidateId)],
  success: (t, result) => t("captionsWorkspace.saved", { count: result.cues }),
});

export const removeVideoCaptions = formAction({
  run: (actor, input) => removeMaterialCaptionTrack({ actor, input }),
  tags: (result) => [TAGS.candidate(result.candidateId)],
  success: (t) => t("captionsWorkspace.removed"),
});
