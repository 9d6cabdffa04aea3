import type { ServerResponse } from "node:http";

// What a CDN or a shared proxy in front of the portal may keep (docs/deploy.md, "Caching in
// front"). Next marks a page with no time-based revalidation `s-maxage=31536000`: a CDN would
// keep it a year, with nothing to purge it when a candidature or the hearing changes. Every
// response Next lets shared caches keep is given a short `s-maxage` instead, with a
// `stale-while-revalidate` so that a busy page is refreshed in the background, and
// `max-age=0` so that a browser asks again (and is answered 304 when nothing changed).
// server.ts applies it to every response; what Next marks private or no-store is untouched.

export type SharedCachePolicy = { sMaxAge: number; staleWhileRevalidate: number };

export const DEFAULT_SHARED_CACHE: SharedCachePolicy = { sMaxAge: 5, staleWhileRevalidate: 60 };

function seconds(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > max) throw new Error(`${name} must be a whole number of seconds from 0 to ${max}, got "${value}"`);
  return parsed;
}

/** The policy from CDN_S_MAXAGE and CDN_STALE_WHILE_REVALIDATE (seconds), checked at start. */
export function sharedCachePolicy(env: Record<string, string | undefined>): SharedCachePolicy {
  return {
    sMaxAge: seconds("CDN_S_MAXAGE", env.CDN_S_MAXAGE, DEFAULT_SHARED_CACHE.sMaxAge, 3600),
    staleWhileRevalidate: seconds("CDN_STALE_WHILE_REVALIDATE", env.CDN_STALE_WHILE_REVALIDATE, DEFAULT_SHARED_CACHE.staleWhileRevalidate, 86_400),
  };
}

/**
 * `value` as shared caches may follow it: a header with `s-maxage` (Next's mark of a page any
 * cache may keep) becomes `public, max-age=0, s-maxage=<at most the policy's>,
 * stale-while-revalidate=<at most the policy's>`; any other header is returned as it was.
 */
export function limitSharedCacheControl(value: string, policy: SharedCachePolicy): string {
  const directives = value
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  const sMaxAge = directives.find((d) => /^s-maxage=/i.test(d));
  if (!sMaxAge) return value;
  if (directives.some((d) => /^(private|no-store|no-cache)$/i.test(d))) return value;
  const given = Number(sMaxAge.slice(sMaxAge.indexOf("=") + 1));
  const kept = Number.isFinite(given) ? Math.min(given, policy.sMaxAge) : policy.sMaxAge;
  // A short stale-while-revalidate of the answer's own is kept too: the hearing's live state
  // (docs/decisions/035-state-endpoint-and-50k-viewers.md) may be given stale for seconds, not a minute.
  const swr = directives.find((d) => /^stale-while-revalidate=\d+$/i.test(d));
  const ownSwr = swr ? Number(swr.slice(swr.indexOf("=") + 1)) : Infinity;
  return `public, max-age=0, s-maxage=${kept}, stale-while-revalidate=${Math.min(ownSwr, policy.staleWhileRevalidate)}`;
}

function rewriteHeaderArgument(headers: unknown, policy: SharedCachePolicy): void {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return;
  const record = headers as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (name.toLowerCase() === "cache-control" && typeof record[name] === "string") record[name] = limitSharedCacheControl(record[name], policy);
  }
}

/** Applies the policy to whatever Cache-Control `res` is given, by setHeader or writeHead. */
export function limitSharedCaching(res: ServerResponse, policy: SharedCachePolicy): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) =>
    setHeader(
      name,
      name.toLowerCase() === "cache-control" && typeof value === "string" ? limitSharedCacheControl(value, policy) : value,
    )) as typeof res.setHeader;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    rewriteHeaderArgument(typeof args[1] === "string" ? args[2] : args[1], policy);
    return writeHead(...args);
  }) as typeof res.writeHead;
}
