"use server";

import { formAction, type FormFields } from "@/lib/actions/form-action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { TAGS } from "@/lib/cache-tags";
import { answerQuestion, declineQuestion, publishQuestion, withdrawQuestion } from "@/lib/forum/moderate";
import type { QueueItem } from "@/lib/forum/queries";
import { FORUM_STATUSES, type ForumStatus } from "@/lib/forum/schema";
import { FORUM_DONE } from "./done";

// The candidate's moderation of their own forum. The services check that the question is
// the caller's own; after a change the page goes back to the list it came from and says
// what happened (the question itself has moved to another list).

type Outcome = { item: QueueItem; candidateId: string; view: ForumStatus };

function viewOf(fields: FormFields): ForumStatus {
  const view = fields.view;
  return typeof view === "string" && (FORUM_STATUSES as readonly string[]).includes(view) ? (view as ForumStatus) : "PENDING";
}

function moderation(
  service: (args: { actor: CurrentUser | null; input: unknown }) => Promise<QueueItem>,
  done: (item: QueueItem) => (typeof FORUM_DONE)[number],
) {
  return formAction<Outcome>({
    run: async (actor, fields) => ({ item: await service({ actor, input: fields }), candidateId: actor?.candidateId ?? "", view: viewOf(fields) }),
    // The forum's public pages and the counts that include it.
    tags: (r) => [TAGS.forum(r.candidateId), TAGS.forums],
    success: (t, r) => t(`forum.queue.${done(r.item)}`),
    redirectTo: (r) => `/my/forum?status=${r.view}&done=${done(r.item)}`,
  });
}

export const publishOwnQuestion = moderation(publishQuestion, (item) => (item.answer ? "publishedWithAnswer" : "published"));
export const answerOwnQuestion = moderation(answerQuestion, () => "answered");
export const declineOwnQuestion = moderation(declineQuestion, () => "declined");
export const withdrawOwnQuestion = moderation(withdrawQuestion, () => "withdrawn");
