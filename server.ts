// The production server: Next's request handler behind a small HTTP server of our own
// (docs/decisions/024-client-address-and-server.md). `npm start`, the end-to-end tests, the
// route-level tests and the benches all run the app through this file, never `next start`:
//
//   - it decides the client's address from the socket (and TRUSTED_PROXY_HOPS trusted
//     proxies) and replaces whatever X-Forwarded-For the client sent with it, so every
//     per-address limit counts the real peer (lib/auth/client-ip.ts reads it);
//   - it listens where HOSTNAME says (default 127.0.0.1) on PORT (default 3000);
//   - it gives each public page a Content Security Policy that allows its framework-written
//     inline scripts by hash, instead of 'unsafe-inline' (lib/security/public-html.ts,
//     docs/decisions/025-public-page-script-hashes.md);
//   - it answers anonymous visitors' public pages from the bytes it last sent for them, for a
//     few seconds and never past an invalidation of the page cache, without Next
//     (lib/http/front-cache.ts, docs/decisions/037-front-page-cache.md);
//   - it gives each request an id (X-Request-Id) and writes one JSON access-log line per
//     request, and on SIGTERM or SIGINT it stops in order within 10 s: readiness fails, event
//     streams are told when to come back and closed, requests in flight finish, the workers,
//     the LISTEN connection and the database pools stop (lib/lifecycle/shutdown.ts,
//     docs/decisions/029-observability-and-shutdown.md).
//
// Run with `node scripts/server.cjs` (tsx's CommonJS hook, docs/decisions/024), from the
// project's folder, with NODE_ENV=production and an existing `next build` (NEXT_DIST_DIR names
// another build folder, as next.config.ts reads it).
import http from "node:http";
import os from "node:os";
import next from "next";
import { beginShutdown, isShuttingDown, onShutdown, runShutdownHooks } from "./lib/lifecycle/shutdown";
import { clientAddress, parseTrustedProxyHops } from "./lib/net/client-address";
import { FrontCache, frontCacheBytes } from "./lib/http/front-cache";
import { limitSharedCaching, sharedCachePolicy } from "./lib/http/shared-cache";
import { serveLiveStream } from "./lib/live/lean-stream";
import { bindAddress } from "./lib/net/listen";
import { errorField, logger } from "./lib/observability/logger";
import { loggedPath, requestId } from "./lib/observability/request-id";
import { mediaSources } from "./lib/security/media-origins";
import { hashPublicHtml } from "./lib/security/public-html";

const log = logger().child({ name: "server" });

