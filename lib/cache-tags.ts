// Tags of the cached public reads; a service that changes their data revalidates them.
export const TAGS = {
  conference: "conference",
  conferences: "conferences",
  posts: "posts",
  candidates: "candidates",
  candidate: (id: string) => `candidate:${id}`,
  hearings: "hearings",
  /** One candidate's public forum: its published questions, counts and export. */
  forum: (candidateId: string) => `forum:${candidateId}`,
  /** What reads every forum at once: the counts on a post's page, the export of all forums. */
  forums: "forums",
  /** The secretariat's list of accounts (not public, but rendered from the cache of an action). */
  users: "users",
  /** The Ethics Office's queue and a candidate's requests: confidential, never on a public page. */
  ethicsReviews: "ethics-reviews",
} as const;
