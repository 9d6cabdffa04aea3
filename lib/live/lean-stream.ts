// The live hearing's event stream (GET /api/hearings/:id/events), written by the production server
// itself, before Next (docs/decisions/034-lean-live-stream.md). Next's route handler cost 75–115 KB
// of server memory per viewer (a web Request, an AbortSignal, a ReadableStream piped into the
// response, the framework's per-request state); here a viewer is the node:http response and the
// few closures of its stream, and every event is one encoded frame, the same bytes for all of
// them, written to each response as the bus brings it.
//
// Same design and bytes as the route (lib/hearings/live-stream.ts does the work for both, through
// lib/live/engine.ts): the retry hint, the opening state after a replay of what a returning viewer
// missed (Last-Event-ID or ?after=), every change, the heartbeat, `failure` events with their
// codes, FULL past LIVE_MAX_VIEWERS, a retry hint and the end at shutdown, the viewers' gauge; the
// route's headers, never compressed. A members-only hearing's stream is handed on to Next's route,
// which asks the viewer's session (docs/decisions/027-same-origin-and-members-only-stream.md); so
// is every stream until the app's modules have loaded.
//
// No "server-only" and no "@/" imports here: server.ts loads this file under plain tsx.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { errorField, logger } from "../observability/logger";
import { baseSecurityHeaders } from "../security/headers";
import { liveEngine, type LiveEngine, type LiveSink } from "./engine";
import { failureFrame, HEARING_ID, liveMaxViewers, parseLastEventId, parseLeanSwitch, retryFrame, SSE_HEADERS } from "./protocol";

