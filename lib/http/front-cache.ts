import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { FRONT_CACHE_SECONDS } from "../cache/bounds";
import type { HashedPage } from "../security/public-html";
import { matchesIfNoneMatch } from "./etag";

// The server's front cache (docs/decisions/037-front-page-cache.md): the final bytes of the
// public pages Next answered as cacheable — headers with the policy's script hashes, the page,
// and its gzip and Brotli forms — answered again from memory to the next anonymous visitors,
// without Next, for a few seconds. A cached page through Next costs its routing, its ETag over
// the whole page, its compression and our reading of the page for the policy (the reading is
// kept per page now: lib/security/public-html.ts); from here it is one write. The page is kept
// as sent at once; its gzip and Brotli forms are made off the main thread the first time a
// client asks for them (meanwhile such clients get Next's answer), so a page asked for once,
// with a made-up Host for instance, costs no compression.
//
// What is kept, and for whom: only a GET of a document at an address without a query string
// (no `_rsc`; and made-up queries cannot make the server compress a page for each of them),
// with no RSC or router header,
// with no cookie and no Authorization, whose answer was a 200 HTML page with a hashed policy,
// `public` with an `s-maxage` (what lib/http/shared-cache.ts lets shared caches keep), no
// Set-Cookie, no Vary but on the router's headers and Accept-Encoding, and not one Next served
// stale. Such a page is the same for every visitor: a CDN could keep it by its address. The key
// is the address with the Host (the page's alternate links name it) and the forwarded host and
// scheme. Each answer from here has its own X-Request-Id and access-log line (server.ts).
//
// How long: never past an invalidation. The page cache counts its invalidations in this
// process (lib/cache/page-cache-changes.mjs: its own, the other instances' as they are heard,
// the end of a gap in hearing them); a page is kept only if the count did not move while its
// request was answered, and the whole cache is dropped when it moves. Otherwise at most
// FRONT_CACHE_SECONDS (lib/cache/bounds.ts), and never longer than the page's `s-maxage`.
// How much: FRONT_CACHE_MB of pages (all three forms), the least recently served dropped first.

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The page cache's count of invalidations (lib/cache/page-cache-changes.mjs keeps it on globalThis). */
const CHANGES = Symbol.for("hustings.pageCache.changes");
function pageCacheChanges(): number {
  return (globalThis as { [CHANGES]?: { count: number } })[CHANGES]?.count ?? 0;
}

/** Request headers that ask for something else than the document (the router's payloads, a server action). */
const NOT_A_DOCUMENT = /^(rsc|next-.*)$/;
/** What a kept page's Vary may name: the router's headers (never asked here) and the encoding (chosen here). */
const ALLOWED_VARY = new Set(["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "accept-encoding"]);
/** Headers of one answer or one connection, never kept. */
const NOT_KEPT = new Set(["x-request-id", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);
/** What a 304 leaves out of a kept page's headers (as Next's own 304 and lib/security/public-html.ts do). */
const NOT_IN_304 = new Set(["content-type", "content-security-policy"]);

export const DEFAULT_FRONT_CACHE_MB = 32;

type Encoding = "identity" | "gzip" | "br";

/** node:http has it (since Node 15.7), its types do not. */
type RawHeaderNames = { getRawHeaderNames(): string[] };

type Entry = {
  generation: number;
  expiresAt: number;
  /** Flat [name, value, …] for writeHead, without length and encoding. */
  headers: string[];
  notModified: string[];
  etag: string | undefined;
  identity: Buffer;
  bodies: Partial<Record<Encoding, Buffer>>;
  /** Forms being made. */
  compressing: Set<Encoding>;
  bytes: number;
};

export type FrontCacheOptions = {
  /** Bytes of pages kept at most (all forms); 0 turns the cache off. */
  maxBytes: number;
  /** Seconds a page is kept at most. */
  maxSeconds?: number;
  now?: () => number;
  /** Brotli quality for the kept pages (compressed once per page and period, off the main thread). */
  brotliQuality?: number;
};

/** FRONT_CACHE_MB (megabytes, 0 turns it off), checked at start. */
export function frontCacheBytes(env: Record<string, string | undefined>): number {
  const value = env.FRONT_CACHE_MB;
  if (value === undefined || value.trim() === "") return DEFAULT_FRONT_CACHE_MB * 1024 * 1024;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 4096)
    throw new Error(`FRONT_CACHE_MB must be a whole number of megabytes from 0 to 4096, got "${value}"`);
  return parsed * 1024 * 1024;
}

function headerText(value: number | string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(", ") : String(value ?? "");
}

/** The compressed forms an Accept-Encoding accepts. */
function acceptedEncodings(accept: string | undefined): { br: boolean; gzip: boolean } {
  const accepted = { br: false, gzip: false };
  if (!accept) return accepted;
  for (const part of accept.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name.trim() === "br") accepted.br = true;
    else if (name.trim() === "gzip" || name.trim() === "x-gzip" || name.trim() === "*") accepted.gzip = true;
  }
  return accepted;
}

/** The encoding to answer with: Brotli, else gzip, when the client accepts it; else the page as is. */
export function chooseEncoding(accept: string | undefined): Encoding {
  const accepted = acceptedEncodings(accept);
  return accepted.br ? "br" : accepted.gzip ? "gzip" : "identity";
}

/** The cache key of a request the front cache may answer, or undefined when it must go to Next. */
function keyOf(req: IncomingMessage): string | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  const url = req.url ?? "";
  if (!url.startsWith("/") || url.length > 2048 || url.includes("?")) return undefined;
  const headers = req.headers;
  if (headers.cookie || headers.authorization) return undefined;
  for (const name in headers) if (NOT_A_DOCUMENT.test(name)) return undefined;
  return `${headers.host ?? ""} ${headerText(headers["x-forwarded-host"])} ${headerText(headers["x-forwarded-proto"])} ${url}`;
}

