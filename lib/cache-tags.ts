// The cache's contract (docs/cache.md): every cached public read lives in lib/ and carries
// the tags below; every change to the data behind a tag refreshes that tag, through
// `formAction`'s `tags` (updateTag, lib/actions/form-action.ts) or, in a route handler,
// `revalidateTag(tag, { expire: 0 })`. Pages are cached with the tags of the reads they made,
// so refreshing a tag refreshes the pages too. Each entry: "read by" the cached reads that
// carry it, "refreshed by" the changes that must refresh it.
export const TAGS = {
  /** Read by: getConference (lib/elections/queries.ts), the public hearing's id (lib/hearings/after-queries.ts), the forums' window (lib/forum/cached-queries.ts). Refreshed by: the conference's settings and deadline (admin/conferences/[slug]/actions.ts), choosing or closing a conference (admin/conferences/actions.ts). */
  conference: "conference",
  /** Read by: the conferences and which one is current (lib/conferences/context.ts), the public hearing's id. Refreshed by: creating, choosing, closing, deleting a conference and its settings (admin/conferences/actions.ts, admin/conferences/[slug]/actions.ts). */
  conferences: "conferences",
  /** Read by: listPosts (lib/elections/queries.ts), getPostWithCandidates (lib/candidates/queries.ts). Refreshed by: the posts' console (admin/conferences/[slug]/posts/actions.ts), candidatures (…/candidates/actions.ts), a conference's creation, choice or deletion. */
  posts: "posts",
  /** Read by: the post lists and post pages, getPublicCandidate, getPublicCampaign, the public files, the forums' window. Refreshed by: candidatures (admin/conferences/[slug]/candidates/actions.ts), a candidate's profile and photo (my/profile/*), a conference's deletion. */
  candidates: "candidates",
  /** Read by: one candidate's page (getPublicCandidate, getPublicCampaign, public files, forum window). Refreshed by: that candidate's candidature, profile, files and materials (my/profile/*, my/materials/*, the console's candidates and materials actions). */
  candidate: (id: string) => `candidate:${id}`,
  /** Read by: the hearing's pages (lib/hearings/webcast.ts, lib/hearings/after-queries.ts, the cost shares in lib/costs/public-shares.ts, the transcripts in lib/transcripts/queries.ts, the written answers and the open pool in lib/hearings/after-hearing-queries.ts), getConference. Refreshed by: the hearing's console, the costs (admin/conferences/[slug]/hearing|costs/actions.ts), the transcripts (…/hearing/transcript-actions.ts), a candidate's written answer (my/hearing-answers/actions.ts), the chair's start, end and question draws (chair/actions.ts: no other move changes these pages; the live panel carries them), a conference's deletion. */
  hearings: "hearings",
  /** One candidate's public forum: its published questions, counts and window (lib/forum/cached-queries.ts). Refreshed by: a question received (app/api/forum/questions/route.ts), published, answered, declined, withdrawn (my/forum/actions.ts) or hidden (admin/conferences/[slug]/forum/actions.ts). */
  forum: (candidateId: string) => `forum:${candidateId}`,
  /** What reads every forum at once: the counts on a post's page. Refreshed by: every change that refreshes a TAGS.forum(id). */
  forums: "forums",
  /** The secretariat's list of accounts (not public, but rendered from the cache of an action). Refreshed by: admin/users/actions.ts. */
  users: "users",
  /** The Ethics Office's queue and a candidate's requests: confidential, never on a public page. Refreshed by: ethics/actions.ts, my/materials/[id]/review/actions.ts. */
  ethicsReviews: "ethics-reviews",
  /** Read by: the common questionnaire's public pages (lib/questionnaire/public-queries.ts). Refreshed by: the questionnaire's console (admin/conferences/[slug]/questionnaire/actions.ts) and the candidates' answers (my/questionnaire/actions.ts); the deadline itself is a time bound of the read (docs/decisions/047-common-questionnaire.md). */
  questionnaire: "questionnaire",
} as const;