const EVENTS_PATH = /^\/api\/hearings\/([^/?#]+)\/events(?:\?([^#]*))?$/;

/**
 * A hearing's webcast access is read again after this long: a hearing made members-only is
 * refused to new anonymous viewers within it (streams already open stay, as with the route).
 */
export const ACCESS_KEPT_MS = 5_000;
/** While the database cannot be read, the access last read is used and read again this often. */
const ACCESS_RETRY_MS = 1_000;
/** Accesses kept before the expired ones are swept (ids of hearings that do not exist cost a line each). */
const ACCESS_SWEEP_AT = 1_000;

/**
 * A viewer whose connection holds more than this unsent (a stalled network) is cut rather than
 * buffered without end: its browser comes back with Last-Event-ID and is caught up. What waits
 * is mostly the frames every viewer shares, held by reference; an opening's replay (up to 100
 * whole states) stays well under it.
 */
export const MAX_UNSENT_BYTES = 1024 * 1024;

// Malformed values stop the server as it starts, not on the first viewer.
const LEAN = parseLeanSwitch(process.env.LIVE_LEAN_STREAM);
liveMaxViewers();

const log = logger().child({ name: "live" });

let headers: Record<string, string> | undefined;

/**
 * The route's headers: next.config.ts's security headers, then the stream's (lib/live/protocol.ts).
 * Not Next's `Vary: rsc, next-router-…`, which concerns its page navigations, not a stream no one may store.
 */
function streamHeaders(): Record<string, string> {
  if (headers) return headers;
  // As a web Response writes the stream's: lower case, in order.
  const stream = Object.entries(SSE_HEADERS)
    .map(([key, value]): [string, string] => [key.toLowerCase(), value])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  headers = Object.fromEntries([
    ...baseSecurityHeaders(process.env.NODE_ENV === "production").map(({ key, value }): [string, string] => [key, value]),
    ...stream,
  ]);
  return headers;
}

type Access = "open" | "members";
type Kept = { access: Promise<Access>; until: number; known: Access | undefined };
const accesses = new Map<string, Kept>();

/**
 * The hearing's access, read once per hearing every ACCESS_KEPT_MS however many viewers arrive
 * meanwhile. While the database cannot be read, the access last read is used, read again after
 * a second: viewers of a public hearing are then given the last state this instance heard, as
 * docs/decisions/020-live-stream-recovery.md has it. With none read yet, the read's failure stands.
 */
function accessOf(engine: LiveEngine, hearingId: string): Promise<Access> {
  const now = performance.now();
  const kept = accesses.get(hearingId);
  if (kept && kept.until > now) return kept.access;
  if (accesses.size >= ACCESS_SWEEP_AT) for (const [id, entry] of accesses) if (entry.until <= now) accesses.delete(id);
  const known = kept?.known;
  const entry: Kept = { access: Promise.resolve("open"), until: now + ACCESS_KEPT_MS, known };
  entry.access = engine.access(hearingId).then(
    (access) => (entry.known = access),
    (error: unknown) => {
      if (known) {
        entry.until = performance.now() + ACCESS_RETRY_MS;
        return known;
      }
      // Nothing to fall back on: not kept, the next viewer asks again.
      if (accesses.get(hearingId) === entry) accesses.delete(hearingId);
      throw error;
    },
  );
  accesses.set(hearingId, entry);
  return entry.access;
}

/**
 * Serves `req` when it asks for a hearing's event stream, and returns true; else returns false
 * and `req` is Next's. `passOn` hands the request to Next (a members-only hearing).
 */
export function serveLiveStream(req: IncomingMessage, res: ServerResponse, passOn: () => Promise<void>): boolean {
  if (!LEAN || req.method !== "GET") return false;
  const match = EVENTS_PATH.exec(req.url ?? "");
  if (!match) return false;
  const engine = liveEngine();
  if (!engine) return false;
  let hearingId: string;
  try {
    hearingId = decodeURIComponent(match[1] ?? "");
  } catch {
    return false;
  }
  const lastEventIdHeader = req.headers["last-event-id"];
  const lastEventId =
    parseLastEventId(typeof lastEventIdHeader === "string" ? lastEventIdHeader : null) ??
    parseLastEventId(match[2] ? new URLSearchParams(match[2]).get("after") : null);
  // Not a hearing's id: the stream says NOT_FOUND without a query.
  if (!HEARING_ID.test(hearingId)) {
    follow(engine, res, hearingId, lastEventId);
    return true;
  }
  accessOf(engine, hearingId).then(
    (access) => {
      if (access === "open") return follow(engine, res, hearingId, lastEventId);
      passOn().catch((error: unknown) => {
        log.error({ reqId: req.headers["x-request-id"], err: errorField(error) }, "request handler failed");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    },
    // Logged by the engine; as when the stream's own opening cannot read the database: the panel comes back later.
    () => {
      if (gone(res)) return;
      open(res);
      res.write(retryFrame());
      res.end(failureFrame("UNAVAILABLE"));
    },
  );
  return true;
}

// A frame as a chunk of the response's chunked body, made once per frame: an event's frame is
// one object shared by every viewer, so is its chunk. Written straight to each viewer's socket, it
// is one write of one buffer, where the response's own write corks the socket, writes the chunk's
// size, the frame and a line end, and uncorks into a gathered write: the fan-out's main cost
// with 10,000 viewers (docs/decisions/034-lean-live-stream.md).
const chunks = new WeakMap<Uint8Array, Buffer>();
const LINE_END = Buffer.from("\r\n", "latin1");

function chunkOf(bytes: Uint8Array): Buffer {
  let chunk = chunks.get(bytes);
  if (!chunk) {
    chunk = Buffer.concat([Buffer.from(`${bytes.byteLength.toString(16)}\r\n`, "latin1"), bytes, LINE_END]);
    chunks.set(bytes, chunk);
  }
  return chunk;
}

// Node's own fields: `_headerSent` once the head has gone to the socket (`headersSent` is true as
// soon as writeHead has stored it), `chunkedEncoding`, and `outputData`, what waits in the response.
type ChunkedResponse = ServerResponse & { _headerSent?: boolean; chunkedEncoding?: boolean; outputData?: unknown[] };

/**
 * The viewer's socket, when a chunk may be written to it directly: the headers are out, the body
 * is chunked, and the response holds nothing of its own waiting to go (so the order stays); else
 * null, and the response writes the frame itself.
 */
function direct(res: ServerResponse): Socket | null {
  const response = res as ChunkedResponse;
  const socket = res.socket;
  if (!socket || response._headerSent !== true || response.chunkedEncoding !== true || (response.outputData?.length ?? 1) !== 0) return null;
  if ((socket as Socket & { _httpMessage?: unknown })._httpMessage !== res || !socket.writable) return null;
  return socket;
}

function gone(res: ServerResponse): boolean {
  return res.destroyed || res.writableEnded;
}

function open(res: ServerResponse) {
  const all = streamHeaders();
  // A server that is stopping has said Connection: close (server.ts): kept.
  if (res.hasHeader("connection")) {
    const { connection: _kept, ...rest } = all;
    res.writeHead(200, rest);
  } else res.writeHead(200, all);
}

function follow(engine: LiveEngine, res: ServerResponse, hearingId: string, lastEventId: number | null) {
  if (gone(res)) return;
  open(res);
  let close = () => {};
  res.once("close", () => close());
  const sink: LiveSink = {
    write(bytes) {
      if (res.destroyed) throw new Error("the viewer's connection is closed");
      const socket = direct(res);
      if (socket) socket.write(chunkOf(bytes));
      else res.write(bytes);
      if (res.writableLength > MAX_UNSENT_BYTES) res.destroy();
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
  close = engine.follow({ hearingId, lastEventId, sink });
}
