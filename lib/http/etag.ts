// Conditional requests: does an If-None-Match name the answer's entity tag? The weak comparison
// (RFC 9110 §13.1.2: `W/"x"` and `"x"` match), as Next's own check does; `*` names any.
//
// No "server-only" and no "@/" imports here: server.ts loads this file (through
// lib/http/front-cache.ts) under plain tsx.

export function matchesIfNoneMatch(header: string | null | undefined, etag: string | undefined): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  if (!etag) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = bare(etag);
  return header.split(",").some((tag) => bare(tag) === wanted);
}