/** `public` with an s-maxage (seconds), or undefined for anything else. */
function sharedMaxAge(cacheControl: string): number | undefined {
  const directives = cacheControl
    .toLowerCase()
    .split(",")
    .map((d) => d.trim());
  if (!directives.includes("public") || directives.some((d) => d === "private" || d === "no-store" || d === "no-cache")) return undefined;
  const sMaxAge = directives.find((d) => d.startsWith("s-maxage="));
  const seconds = sMaxAge === undefined ? Number.NaN : Number(sMaxAge.slice("s-maxage=".length));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

export class FrontCache {
  readonly #maxBytes: number;
  readonly #maxMs: number;
  readonly #now: () => number;
  readonly #brotliQuality: number;
  /** Least recently served first. */
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  #generation = pageCacheChanges();

  constructor({ maxBytes, maxSeconds = FRONT_CACHE_SECONDS, now = () => performance.now(), brotliQuality = 5 }: FrontCacheOptions) {
    this.#maxBytes = maxBytes;
    this.#maxMs = maxSeconds * 1000;
    this.#now = now;
    this.#brotliQuality = brotliQuality;
  }

  get enabled(): boolean {
    return this.#maxBytes > 0;
  }

  /** How many pages are kept, and their bytes (all forms). */
  get size(): { pages: number; bytes: number } {
    return { pages: this.#entries.size, bytes: this.#bytes };
  }

  /** Drops every page kept (the page cache was invalidated). */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** The count of invalidations, dropping everything kept if it moved. */
  #current(): number {
    const generation = pageCacheChanges();
    if (generation !== this.#generation) {
      this.#generation = generation;
      this.clear();
    }
    return generation;
  }

  /**
   * Answers `req` from the cache if it may and can: true when it did (the response is ended),
   * false when the request must go to Next. X-Request-Id and any other header already set on
   * `res` are kept.
   */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.enabled) return false;
    const key = keyOf(req);
    if (key === undefined) return false;
    this.#current();
    const entry = this.#entries.get(key);
    if (!entry) return false;
    if (entry.expiresAt <= this.#now()) {
      this.#drop(key, entry);
      return false;
    }
    // Most recently served last.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    const ifNoneMatch = req.headers["if-none-match"];
    // As Next's check (the `fresh` package): a client that asks for no cached copy gets the page.
    if (typeof ifNoneMatch === "string" && !/no-cache/i.test(headerText(req.headers["cache-control"])) && matchesIfNoneMatch(ifNoneMatch, entry.etag)) {
      res.setHeader("X-Front-Cache", "hit");
      res.writeHead(304, entry.notModified);
      res.end();
      return true;
    }
    const accepted = acceptedEncodings(headerText(req.headers["accept-encoding"]));
    const preferred: Encoding = accepted.br ? "br" : accepted.gzip ? "gzip" : "identity";
    if (!entry.bodies[preferred]) this.#compress(key, entry, preferred);
    // The preferred form, else gzip for a client that takes both; the page as is only to a client that takes neither (as Next).
    const encoding = entry.bodies[preferred] ? preferred : preferred === "br" && accepted.gzip && entry.bodies.gzip ? "gzip" : undefined;
    if (!encoding) return false;
    const body = entry.bodies[encoding]!;
    res.setHeader("X-Front-Cache", "hit");
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.writeHead(200, entry.headers);
    // A HEAD's response sends no body whatever it is given (node:http).
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  /**
   * What server.ts gives lib/security/public-html.ts for a request this cache may answer next
   * time (undefined for any other): it keeps the page once sent, if its answer may be shared.
   */
  capture(req: IncomingMessage): ((page: HashedPage) => void) | undefined {
    if (!this.enabled || req.method !== "GET") return undefined;
    const key = keyOf(req);
    if (key === undefined) return undefined;
    const generation = this.#current();
    const started = this.#now();
    return (page) => this.#keep(key, generation, started, page);
  }

  #keep(key: string, generation: number, started: number, { res, html }: HashedPage): void {
    if (res.statusCode !== 200) return;
    if (res.hasHeader("set-cookie")) return;
    if (!/^text\/html\b/i.test(headerText(res.getHeader("content-type")))) return;
    if (!headerText(res.getHeader("content-security-policy")).includes("script-src")) return;
    const seconds = sharedMaxAge(headerText(res.getHeader("cache-control")));
    if (seconds === undefined) return;
    const nextCache = headerText(res.getHeader("x-nextjs-cache")).toUpperCase();
    if (nextCache !== "" && nextCache !== "HIT" && nextCache !== "MISS") return;
    const vary = headerText(res.getHeader("vary"))
      .split(",")
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    if (vary.some((v) => !ALLOWED_VARY.has(v))) return;
    if (generation !== this.#current()) return;

    const headers: string[] = [];
    const notModified: string[] = [];
    // Each header as Next wrote its name.
    for (const name of (res as ServerResponse & RawHeaderNames).getRawHeaderNames()) {
      const lower = name.toLowerCase();
      const value = res.getHeader(lower);
      if (value === undefined || NOT_KEPT.has(lower)) continue;
      // Next rendered it for this request and stored it: the next ones are served from its cache.
      const text =
        lower === "vary" && !vary.includes("accept-encoding")
          ? `${headerText(value)}, Accept-Encoding`
          : lower === "x-nextjs-cache"
            ? "HIT"
            : headerText(value);
      headers.push(name, text);
      if (!NOT_IN_304.has(lower)) notModified.push(name, text);
    }
    if (!vary.includes("accept-encoding") && !res.hasHeader("vary")) {
      headers.push("vary", "Accept-Encoding");
      notModified.push("vary", "Accept-Encoding");
    }
    const identity = html();
    if (identity.length * 2 > this.#maxBytes) return;
    const etag = res.getHeader("etag");
    const previous = this.#entries.get(key);
    // The same page again (its time was up, or a client waited for a compressed form): the forms already made are kept.
    const same = previous !== undefined && previous.identity.equals(identity) && previous.generation === generation;
    const entry: Entry = {
      generation,
      expiresAt: started + Math.min(this.#maxMs, seconds * 1000),
      headers,
      notModified,
      etag: etag === undefined ? undefined : headerText(etag),
      identity: same ? previous.identity : identity,
      bodies: same ? previous.bodies : { identity },
      compressing: same ? previous.compressing : new Set(),
      bytes: same ? previous.bytes : identity.length,
    };
    if (previous) this.#drop(key, previous);
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    this.#evict();
  }

  /** Makes a compressed form of a kept page, off the main thread, once; it is added if the page is still kept. */
  #compress(key: string, entry: Entry, encoding: Encoding): void {
    if (encoding === "identity" || entry.compressing.has(encoding)) return;
    entry.compressing.add(encoding);
    const made =
      encoding === "gzip" ? gzip(entry.identity) : brotli(entry.identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: this.#brotliQuality } });
    void made
      .then((body) => {
        this.#current();
        // The page kept now, if it is still this one (kept again since, its forms carried over).
        const kept = this.#entries.get(key);
        if (!kept || kept.identity !== entry.identity || kept.bodies[encoding]) return;
        kept.bodies[encoding] = body;
        kept.bytes += body.length;
        this.#bytes += body.length;
        this.#evict();
      })
      .catch(() => undefined)
      .finally(() => entry.compressing.delete(encoding));
  }

  /** The least recently served pages go until the rest fit. */
  #evict(): void {
    for (const [oldest, kept] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#drop(oldest, kept);
    }
  }

  #drop(key: string, entry: Entry): void {
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}
