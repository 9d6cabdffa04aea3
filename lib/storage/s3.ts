import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { amzDateOf, authorizationHeader, sha256Hex, type Credentials } from "./sigv4";
import { assertStorageKey, byteLimit, toNodeReadable, toWebStream, type Storage } from "./storage";

export type S3Config = Credentials & { endpoint: string; bucket: string };

type Method = "PUT" | "GET" | "HEAD" | "DELETE";
type Body = { bytes: Buffer } | { file: string; size: number; sha256: string };

/** `bytes 0-99/1234` → 1234. */
const totalOf = (contentRange: string | null) => {
  const match = contentRange ? /\/(\d+)$/.exec(contentRange) : null;
  return match ? Number(match[1]) : null;
};

/**
 * Any S3-compatible store (AWS, MinIO, R2, Ceph…), path-style addressing, signed with SigV4.
 * Objects are private; reads always go through app/api/files, which checks access.
 */
export function s3Storage(config: S3Config, now: () => Date = () => new Date()): Storage {
  const base = new URL(config.endpoint);
  async function send(method: Method, key: string, options: { body?: Body; contentType?: string; range?: string } = {}) {
    assertStorageKey(key);
    const url = new URL(`${base.pathname.replace(/\/$/, "")}/${config.bucket}/${key}`, base);
    const { body } = options;
    // The payload is always hashed (streamed bodies while they are spooled), so the store
    // checks every byte it receives against the signature.
    const payloadHash = !body ? sha256Hex("") : "bytes" in body ? sha256Hex(body.bytes) : body.sha256;
    const amzDate = amzDateOf(now());
    const headers: Record<string, string> = { "x-amz-date": amzDate, "x-amz-content-sha256": payloadHash };
    if (options.contentType) headers["content-type"] = options.contentType;
    if (options.range) headers.range = options.range;
    if (body && "file" in body) headers["content-length"] = String(body.size);
    // fetch sets Host itself; it is signed all the same.
    const authorization = authorizationHeader(config, { method, pathname: url.pathname, headers: { ...headers, host: url.host }, payloadHash, amzDate });
    const init: RequestInit & { duplex?: "half" } = { method, headers: { ...headers, authorization }, cache: "no-store" };
    if (body && "bytes" in body) init.body = new Uint8Array(body.bytes);
    if (body && "file" in body) {
      init.body = toWebStream(createReadStream(body.file));
      init.duplex = "half";
    }
    return fetch(url, init);
  }
  const fail = async (what: string, response: Response) => {
    throw new Error(`S3 ${what} failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
  };
  return {
    async put(key, bytes, contentType) {
      const response = await send("PUT", key, { body: { bytes }, contentType });
      if (!response.ok) await fail("PUT", response);
    },
    async putStream(key, source, contentType, maxBytes) {
      assertStorageKey(key);
      // S3 wants the length (and here the hash) before the body: the stream is spooled to a
      // private temporary file first, counted and hashed on the way, then sent from disk.
      const spool = path.join(tmpdir(), `hustings-spool-${randomBytes(16).toString("hex")}`);
      try {
        const limit = byteLimit(maxBytes);
        const hash = createHash("sha256");
        const hashing = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            hash.update(chunk);
            callback(null, chunk);
          },
        });
        await pipeline(toNodeReadable(source), limit, hashing, createWriteStream(spool, { flags: "wx", mode: 0o600 }));
        const size = (await stat(spool)).size;
        const response = await send("PUT", key, { body: { file: spool, size, sha256: hash.digest("hex") }, contentType });
        if (!response.ok) await fail("PUT", response);
        return { size };
      } finally {
        await rm(spool, { force: true });
      }
    },
    async get(key) {
      const response = await send("GET", key);
      if (response.status === 404) return null;
      if (!response.ok) await fail("GET", response);
      return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? "application/octet-stream" };
    },
    async open(key, range) {
      const response = await send("GET", key, range ? { range: `bytes=${range.start}-${range.end}` } : {});
      if (response.status === 404) return null;
      if (!response.ok || !response.body) await fail("GET", response);
      const size = response.status === 206 ? totalOf(response.headers.get("content-range")) : Number(response.headers.get("content-length"));
      if (size === null || !Number.isFinite(size)) {
        await response.body?.cancel();
        throw new Error("S3 GET failed: no object size in the answer");
      }
      return { stream: response.body as ReadableStream<Uint8Array>, size, contentType: response.headers.get("content-type") ?? "application/octet-stream" };
    },
    async stat(key) {
      const response = await send("HEAD", key);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`S3 HEAD failed: ${response.status}`);
      return { size: Number(response.headers.get("content-length")), contentType: response.headers.get("content-type") ?? "application/octet-stream" };
    },
    async delete(key) {
      const response = await send("DELETE", key);
      if (!response.ok && response.status !== 404) await fail("DELETE", response);
    },
  };
}