/** Whatever happens, the process is gone this long after the signal (orchestrators wait 10 s before killing). */
const EXIT_WITHIN_MS = 9_500;
/** After SIGTERM, requests are still served while readiness answers 503, so that a load balancer stops sending any before the port closes. */
const READINESS_GRACE_MS = 2_000;
/** Requests in flight after the port closes get this long to finish, then their connections are cut. */
const DRAIN_MS = 2_500;
/** Probes are many and alike: their lines only at debug level. */
const QUIET_PATHS = /^\/api\/(health|metrics)(\/|$)/;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parsePort(value: string | undefined): number {
  const port = Number(value?.trim() || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const hostname = bindAddress(process.env.HOSTNAME, os.hostname());
  const port = parsePort(process.env.PORT);
  const hops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
  // Every page's connect-src and media-src (docs/decisions/028-media-origins.md): a malformed list stops the server here, not on the first page.
  const media = mediaSources(process.env);
  // What a CDN in front may keep of a public page (lib/http/shared-cache.ts): checked here too.
  const sharedCache = sharedCachePolicy(process.env);
  // Public pages answered again from memory, without Next (lib/http/front-cache.ts, docs/decisions/037-front-page-cache.md).
  const frontCache = new FrontCache({ maxBytes: frontCacheBytes(process.env) });
  if (process.env.NODE_ENV !== "production") Reflect.set(process.env, "NODE_ENV", "production");

  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The page cache's LISTEN connection (lib/cache/page-cache-handler.mjs, opened by Next's cache
  // handler and kept on globalThis) stops with the other listeners.
  onShutdown("page cache bus", "workers", async () => {
    const bus = (globalThis as Record<symbol, { close(): Promise<void> } | undefined>)[Symbol.for("hustings.pageCache.bus")];
    await bus?.close();
  });

  const server = http.createServer((req, res) => {
    const started = performance.now();
    // Taken from our own proxies only; the handler and the answer see the same id.
    const id = requestId(req.headers["x-request-id"], hops);
    req.headers["x-request-id"] = id;
    res.setHeader("X-Request-Id", id);
    if (isShuttingDown()) res.setHeader("Connection", "close");
    accessLog(req, res, id, started);
    // The one address every limit counts; nothing the client sent survives.
    req.headers["x-forwarded-for"] = clientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], hops });
    // A hearing's event stream is written here, not by Next; a members-only one's is Next's route's (docs/decisions/034-lean-live-stream.md).
    if (serveLiveStream(req, res, () => handle(req, res))) return;
    if (frontCache.serve(req, res)) return;
    limitSharedCaching(res, sharedCache);
    hashPublicHtml(req, res, undefined, frontCache.capture(req));
    handle(req, res).catch((error: unknown) => {
      log.error({ reqId: id, err: errorField(error) }, "request handler failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // Next's own server keeps idle connections a little longer than common load balancers do.
  server.keepAliveTimeout = 75_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
  log.info(
    { hostname, port, trustedProxyHops: hops },
    `listening on http://${shown}:${port}${hops > 0 ? ` (client address from X-Forwarded-For, ${hops} trusted proxy hop${hops > 1 ? "s" : ""})` : ""}`,
  );
  log.info({ mediaOrigins: media }, `media origins: ${media.length > 0 ? media.join(" ") : "none"}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal (Ctrl-C reaches npm start and this server alike): the first is in hand.
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => {
      log.error({ signal }, `not stopped within ${EXIT_WITHIN_MS} ms: exiting anyway`);
      process.exit(1);
    }, EXIT_WITHIN_MS);
    forced.unref();
    void shutdown(signal, server, () => app.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: errorField(error) }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * The stop, in order (docs/decisions/029-observability-and-shutdown.md): readiness fails;
 * event streams, which stay open for hours, are given a retry hint and closed; after SIGTERM,
 * a grace while the load balancer notices (Ctrl-C has none); the port closes and requests in
 * flight finish or are cut; then Next, the workers and the LISTEN connection, the pools last.
 */
async function shutdown(signal: NodeJS.Signals, server: http.Server, closeApp: () => Promise<void>): Promise<void> {
  const started = performance.now();
  beginShutdown();
  log.info({ signal }, `${signal} received: stopping (readiness answers 503 from now on)`);
  const outcomes = await runShutdownHooks({ phases: ["streams"], budgetMs: 1_000 });
  if (signal === "SIGTERM") await sleep(READINESS_GRACE_MS);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, sleep(DRAIN_MS)]);
  server.closeAllConnections();
  await Promise.race([closeApp().catch(() => undefined), sleep(1_000)]);
  const left = EXIT_WITHIN_MS - 500 - (performance.now() - started);
  outcomes.push(...(await runShutdownHooks({ phases: ["workers", "pools"], budgetMs: Math.max(500, left) })));
  for (const { name, ...outcome } of outcomes) {
    if (outcome.outcome === "stopped") log.debug({ hook: name, ...outcome }, `${name}: stopped`);
    else log.warn({ hook: name, ...outcome }, `${name}: ${outcome.outcome} at shutdown`);
  }
  log.info({ signal, ms: Math.round(performance.now() - started) }, `${signal} received: stopped`);
}

/** One line per request once answered or abandoned: never its query string, cookies or body. */
function accessLog(req: http.IncomingMessage, res: http.ServerResponse, reqId: string, started: number) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    const path = loggedPath(req.url);
    const line = {
      reqId,
      method: req.method,
      path,
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (QUIET_PATHS.test(path)) log.debug(line, "request");
    else log.info(line, "request");
  };
  res.once("finish", write);
  res.once("close", write);
}

main().catch((error: unknown) => {
  log.fatal({ err: errorField(error) }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
