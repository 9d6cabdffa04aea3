/** What a moderation action did, as named in `?done=` (each is a key of forum.queue). */
export const FORUM_DONE = ["published", "publishedWithAnswer", "answered", "declined", "withdrawn"] as const;
export type ForumDone = (typeof FORUM_DONE)[number];

export function doneOf(value: unknown): ForumDone | null {
  return typeof value === "string" && (FORUM_DONE as readonly string[]).includes(value) ? (value as ForumDone) : null;
}
