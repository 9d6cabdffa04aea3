// When each cache tag was last invalidated (docs/decisions/013-page-cache.md). The same
// semantics as Next's own tags manifest: `updateTag(tag)` (no profile) expires entries at
// once; `revalidateTag(tag, profile)` marks them stale now (served once more while they are
// regenerated) and expires them after the profile's `expire` seconds.
import { pageCacheChanged } from "./page-cache-changes.mjs";

/**
 * @typedef {{ stale?: number, expired?: number }} TagState
 * @typedef {{
 *   invalidate(tags: string[], at: number, expireSeconds?: number, swr?: boolean): Promise<void>,
 *   read(tags: string[]): Promise<Map<string, TagState>>,
 * }} TagStore
 */

/** The tags of one instance, in memory (as Next's own manifest: lost on restart, like the entries' freshness rules). */
export class MemoryTagStore {
  /** @type {Map<string, TagState>} */
  #tags = new Map();

  /** @param {string[]} tags @param {number} at @param {number} [expireSeconds] @param {boolean} [swr] */
  async invalidate(tags, at, expireSeconds, swr = false) {
    // Before the tags: the front cache must not keep a page whose request began before this.
    if (tags.length > 0) pageCacheChanged();
    for (const tag of tags) {
      const previous = this.#tags.get(tag) ?? {};
      if (!swr) {
        this.#tags.set(tag, { ...previous, expired: at });
      } else {
        const expired = expireSeconds === undefined ? previous.expired : at + expireSeconds * 1000;
        this.#tags.set(tag, { ...previous, stale: at, expired });
      }
    }
  }

  /** @param {string[]} tags */
  async read(tags) {
    /** @type {Map<string, TagState>} */
    const found = new Map();
    for (const tag of tags) {
      const state = this.#tags.get(tag);
      if (state) found.set(tag, state);
    }
    return found;
  }
}

/**
 * How an entry stamped `stamp` stands against its tags' invalidations at `now`: "expired"
 * (regenerate before answering), "stale" (answer, regenerate behind) or "fresh".
 * @param {Map<string, TagState>} states @param {number} stamp @param {number} now
 * @returns {"expired" | "stale" | "fresh"}
 */
export function judgeByTags(states, stamp, now) {
  let verdict = /** @type {"stale" | "fresh"} */ ("fresh");
  for (const { stale, expired } of states.values()) {
    if (expired !== undefined && expired <= now && expired > stamp) return "expired";
    if (stale !== undefined && stale > stamp) verdict = "stale";
  }
  return verdict;
}
