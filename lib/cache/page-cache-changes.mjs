// A count of the page cache's invalidations in this process, on globalThis: Next imports the
// cache handler with Node's own import(), apart from the server's modules, so the two meet
// there (as the bus does, page-cache-handler.mjs). The server's front cache
// (lib/http/front-cache.ts, docs/decisions/037-front-page-cache.md) keeps a page only while the
// count is what it was when the page's request began: any invalidation here, any heard from
// another instance and the end of a gap in hearing them each add one.

const KEY = Symbol.for("hustings.pageCache.changes");

/** Some tags were invalidated (or may have been, unheard): whatever was generated before may be out of date. */
export function pageCacheChanged() {
  const holder = /** @type {{ [KEY]?: { count: number } }} */ (globalThis);
  (holder[KEY] ??= { count: 0 }).count += 1;
}
