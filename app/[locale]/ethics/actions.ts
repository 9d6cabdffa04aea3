"use server";

import { TAGS } from "@/lib/cache-tags";
import { formAction } from "@/lib/actions/form-action";
import { answerReview } from "@/lib/ethics/answer-review";

export const answerReviewAction = formAction({
  run: (actor, input) => answerReview({ actor, input }),
  tags: () => [TAGS.ethicsReviews],
  success: (t, review) => t(review.status === "ADVICE" ? "ethicsOffice.adviceSent" : "ethicsOffice.clearedSent"),
});
