// Tags of the cached public reads; a service that changes their data revalidates them.
export const TAGS = {
  conference: "conference",
  posts: "posts",
  candidates: "candidates",
  candidate: (id: string) => `candidate:${id}`,
  hearings: "hearings",
} as const;
