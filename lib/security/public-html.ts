import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { logger } from "../observability/logger";
import { loggedPath } from "../observability/request-id";
import { publicPagePolicy } from "./headers";
import { frameworkScriptHashes } from "./inline-scripts";

// Public pages are cached and shared, so they carry no nonce (docs/decisions/005); their
// inline scripts are allowed by hash instead (docs/decisions/025-public-page-script-hashes.md).
// server.ts calls hashPublicHtml on every request: a GET answered with HTML that has no nonce
// policy (every page but the per-request ones proxy.ts gives a nonce) is held until complete,
// its framework scripts hashed, and sent with a policy naming those hashes. Anything else
// passes through untouched, but a 304 loses its policy. Next compresses first (its own
// middleware sits closer to the page), so a held page is read through a decompressed copy and
// sent as compressed.
//
// A cached page is the same bytes request after request: its hashes are kept with the bytes
// they were read from (per path, a few megabytes in all), and a page whose bytes are exactly
// those is not decompressed and read again (docs/decisions/037-front-page-cache.md: the reading
// was a third of the server's time per cached page).

/** The bytes of the pages whose hashes are kept, at most: the pages served most recently. */
const MEMO_MAX_BYTES = 16 * 1024 * 1024;

/** Far above any public page (tens of kilobytes): past it, the page goes out with the hashes seen so far. */
const MAX_HELD_BYTES = 8 * 1024 * 1024;

type Mode = "undecided" | "hold" | "pass";
type Callback = (error?: Error | null) => void;

const warned = new Set<string>();

/** A page as sent (compressed or not) and the hashes of its framework scripts, by path. */
const memo = new Map<string, { body: Buffer; encoding: string; hashes: string[] }>();
let memoBytes = 0;

function remembered(path: string, body: Buffer, encoding: string): string[] | undefined {
  const kept = memo.get(path);
  if (!kept || kept.encoding !== encoding || !kept.body.equals(body)) return undefined;
  // Most recently used last: the first ones are dropped when the memo is full.
  memo.delete(path);
  memo.set(path, kept);
  return kept.hashes;
}

function remember(path: string, body: Buffer, encoding: string, hashes: string[]): void {
  if (body.length > MEMO_MAX_BYTES / 4) return;
  const previous = memo.get(path);
  if (previous) {
    memo.delete(path);
    memoBytes -= previous.body.length;
  }
  memo.set(path, { body, encoding, hashes });
  memoBytes += body.length;
  for (const [oldest, entry] of memo) {
    if (memoBytes <= MEMO_MAX_BYTES) break;
    memo.delete(oldest);
    memoBytes -= entry.body.length;
  }
}

/**
 * A public page as it is sent, once its policy is set (its headers are the response's own by
 * then): for the front cache (lib/http/front-cache.ts). `html()` is the page decompressed.
 */
export type HashedPage = { res: ServerResponse; body: Buffer; encoding: string; html: () => Buffer };

function decode(body: Buffer, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "":
    case "identity":
      return body;
    case "gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      throw new Error(`unknown content encoding ${encoding}`);
  }
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(chunk as Uint8Array);
}

function headerText(value: number | string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(", ") : String(value ?? "");
}

/** Sets the headers a writeHead(status, [reason], headers) call carries, as Node itself would. */
function applyWriteHeadArguments(res: ServerResponse, args: unknown[]): void {
  const [status, second, third] = args;
  if (typeof status === "number") res.statusCode = status;
  if (typeof second === "string") res.statusMessage = second;
  const headers = typeof second === "string" ? third : second;
  if (!headers || typeof headers !== "object") return;
  if (Array.isArray(headers)) {
    // [[name, value], …] or the flat [name, value, name, value, …]
    const pairs: [string, string][] = Array.isArray(headers[0])
      ? (headers as [string, string][])
      : Array.from({ length: headers.length / 2 }, (_, i) => [String(headers[2 * i]), String(headers[2 * i + 1])]);
    for (const [name, value] of pairs) res.appendHeader(name, value);
    return;
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value !== undefined) res.setHeader(name, value as string | string[]);
  }
}

/**
 * `onPage`, when given, is called with a whole page (not one cut at the cap) just before it is
 * sent, with its policy set.
 */
