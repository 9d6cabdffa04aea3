import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Storage } from "@/lib/storage/s3";
import { sha256Hex, signature } from "@/lib/storage/sigv4";
import { StorageLimitError } from "@/lib/storage/storage";
import { randomStoredName } from "@/lib/uploads/file-name";

// docs/conventions.md#console-errors-and-stand-ins: S3 is exercised against a local stand-in that speaks its protocol: path-style
// PUT/GET/DELETE object, SigV4 checked with the same secret, objects kept in memory.
const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "stand-in-secret-key", region: "eu-central-2" };
const objects = new Map<string, { bytes: Buffer; contentType: string }>();
const refused: string[] = [];
/** What each PUT announced: S3 needs the length up front, it takes no chunked body. */
const puts: { path: string; contentLength: string | undefined; chunked: boolean }[] = [];
let server: Server;
let endpoint: string;

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function verified(request: IncomingMessage, payload: Buffer): boolean {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    request.headers.authorization ?? "",
  );
  if (!auth || auth[1] !== credentials.accessKeyId || auth[3] !== credentials.region) return false;
  const amzDate = String(request.headers["x-amz-date"] ?? "");
  if (Math.abs(Date.parse(amzDate.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, "$1-$2-$3T$4:$5:$6Z")) - Date.now()) > 15 * 60_000) return false;
  if (request.headers["x-amz-content-sha256"] !== sha256Hex(payload)) return false;
  const names = (auth[4] ?? "").split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) return false;
  const headers = Object.fromEntries(names.map((n) => [n, String(request.headers[n] ?? "")]));
  const expected = signature(credentials, {
    method: request.method ?? "",
    pathname: new URL(request.url ?? "/", "http://x").pathname,
    headers,
    payloadHash: sha256Hex(payload),
    amzDate,
  });
  return expected.signature === auth[5];
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const payload = await body(request);
    if (!verified(request, payload)) {
      refused.push(`${request.method} ${request.url}`);
      response.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    const path = request.url ?? "";
    if (request.method === "PUT") {
      puts.push({ path, contentLength: request.headers["content-length"], chunked: request.headers["transfer-encoding"] === "chunked" });
      if (request.headers["content-length"] === undefined) {
        response.writeHead(411, { "content-type": "application/xml" }).end("<Error><Code>MissingContentLength</Code></Error>");
        return;
      }
      objects.set(path, { bytes: payload, contentType: String(request.headers["content-type"]) });
      response.writeHead(200).end();
    } else if (request.method === "GET" || request.method === "HEAD") {
      const object = objects.get(path);
      if (!object) {
        response.writeHead(404, { "content-type": "application/xml" }).end(request.method === "HEAD" ? undefined : "<Error><Code>NoSuchKey</Code></Error>");
        return;
      }
      const size = object.bytes.length;
      const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.headers.range ?? ""));
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(Number(range[2]), size - 1);
        response
          .writeHead(206, { "content-type": object.contentType, "content-length": end - start + 1, "content-range": `bytes ${start}-${end}/${size}` })
          .end(object.bytes.subarray(start, end + 1));
      } else response.writeHead(200, { "content-type": object.contentType, "content-length": size }).end(request.method === "HEAD" ? undefined : object.bytes);
    } else if (request.method === "DELETE") {
      objects.delete(path);
      response.writeHead(204).end();
    } else response.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const spools = async () => (await readdir(tmpdir())).filter((f) => f.startsWith("hustings-spool-")).sort();

describe("S3-compatible storage", () => {
  it("puts, gets and deletes an object, signed", async () => {
    const store = s3Storage({ ...credentials, endpoint, bucket: "hustings" });
    const key = randomStoredName("pdf");
    await store.put(key, Buffer.from("%PDF-1.7 brochure"), "application/pdf");
    expect(objects.has(`/hustings/${key}`)).toBe(true);
    expect(await store.get(key)).toEqual({ bytes: Buffer.from("%PDF-1.7 brochure"), contentType: "application/pdf" });
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(refused).toEqual([]);
  });

  it("streams an object in: spooled, sent with its length and hash, the spool removed", async () => {
    const store = s3Storage({ ...credentials, endpoint, bucket: "hustings" });
    const key = randomStoredName("mp4");
    const bytes = randomBytes(300_000);
    const spoolsBefore = await spools();
    // A web stream of many small chunks, as a browser's upload arrives.
    const result = await store.putStream(key, new Blob([new Uint8Array(bytes)]).stream(), "video/mp4", 1_000_000);
    expect(result).toEqual({ size: bytes.length });
    expect(objects.get(`/hustings/${key}`)?.bytes.equals(bytes)).toBe(true);
    expect(puts.find((p) => p.path === `/hustings/${key}`)).toEqual({ path: `/hustings/${key}`, contentLength: String(bytes.length), chunked: false });
    expect(await spools()).toEqual(spoolsBefore);
    expect(refused).toEqual([]);
  });

  it("stops a stream past the limit, sends nothing and removes the spool", async () => {
    const store = s3Storage({ ...credentials, endpoint, bucket: "hustings" });
    const key = randomStoredName("mp4");
    const spoolsBefore = await spools();
    await expect(store.putStream(key, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), "video/mp4", 1000)).rejects.toBeInstanceOf(StorageLimitError);
    expect(objects.has(`/hustings/${key}`)).toBe(false);
    expect(puts.some((p) => p.path === `/hustings/${key}`)).toBe(false);
    expect(await spools()).toEqual(spoolsBefore);
  });

  it("streams an object out, whole or one range, and tells its size", async () => {
    const store = s3Storage({ ...credentials, endpoint, bucket: "hustings" });
    const key = randomStoredName("webm");
    await store.put(key, Buffer.from("0123456789"), "video/webm");
    expect(await store.stat(key)).toEqual({ size: 10, contentType: "video/webm" });
    const whole = await store.open(key);
    expect(whole).toMatchObject({ size: 10, contentType: "video/webm" });
    expect(await new Response(whole?.stream).text()).toBe("0123456789");
    const part = await store.open(key, { start: 3, end: 5 });
    expect(part).toMatchObject({ size: 10, contentType: "video/webm" });
    expect(await new Response(part?.stream).text()).toBe("345");
    expect(await store.open(randomStoredName("webm"))).toBeNull();
    expect(await store.stat(randomStoredName("webm"))).toBeNull();
    expect(refused).toEqual([]);
  });

  it("is refused by the store with a wrong secret", async () => {
    const store = s3Storage({ ...credentials, secretAccessKey: "forged", endpoint, bucket: "hustings" });
    await expect(store.put(randomStoredName("png"), Buffer.from("x"), "image/png")).rejects.toThrow("S3 PUT failed: 403");
  });

  it("is refused by the store with a stale date", async () => {
    const store = s3Storage({ ...credentials, endpoint, bucket: "hustings" }, () => new Date(Date.now() - 60 * 60_000));
    await expect(store.get(randomStoredName("png"))).rejects.toThrow("S3 GET failed: 403");
  });

  it("never sends a key that is not a stored name", async () => {
    const store = s3Storage({ ...credentials, endpoint, bucket: "hustings" });
    await expect(store.get("../other-bucket/secret.pdf")).rejects.toThrow("Invalid storage key");
  });
});
