// The entries of one instance, where Next keeps them without a custom handler: its own
// FileSystemCache (an in-memory LRU of `cacheMaxMemorySize`, the `.next/server` files, the
// pages prerendered by the build). Only the stamp is ours (docs/decisions/013-page-cache.md):
// Next's files carry the time an entry was WRITTEN, so the time its generation began is
// kept beside them, for the life of the process, as the tags' invalidations are.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** @type {new (ctx: object) => { get(key: string, ctx: object): Promise<any>, set(key: string, value: unknown, ctx: object): Promise<void> }} */
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

/**
 * @typedef {{ value: any, stamp: number, cacheControl?: unknown }} StoredEntry
 * @typedef {{
 *   get(key: string, ctx: object): Promise<StoredEntry | null>,
 *   set(key: string, entry: StoredEntry, ctx: object): Promise<void>,
 * }} EntryStore
 */

/** @type {Map<string, number>} */
const stamps = new Map();

/** @implements {EntryStore} */
export class FileSystemStore {
  /** @param {object} ctx what Next passes a cache handler's constructor */
  constructor(ctx) {
    this.files = new FileSystemCache(ctx);
  }

  /** @param {string} key @param {object} ctx */
  async get(key, ctx) {
    const data = await this.files.get(key, ctx);
    if (!data) return null;
    // An entry this process did not write (the build's, a previous run's) predates every
    // invalidation this process knows of, so its file time is as good as its begin.
    return { value: data.value, stamp: stamps.get(key) ?? data.lastModified, cacheControl: data.cacheControl };
  }

  /** @param {string} key @param {StoredEntry} entry @param {object} ctx */
  async set(key, entry, ctx) {
    stamps.set(key, entry.stamp);
    await this.files.set(key, entry.value, ctx);
  }
}