export function hashPublicHtml(
  req: IncomingMessage,
  res: ServerResponse,
  production = process.env.NODE_ENV === "production",
  onPage?: (page: HashedPage) => void,
): void {
  if (req.method !== "GET") return;
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let mode: Mode = "undecided";
  const chunks: Buffer[] = [];
  let held = 0;
  let ended = false;

  const decide = (): Mode => {
    if (mode !== "undecided") return mode;
    // A 304 confirms the browser's stored page, whose policy names that page's hashes: a policy
    // sent with it would replace the stored one (the browser updates stored headers from a 304)
    // with one that allows none of them.
    if (res.statusCode === 304) res.removeHeader("Content-Security-Policy");
    const type = headerText(res.getHeader("content-type"));
    const policy = headerText(res.getHeader("content-security-policy"));
    mode = /^text\/html\b/i.test(type) && !policy.includes("'nonce-") && res.statusCode !== 304 && res.statusCode !== 204 ? "hold" : "pass";
    return mode;
  };

  /** Sends what is held with a policy for the scripts it contains; then, past the cap, lets the rest through. */
  const release = (): void => {
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    chunks.length = 0;
    const encoding = headerText(res.getHeader("content-encoding"));
    const path = req.url ?? "";
    let decoded: Buffer | undefined;
    const html = () => (decoded ??= decode(body, encoding));
    let hashes = ended ? remembered(path, body, encoding) : undefined;
    if (!hashes) {
      hashes = [];
      try {
        const found = frameworkScriptHashes(html().toString("utf8"));
        hashes = found.hashes;
        if (ended) remember(path, body, encoding, hashes);
        if (found.refused.length > 0 && !warned.has(path)) {
          warned.add(path);
          logger().warn(
            { path: loggedPath(req.url), refused: found.refused.length },
            "inline scripts not written by the framework are not allowed by the page's policy",
          );
        }
      } catch (error) {
        // A page cut short (more than the cap) cannot be decompressed whole: allow what was readable, which is nothing.
        if (ended) logger().warn({ path: loggedPath(req.url), detail: String(error) }, "could not read the page for its scripts' hashes");
      }
    }
    res.setHeader("Content-Security-Policy", publicPagePolicy(hashes, production));
    if (ended) res.setHeader("Content-Length", body.length);
    if (ended && onPage) {
      try {
        onPage({ res, body, encoding, html });
      } catch (error) {
        logger().warn({ path: loggedPath(req.url), detail: String(error) }, "a public page could not be kept for the next requests");
      }
    }
    original.writeHead.call(res, res.statusCode);
    mode = "pass";
    if (ended) (original.end as (chunk: Buffer) => ServerResponse).call(res, body);
    else (original.write as (chunk: Buffer) => boolean).call(res, body);
  };

  res.flushHeaders = function flushHeaders(this: ServerResponse) {
    if (decide() === "pass") return original.flushHeaders.call(this);
  };
  res.writeHead = function writeHead(this: ServerResponse, ...args: unknown[]) {
    if (mode === "pass") return (original.writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    if (mode === "hold") return this;
    applyWriteHeadArguments(this, args);
    if (decide() === "pass") return original.writeHead.call(this, this.statusCode);
    return this;
  } as ServerResponse["writeHead"];
  res.write = function write(this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (decide() === "pass") return (original.write as (...a: unknown[]) => boolean).call(this, chunk, encoding, callback);
    const done = (typeof encoding === "function" ? encoding : callback) as Callback | undefined;
    const bytes = toBuffer(chunk, encoding);
    chunks.push(bytes);
    held += bytes.length;
    if (held > MAX_HELD_BYTES) {
      logger().warn({ path: loggedPath(req.url), maxHeldBytes: MAX_HELD_BYTES }, `a page over ${MAX_HELD_BYTES} bytes is sent with the hashes of nothing`);
      release();
    }
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse["write"];
  res.end = function end(this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (decide() === "pass") return (original.end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
    const done = (typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback) as Callback | undefined;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
      chunks.push(toBuffer(chunk, encoding));
    }
    ended = true;
    release();
    if (done) this.once("finish", () => done());
    return this;
  } as ServerResponse["end"];
}
