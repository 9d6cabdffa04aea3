import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Storage } from "@/lib/storage/s3";
import { sha256Hex, signature } from "@/lib/storage/sigv4";
import { randomStoredName } from "@/lib/uploads/file-name";

// STYLE.md 11: S3 is exercised against a local stand-in that speaks its protocol: path-style
// PUT/GET/DELETE object, SigV4 checked with the same secret, objects kept in memory.
const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "stand-in-secret-key", region: "eu-central-2" };
const objects = new Map<string, { bytes: Buffer; contentType: string }>();
const refused: string[] = [];
let server: Server;
let endpoint: string;

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function verified(request: IncomingMessage, payload: Buffer): boolean {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(request.headers.authorization ?? "");
  if (!auth || auth[1] !== credentials.accessKeyId || auth[3] !== credentials.region) return false;
  const amzDate = String(request.headers["x-amz-date"] ?? "");
  if (Math.abs(Date.parse(amzDate.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, "$1-$2-$3T$4:$5:$6Z")) - Date.now()) > 15 * 60_000) return false;
  if (request.headers["x-amz-content-sha256"] !== sha256Hex(payload)) return false;
  const names = (auth[4] ?? "").split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) return false;
  const headers = Object.fromEntries(names.map((n) => [n, String(request.headers[n] ?? "")]));
  const expected = signature(credentials, { method: request.method ?? "", pathname: new URL(request.url ?? "/", "http://x").pathname, headers, payloadHash: sha256Hex(payload), amzDate });
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
      objects.set(path, { bytes: payload, contentType: String(request.headers["content-type"]) });
      response.writeHead(200).end();
    } else if (request.method === "GET") {
      const object = objects.get(path);
      if (!object) response.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
      else response.writeHead(200, { "content-type": object.contentType }).end(object.bytes);
    } else if (request.method === "DELETE") {
      objects.delete(path);
      response.writeHead(204).end();
    } else response.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
