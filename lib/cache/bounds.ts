/**
 * How long a cached public read is kept before it is read again, whatever the invalidations
 * say; a page takes the shortest bound of the reads it made. The invalidations bring a change
 * to every instance within a second or two; this bounds what none of them heard of: an
 * instance that died between its change and its NOTIFY, a change made outside the app, a
 * read whose answer depends on the time (docs/decisions/030-cache-across-instances.md).
 * Past it, the next visitor is still served the old page once while it is regenerated.
 */
export const CACHED_READ_SECONDS = 60;

/**
 * How long the server's front cache (lib/http/front-cache.ts) answers a public page from the
 * bytes it kept, at most, before asking Next again (docs/decisions/037-front-page-cache.md).
 * Every invalidation empties it at once; this bounds what Next itself would have changed
 * without one (a page past its `revalidate`), and never more than the `s-maxage` the page was
 * sent with.
 */
export const FRONT_CACHE_SECONDS = 5;
