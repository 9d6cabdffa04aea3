"use server";

import { TAGS } from "@/lib/cache-tags";
import { formAction } from "@/lib/actions/form-action";
import { requestReview } from "@/lib/ethics/request-review";

export const requestReviewAction = formAction({
  run: (actor, input) => requestReview({ actor, input }),
  tags: () => [TAGS.ethicsReviews],
  success: (t) => t("ethicsRequest.sent"),
});
