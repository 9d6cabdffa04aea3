// The incremental cache handler Next is given in next.config.ts (`cacheHandler`): pages and
// `unstable_cache` reads. Why it exists, and the race it closes: docs/decisions/013-page-cache.md.
// Plain JavaScript: Next imports it at run time with Node's own `import()`.
//
// Next stamps an entry with the time it is STORED and treats it as fresh when every tag's
// invalidation is older. A render that began before a change, read the old data and was
// stored after the change's invalidation was therefore kept as fresh until the next one.
// Here an entry is stamped with the time its generation BEGAN (lib/cache/generations.mjs).
import { createRequire } from "node:module";
import { FileSystemStore } from "./file-system-store.mjs";
import { KeyGenerations, RequestGenerations } from "./generations.mjs";
import { InvalidationBus } from "./invalidation-bus.mjs";
import { SharedTagStore } from "./shared-tags.mjs";
import { MemoryTagStore, judgeByTags } from "./tag-store.mjs";

const require = createRequire(import.meta.url);
// The request a cached read runs in (Next's own async context, shared with its runtime).
/** @type {{ getStore(): (object & { requestStartTime?: number }) | undefined }} */
const workAsyncStorage = require("next/dist/server/app-render/work-async-storage.external.js").workAsyncStorage;

const TAGS_HEADER = "x-next-cache-tags";

/**
 * @typedef {import("./file-system-store.mjs").EntryStore} EntryStore
 * @typedef {import("./tag-store.mjs").TagStore} TagStore
 * @typedef {{ store: EntryStore, tags: TagStore }} Storage
 * @typedef {{ storage: (ctx: object) => Storage, now?: () => number, request?: () => object | undefined }} Options
 */

/** Next's clock for tags and ages (performance.timeOrigin + performance.now()). */
const wallClock = () => performance.timeOrigin + performance.now();

