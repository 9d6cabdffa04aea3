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
//     docs/decisions/025-public-page-script-hashes.md).
//
// Run with tsx (`tsx server.ts`), from the project's folder, with NODE_ENV=production and an
// existing `next build` (NEXT_DIST_DIR names another build folder, as next.config.ts reads it).
import http from "node:http";
import os from "node:os";
import next from "next";
import { clientAddress, parseTrustedProxyHops } from "./lib/net/client-address";
import { bindAddress } from "./lib/net/listen";
import { mediaSources } from "./lib/security/media-origins";
import { hashPublicHtml } from "./lib/security/public-html";

const log = (line: string) => console.log(`[server] ${line}`);

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
  if (process.env.NODE_ENV !== "production") Reflect.set(process.env, "NODE_ENV", "production");

  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    // The one address every limit counts; nothing the client sent survives.
    req.headers["x-forwarded-for"] = clientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], hops });
    hashPublicHtml(req, res);
    handle(req, res).catch((error: unknown) => {
      console.error(error);
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
  log(`listening on http://${shown}:${port}${hops > 0 ? ` (client address from X-Forwarded-For, ${hops} trusted proxy hop${hops > 1 ? "s" : ""})` : ""}`);
  log(`media origins: ${media.length > 0 ? media.join(" ") : "none"}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal (Ctrl-C reaches npm start and this server alike): the first is in hand.
    if (stopping) return;
    stopping = true;
    // Event streams stay open for hours: close them rather than wait for them.
    server.close();
    server.closeAllConnections();
    const forced = setTimeout(() => process.exit(0), 5_000);
    forced.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
    log(`${signal} received: stopped`);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`[server] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
