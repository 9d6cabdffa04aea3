import "server-only";
import { unstable_cache } from "next/cache";
import { holdForTest } from "@/lib/cache/test-gate";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { getForumCounts, getForumWindow, getPublicForum, type PublicForumOrder } from "@/lib/forum/queries";
import type { Counts } from "@/components/forum/forum-counts";
import type { WindowView } from "@/components/forum/forum-section";
import type { PublishedPage } from "@/components/forum/published-questions";

// The public pages' cached reads of the forum (lib/forum/queries.ts reads uncached). A
// cache entry crosses a JSON boundary, so instants become ISO strings here, explicitly.
// Which change refreshes which tag: lib/cache-tags.ts and docs/cache.md.

/** One page of a forum's published questions (1-based; out of range comes back clamped). */
export function getCachedForumPage(candidateId: string, page: number, order: PublicForumOrder = "default"): Promise<PublishedPage> {
  return unstable_cache(
    async (): Promise<PublishedPage> => {
      const forum = await getPublicForum(candidateId, page, order);
      return {
        ...forum,
        items: forum.items.map((q) => ({
          ...q,
          answeredAt: q.answeredAt ? q.answeredAt.toISOString() : null,
          publishedAt: q.publishedAt.toISOString(),
        })),
      };
    },
    ["forum-page", candidateId, String(page), order],
    { tags: [TAGS.forum(candidateId)], revalidate: CACHED_READ_SECONDS },
  )();
}

/** The four public numbers of each forum, by candidate id (a Map does not survive the cache). */
export function getCachedForumCounts(candidateIds: string[]): Promise<Record<string, Counts>> {
  const ids = [...candidateIds].sort();
  return unstable_cache(
    async (): Promise<Record<string, Counts>> => {
      const counts = Object.fromEntries(await getForumCounts(ids));
      await holdForTest(`forum-counts:${ids.join(",")}`);
      return counts;
    },
    ["forum-counts", ...ids],
    { tags: [TAGS.forums, ...ids.map((id) => TAGS.forum(id))], revalidate: CACHED_READ_SECONDS },
  )();
}

/**
 * Whether the forum took questions when the page was rendered. The cached answer can only
 * go stale by the clock passing the closing time, which the ask form checks in the browser;
 * a change of status or of the closing time revalidates it.
 */
export function getCachedForumWindow(candidateId: string): Promise<WindowView | null> {
  return unstable_cache(
    async (): Promise<WindowView | null> => {
      const window = await getForumWindow(candidateId, new Date());
      if (!window) return null;
      return window.open ? { open: true, closesAt: window.closesAt.toISOString() } : window;
    },
    ["forum-window", candidateId],
    { tags: [TAGS.conference, TAGS.candidates, TAGS.candidate(candidateId), TAGS.forum(candidateId)], revalidate: CACHED_READ_SECONDS },
  )();
}
