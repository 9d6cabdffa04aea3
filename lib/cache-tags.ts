// Tags of the cached public reads; a service that changes their data revalidates them.
export const TAGS = {
  conference: "conference",
  posts: "posts",
  candidates: "candidates",
  candidate: (id: string) => `candidate:${id}`,
  hearings: "hearings",
  /** The secretariat's list of accounts (not public, but rendered from the cache of an action). */
  users: "users",
  /** The Ethics Office's queue and a candidate's requests: confidential, never on a public page. */
  ethicsReviews: "ethics-reviews",
} as const;
