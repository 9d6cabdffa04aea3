"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { setVideoUrl, startVideoUpload } from "@/lib/materials/video";

/**
 * The first step of a video upload: where the browser sends the file. With Mux configured,
 * a direct-upload URL at Mux (the file never passes through this server); otherwise this
 * portal's own streaming upload route. The service checks the material is the actor's own
 * draft video either way.
 */
export const beginVideoUpload = formAction({
  run: async (actor, input) => {
    const request = await headers();
    const origin = request.get("origin") ?? "";
    return startVideoUpload({ actor, input, origin });
  },
  success: (t) => t("video.uploadStarting"),
  data: (r) => ({ target: r.target, url: r.url }),
});

export const saveVideoUrl = formAction({
  run: (actor, input) => setVideoUrl({ actor, input }),
  tags: (r) => [TAGS.candidate(r.candidateId)],
  success: (t) => t("video.urlSaved"),
});
