"use server";

import { formAction } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { hideQuestion } from "@/lib/forum/moderate";
import { SLUG_PATTERN } from "@/lib/conferences/schema";
import { CANDIDATE_ID, filterQuery, readFilter } from "./filters";

// The secretariat hides abusive content (hide:question:any); it has no action to publish
// or answer. Back to the same filtered list afterwards, which says what happened.
export const hideForumQuestion = formAction({
  run: async (actor, fields) => {
    const item = await hideQuestion({ actor, input: fields });
    const back = typeof fields.back === "string" ? Object.fromEntries(new URLSearchParams(fields.back)) : {};
    // Which forum's pages to revalidate: the service's answer when it gives one, else the
    // page's (only the cache depends on it; the service decided what was hidden).
    const fromService = "candidateId" in item && typeof item.candidateId === "string" ? item.candidateId : null;
    const fromPage = typeof fields.candidateId === "string" && CANDIDATE_ID.test(fields.candidateId) ? fields.candidateId : null;
    const candidateId = fromService ?? fromPage;
    const slug = typeof back.conference === "string" && SLUG_PATTERN.test(back.conference) ? back.conference : null;
    const list = slug ? `/admin/conferences/${slug}/forum` : "/admin/forum";
    return { item, candidateId, back: `${list}?${filterQuery(readFilter(back), { done: "hidden" })}` };
  },
  // Every forum's counts; the question's own forum when the service says which it is.
  tags: (r) => (r.candidateId ? [TAGS.forum(r.candidateId), TAGS.forums] : [TAGS.forums]),
  success: (t) => t("forum.admin.hidden"),
  redirectTo: (r) => r.back,
});
