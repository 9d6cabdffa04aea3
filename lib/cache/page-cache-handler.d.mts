// Types of page-cache-handler.mjs for TypeScript callers (tests, a shared store).
import type { EntryStore } from "./file-system-store.mjs";
import type { InvalidationBus } from "./invalidation-bus.mjs";
import type { TagStore } from "./tag-store.mjs";

export type Storage = { store: EntryStore; tags: TagStore };

export type CachedEntry = { value: unknown; lastModified: number; cacheControl?: unknown };

export interface PageCacheHandler {
  get(key: string, ctx: Record<string, unknown>): Promise<CachedEntry | null>;
  set(key: string, value: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}

export function createPageCacheHandler(options: {
  storage: (ctx: object) => Storage;
  now?: () => number;
  request?: () => object | undefined;
}): new (ctx: object) => PageCacheHandler;

/** The process's tags (one per process, shared with the other instances: docs/decisions/030-cache-across-instances.md). */
export function processTags(): TagStore;

/** The process's invalidation bus, null before the first cached read or when there is none (`next build`, no database). */
export function processInvalidationBus(): InvalidationBus | null;

declare const DefaultHandler: new (ctx: object) => PageCacheHandler;
export default DefaultHandler;
