import "server-only";
import { env } from "@/lib/env";

// docs/decisions/027-same-origin-and-members-only-stream.md: every mutation must come from a
// page of this site. A browser names the page's origin in `Origin` on every POST, PUT, PATCH
// and DELETE, and a cross-site page cannot remove or change it; a request without one did not
// come from a browser's page of ours, and is refused too.

type HeaderSource = { get(name: string): string | null };

/** Methods that change nothing and need no Origin. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The site's own origin: NEXTAUTH_URL's (required in production, lib/env.ts) when set, exactly,
 * scheme and port included; no header changes it. Without it (development, tests), the host
 * the request reached: `X-Forwarded-Host` as a proxy in front names it, else `Host` (Next's
 * own check for server actions does the same), the scheme not compared. A cross-site page
 * cannot set either: `Host` is the server it sends to, and a custom header such as
 * `X-Forwarded-Host` needs a CORS preflight this site never grants.
 */
export function isSameOrigin(headers: HeaderSource, requestUrl: string, siteUrl: string | undefined): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null" || !URL.canParse(origin)) return false;
  const from = new URL(origin);
  if (from.protocol !== "https:" && from.protocol !== "http:") return false;
  if (siteUrl) return from.origin === new URL(siteUrl).origin;
  const reached = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || (URL.canParse(requestUrl) ? new URL(requestUrl).host : "");
  return reached !== "" && from.host === reached.toLowerCase();
}

/** The request may go on: a safe method, or a same-origin Origin (see isSameOrigin). */
export function mayMutate(request: Request): boolean {
  return isSafeMethod(request.method) || isSameOrigin(request.headers, request.url, env().NEXTAUTH_URL);
}

/** The same check for a server action, from its request's headers (next/headers). */
export function isSameOriginAction(headers: HeaderSource): boolean {
  return isSameOrigin(headers, "", env().NEXTAUTH_URL);
}
