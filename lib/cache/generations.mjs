// When did the generation that is now being stored BEGIN? (docs/decisions/013-page-cache.md)
// A stored entry is stamped with that time, never with the time it was stored: an
// invalidation that happened while it was being generated must leave it stale.

/** A generation longer than this is assumed to have failed: its begin time is forgotten. */
export const MAX_GENERATION_MS = 60_000;

/**
 * Begin times of generations that are not tied to a request (pages: Next renders one per key
 * at a time; a cached read outside a render). Nothing pairs a store with the miss that
 * started it, so a store is stamped with the EARLIEST begin still outstanding and then retires
 * the LATEST one. Sorted, the outstanding list stays at or below the running generations'
 * begins whatever order they finish in, so no stamp is ever later than its generation's
 * begin; concurrency only makes a stamp earlier (one extra regeneration, never a stale page).
 */
export class KeyGenerations {
  /** @type {Map<string, number[]>} */
  #begins = new Map();

  /** @param {string} key @param {number} at */
  begin(key, at) {
    const list = this.#live(key, at);
    list.push(at);
    this.#keep(key, list);
  }

  /**
   * The stamp for a store of `key` now; retires one outstanding generation.
   * @param {string} key @param {number} at
   */
  end(key, at) {
    const list = this.#live(key, at);
    if (list.length === 0) {
      this.#keep(key, list);
      return at;
    }
    const stamp = /** @type {number} */ (list[0]);
    list.pop();
    this.#keep(key, list);
    return Math.min(stamp, at);
  }

  /** @param {string} key @param {number} at */
  #live(key, at) {
    return (this.#begins.get(key) ?? []).filter((begin) => begin > at - MAX_GENERATION_MS);
  }

  /** @param {string} key @param {number[]} list */
  #keep(key, list) {
    if (list.length === 0) this.#begins.delete(key);
    else this.#begins.set(key, list);
  }
}

/**
 * Begin times of cached reads (unstable_cache) inside one request: Next reads the entry and
 * stores the new result within the same request, so the request pairs them exactly. The first
 * read of a key in the request is its begin (hit or miss: Next may still regenerate after a
 * hit, e.g. when the request's own server action has just updated one of its tags).
 */
export class RequestGenerations {
  /** @type {WeakMap<object, Map<string, number>>} */
  #byRequest = new WeakMap();

  /** @param {object} request @param {string} key @param {number} at */
  read(request, key, at) {
    const reads = this.#byRequest.get(request) ?? new Map();
    if (!reads.has(key)) reads.set(key, at);
    this.#byRequest.set(request, reads);
  }

  /**
   * The stamp for a store of `key` in this request, or undefined when the request never read
   * it and carries no start time. A second store of the key in the same request (two reads
   * ran side by side) falls back to the request's start.
   * @param {object & { requestStartTime?: unknown }} request @param {string} key
   */
  end(request, key) {
    const reads = this.#byRequest.get(request);
    const begin = reads?.get(key);
    reads?.delete(key);
    if (begin !== undefined) return begin;
    return typeof request.requestStartTime === "number" ? request.requestStartTime : undefined;
  }
}
