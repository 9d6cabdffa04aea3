// Security headers. Two Content Security Policies (docs/decisions/005):
// - pages that render per request (signed-in areas, sign-in) get a fresh nonce and
//   'strict-dynamic' (set in proxy.ts);
// - everything else, above all the cached public pages that carry the traffic spikes, gets
//   scripts only from this origin (pinned by SRI) and, on a public page, the inline scripts
//   Next writes into it by their hashes, which server.ts adds per response
//   (docs/decisions/025-public-page-script-hashes.md); never 'unsafe-eval' in production.
// Their connect-src and media-src name only the media origins in use (docs/decisions/028-media-origins.md).
import { currentMediaSources } from "./media-origins";

/**
 * What every page's policy has in common. `media` is where the video player and the uploader
 * may connect and load media from, besides this origin (lib/security/media-origins.ts,
 * docs/decisions/028-media-origins.md): one list for every kind of page, because a client-side
 * navigation keeps the first page's policy, and read from the running server's environment.
 */
function commonDirectives(media: readonly string[]): string[] {
  const listed = media.length > 0 ? ` ${media.join(" ")}` : "";
  return [
    "default-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "img-src 'self' data: blob: https://image.mux.com",
    `media-src 'self' blob:${listed}`,
    "font-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${listed}`,
    "worker-src 'self' blob:",
  ];
}

function evalFor(production: boolean): string {
  // React's development build needs eval for its debugging aids; production never does.
  return production ? "" : " 'unsafe-eval'";
}

/**
 * Every response but the per-request pages, as next.config.ts sends it. In production no inline
 * script runs under it: server.ts replaces it on each public page with publicPagePolicy
 * (docs/decisions/025-public-page-script-hashes.md). `next dev` serves pages itself, so
 * development keeps 'unsafe-inline'.
 */
export function cachedPagePolicy(production: boolean, media: readonly string[] = currentMediaSources()): string {
  return [...commonDirectives(media), production ? "script-src 'self'" : `script-src 'self' 'unsafe-inline'${evalFor(production)}`].join("; ");
}

/** A public page's policy: scripts from this origin, and the page's own inline scripts by their hashes. */
export function publicPagePolicy(hashes: readonly string[], production: boolean, media: readonly string[] = currentMediaSources()): string {
  return [...commonDirectives(media), ["script-src 'self'", ...hashes].join(" ") + evalFor(production)].join("; ");
}

export function noncePolicy(nonce: string, production: boolean, media: readonly string[] = currentMediaSources()): string {
  return [...commonDirectives(media), `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalFor(production)}`].join("; ");
}

export function baseSecurityHeaders(production: boolean): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: cachedPagePolicy(production) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  return headers;
}

/** For uploaded files: the same headers, but a policy under which nothing in the file can run. */
export function uploadedFileHeaders(production: boolean): { key: string; value: string }[] {
  return baseSecurityHeaders(production).map((h) => (h.key === "Content-Security-Policy" ? { key: h.key, value: "default-src 'none'; sandbox" } : h));
}
