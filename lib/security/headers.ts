// Security headers. Two Content Security Policies (docs/decisions/005):
// - pages that render per request (signed-in areas, sign-in) get a fresh nonce and
//   'strict-dynamic' (set in proxy.ts);
// - everything else, above all the cached public pages that carry the traffic spikes, gets
//   the strongest policy that needs no nonce: scripts only from this origin (pinned by SRI),
//   inline scripts allowed because Next inlines each page's RSC payload, never 'unsafe-eval'
//   in production.

const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "img-src 'self' data: blob: https://image.mux.com",
  "media-src 'self' blob: https:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // Any https origin (docs/decisions/008): hls.js fetches an external video's playlist and
  // segments, and a Mux direct upload goes to a storage host Mux chooses per upload. Scripts
  // stay limited to this origin, which is what keeps injected code from running at all.
  "connect-src 'self' https:",
  "worker-src 'self' blob:",
];

function evalFor(production: boolean): string {
  // React's development build needs eval for its debugging aids; production never does.
  return production ? "" : " 'unsafe-eval'";
}

export function cachedPagePolicy(production: boolean): string {
  return [...COMMON_DIRECTIVES, `script-src 'self' 'unsafe-inline'${evalFor(production)}`].join("; ");
}

export function noncePolicy(nonce: string, production: boolean): string {
  return [...COMMON_DIRECTIVES, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalFor(production)}`].join("; ");
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
