"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { conferenceIdOf } from "@/lib/conferences/form-field";
import { createPost } from "@/lib/elections/create-post";
import { deletePost } from "@/lib/elections/delete-post";
import { reinstatePost, retirePost } from "@/lib/elections/retire-post";
import { updatePost } from "@/lib/elections/update-post";

// Public post lists and post pages read TAGS.posts. Each form names the conference it was
// rendered for (conferenceIdOf), which the service locks and checks the post against.
export const createPostAction = formAction({
  run: (actor, input) => createPost({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.posts],
  success: (t, post) => t("adminPosts.created", { code: post.code }),
});

export const updatePostAction = formAction({
  run: (actor, input) => updatePost({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.posts],
  success: (t) => t("adminPosts.saved"),
});

export const retirePostAction = formAction({
  run: (actor, input) => retirePost({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.posts],
  success: (t, post) => t("adminPosts.retired", { code: post.code }),
});

export const reinstatePostAction = formAction({
  run: (actor, input) => reinstatePost({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.posts],
  success: (t, post) => t("adminPosts.reinstated", { code: post.code }),
});

export const deletePostAction = formAction({
  run: (actor, input) => deletePost({ actor, conferenceId: conferenceIdOf(input), input }),
  tags: () => [TAGS.posts],
  success: (t, post) => t("adminPosts.deleted", { code: post.code }),
});
