import { randomUUID } from "node:crypto";

// Every request carries an id, on its access-log line and in its answer's X-Request-Id, so that
// one line can be found from a user's report (docs/decisions/029-observability-and-shutdown.md).
// An id sent by the client is taken only behind proxies of ours (TRUSTED_PROXY_HOPS > 0), which
// set it; from anyone else it could be chosen to forge or muddle the log.
//
// No "server-only" here: server.ts loads it under plain tsx.

/** Letters, digits and a few separators, as load balancers and tracing headers write them. */
const ACCEPTED = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestId(incoming: string | string[] | undefined, trustedHops: number, generate: () => string = randomUUID): string {
  if (trustedHops > 0 && typeof incoming === "string" && ACCEPTED.test(incoming)) return incoming;
  return generate();
}

/**
 * The path of `url` as the log may show it: no query string (tokens and addresses travel
 * there), and the one path segment that is a secret (a set-password link's token) masked.
 */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  return path
    .replace(/(\/set-password\/)[^/]+/, "$1[token]")
    .replace(/(\/follow\/)[^/]+/, "$1[token]")
    .slice(0, 300);
}
