// The tags of one instance that hears the others' invalidations
// (docs/decisions/030-cache-across-instances.md). Invalidations made here are applied at once
// and handed to `publish`; invalidations heard from another instance are applied at the moment
// they arrive, on this instance's clock (the one its entries are stamped with: an entry whose
// generation began before the arrival is expired, whatever the sender's clock said).
//
// While the instance cannot hear (before its LISTEN connection is up, or after it is lost),
// other instances' changes may pass unheard: once it listens again, everything stamped before
// that moment is treated as expired (the "gap"), as if every tag had been invalidated then.
import { pageCacheChanged } from "./page-cache-changes.mjs";
import { MemoryTagStore } from "./tag-store.mjs";

/**
 * @typedef {import("./tag-store.mjs").TagState} TagState
 * @typedef {import("./invalidations.mjs").Invalidation} Invalidation
 */

/** The state every entry is judged against too: the end of the last gap in hearing. */
export const GAP_TAG = "\0listen-gap";

export class SharedTagStore {
  #local = new MemoryTagStore();
  /** @type {number | undefined} */
  #gapEnd;
  /** @type {(invalidation: Invalidation) => Promise<void> | void} */
  #publish;
  /** @type {() => number} */
  #now;

  /** @param {{ publish: (invalidation: Invalidation) => Promise<void> | void, now: () => number }} options */
  constructor({ publish, now }) {
    this.#publish = publish;
    this.#now = now;
  }

  /** An invalidation made on this instance: applied here, then told to the others. */
  /** @param {string[]} tags @param {number} at @param {number} [expireSeconds] @param {boolean} [swr] */
  async invalidate(tags, at, expireSeconds, swr = false) {
    await this.#local.invalidate(tags, at, expireSeconds, swr);
    /** @type {Invalidation} */
    const invalidation = { tags, swr };
    if (expireSeconds !== undefined) invalidation.expireSeconds = expireSeconds;
    // Awaited: when the action or route that made the change answers, the others are told.
    await this.#publish(invalidation);
  }

  /** An invalidation heard from another instance, applied as of now (its arrival). */
  /** @param {Invalidation} invalidation */
  async receive(invalidation) {
    await this.#local.invalidate(invalidation.tags, this.#now(), invalidation.expireSeconds, invalidation.swr);
  }

  /**
   * The instance listens again (or for the first time) as of now: whatever was generated
   * before may have missed a change made elsewhere meanwhile.
   */
  listening() {
    pageCacheChanged();
    this.#gapEnd = this.#now();
  }

  /** @param {string[]} tags */
  async read(tags) {
    const states = await this.#local.read(tags);
    if (this.#gapEnd !== undefined) states.set(GAP_TAG, { expired: this.#gapEnd });
    return states;
  }
}
