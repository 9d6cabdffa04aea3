// Types of page-cache-changes.mjs.
export function pageCacheChanged(): void;
