"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { issueCaptionerKey, revokeCaptionerKey } from "@/lib/captions/keys";
import { removeHearingCaptionTrack, setHearingCaptionTrack } from "@/lib/captions/tracks";

// The hearing console's captions (docs/decisions/040-captions.md): the services authorise, check and audit.

export const issueKey = formAction({
  run: (actor, input) => issueCaptionerKey({ actor, input }),
  success: (t, result) => t("captionsAdmin.issued", { label: result.label }),
  data: (result) => ({ key: result.key }),
});

export const revokeKey = formAction({
  run: (actor, input) => revokeCaptionerKey({ actor, input }),
  success: (t) => t("captionsAdmin.revoked"),
});

export const saveCaptionTrack = formAction({
  run: (actor, input) => setHearingCaptionTrack({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t, result) => t("captionsAdmin.saved", { count: result.cues }),
});

export const removeCaptionTrack = formAction({
  run: (actor, input) => removeHearingCaptionTrack({ actor, input }),
  tags: () => [TAGS.hearings],
  success: (t) => t("captionsAdmin.removed"),
});