/** @param {any} value @param {any} ctx */
function tagsOf(value, ctx) {
  if (value?.kind === "FETCH") return [...(ctx.tags ?? []), ...(ctx.softTags ?? []), ...(value.tags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" ? header.split(",") : [];
}

/** Seconds after which an entry is stale by age alone (none for pages that never revalidate). */
/** @param {any} value @param {any} ctx @param {any} cacheControl */
function revalidateSeconds(value, ctx, cacheControl) {
  if (value?.kind === "FETCH") return ctx.revalidate || value.revalidate;
  return typeof cacheControl?.revalidate === "number" ? cacheControl.revalidate : undefined;
}

/**
 * A handler class bound to one storage (created once, from the first constructor's context:
 * Next constructs a handler per request) and one clock.
 * @param {Options} options
 */
export function createPageCacheHandler({ storage, now = wallClock, request = () => workAsyncStorage.getStore() }) {
  /** @type {Storage | undefined} */
  let shared;
  const byKey = new KeyGenerations();
  const byRequest = new RequestGenerations();
  // Values handed out, with their stamps: Next stores a previous value again when a
  // regeneration fails, and that value is as old as it was.
  /** @type {WeakMap<object, number>} */
  const handedOut = new WeakMap();

  return class PageCacheHandler {
    /** @param {object} ctx */
    constructor(ctx) {
      shared ??= storage(ctx);
      this.storage = shared;
    }

    /** @param {string} key @param {any} ctx */
    async get(key, ctx) {
      const at = now();
      const inRequest = ctx.kind === "FETCH" ? request() : undefined;
      if (inRequest) byRequest.read(inRequest, key, at);
      const entry = await this.storage.store.get(key, ctx);
      const verdict = entry ? await this.#judge(entry, ctx, at) : "expired";
      if (verdict !== "fresh" && !inRequest) byKey.begin(key, at);
      if (!entry || verdict === "expired") return null;
      if (entry.value && typeof entry.value === "object") handedOut.set(entry.value, entry.stamp);
      return { value: entry.value, lastModified: entry.stamp, cacheControl: entry.cacheControl };
    }

    /** @param {string} key @param {any} value @param {any} ctx */
    async set(key, value, ctx) {
      const at = now();
      const inRequest = ctx.fetchCache ? request() : undefined;
      let stamp = inRequest ? byRequest.end(inRequest, key) : undefined;
      stamp ??= byKey.end(key, at);
      const previous = value && typeof value === "object" ? handedOut.get(value) : undefined;
      if (previous !== undefined) stamp = Math.min(stamp, previous);
      const cacheControl = ctx.fetchCache ? undefined : ctx.cacheControl;
      await this.storage.store.set(key, { value, stamp, cacheControl }, ctx);
    }

    /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
    async revalidateTag(tags, durations) {
      const list = typeof tags === "string" ? [tags] : tags;
      if (list.length > 0) await this.storage.tags.invalidate(list, now(), durations?.expire, durations !== undefined);
    }

    resetRequestCache() {}

    /** @param {import("./file-system-store.mjs").StoredEntry} entry @param {any} ctx @param {number} at */
    async #judge(entry, ctx, at) {
      const byTags = judgeByTags(await this.storage.tags.read(tagsOf(entry.value, ctx)), entry.stamp, at);
      if (byTags !== "fresh") return byTags;
      const expire = /** @type {any} */ (entry.cacheControl)?.expire;
      if (typeof expire === "number" && entry.stamp + expire * 1000 < at) return "expired";
      const revalidate = revalidateSeconds(entry.value, ctx, entry.cacheControl);
      return typeof revalidate === "number" && entry.stamp + revalidate * 1000 < at ? "stale" : "fresh";
    }
  };
}

const PROCESS_TAGS = Symbol.for("hustings.pageCache.tags");
const PROCESS_BUS = Symbol.for("hustings.pageCache.bus");

/**
 * The process's invalidation bus, null before the first cached read or when there is none
 * (`next build`, no database): for a health check (`listening`) and a graceful stop (`close()`).
 * @returns {InvalidationBus | null}
 */
export function processInvalidationBus() {
  return /** @type {{ [PROCESS_BUS]?: InvalidationBus }} */ (globalThis)[PROCESS_BUS] ?? null;
}

/**
 * The process's tags, one store however many times Next imports this file: heard from and
 * told to the other instances over PostgreSQL (docs/decisions/030-cache-across-instances.md),
 * except while `next build` prerenders (it must not connect) or with no database configured.
 * @returns {TagStore}
 */
export function processTags() {
  const holder = /** @type {{ [PROCESS_TAGS]?: TagStore }} */ (globalThis);
  if (holder[PROCESS_TAGS]) return holder[PROCESS_TAGS];
  // LISTEN needs a session of its own: never through a transaction-mode pooler (lib/db/urls.ts).
  const connectionString = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL;
  if (!connectionString || process.env.NEXT_PHASE === "phase-production-build") return (holder[PROCESS_TAGS] = new MemoryTagStore());
  const bus = new InvalidationBus({
    connectionString,
    onInvalidation: (invalidation) => tags.receive(invalidation),
    onListening: () => tags.listening(),
    onError: (error) =>
      console.warn(
        "page cache: no LISTEN connection for the other instances' invalidations; reconnecting, and what was cached meanwhile will be regenerated",
        error,
      ),
  });
  const tags = new SharedTagStore({ publish: (invalidation) => bus.publish(invalidation), now: wallClock });
  bus.start();
  /** @type {{ [PROCESS_BUS]?: InvalidationBus }} */ (globalThis)[PROCESS_BUS] = bus;
  return (holder[PROCESS_TAGS] = tags);
}

/** Next's own files and memory for the entries; the tags shared with the other instances. */
export default createPageCacheHandler({
  storage: (ctx) => ({ store: new FileSystemStore(ctx), tags: processTags() }),
});
