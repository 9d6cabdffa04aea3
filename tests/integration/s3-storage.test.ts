import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { s3Storage, S3_PART_BYTES } from "@/lib/storage/s3";
import { s3ConfigOf } from "@/lib/config/s3-config";
import { StorageLimitError } from "@/lib/storage/storage";
import { randomStoredName } from "@/lib/uploads/file-name";
import { startLocalS3, type LocalS3 } from "../support/s3-store";

// lib/storage/s3.ts through the AWS SDK against a local S3-compatible store (s3rver), which
// checks every signature: docs/decisions/033-object-storage.md.
let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3.close());

const MiB = 1024 * 1024;

/** `total` random bytes in chunks of 64 KiB, as a browser's upload arrives. */
function chunked(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    })(),
  );
}

describe("S3 storage through the SDK", () => {
  it("puts, gets, stats and deletes an object", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("pdf");
    await store.put(key, Buffer.from("%PDF-1.7 brochure"), "application/pdf");
    expect(await s3.keys()).toContain(key);
    expect(await store.get(key)).toEqual({ bytes: Buffer.from("%PDF-1.7 brochure"), contentType: "application/pdf" });
    expect(await store.stat(key)).toEqual({ size: 17, contentType: "application/pdf" });
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();
    // Deleting what is not there is no error.
    await store.delete(key);
  });

  it("streams an object out, whole or one range, and tells the whole size", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("webm");
    await store.put(key, Buffer.from("0123456789"), "video/webm");
    const whole = await store.open(key);
    expect(whole).toMatchObject({ size: 10, contentType: "video/webm" });
    expect(await new Response(whole?.stream).text()).toBe("0123456789");
    const part = await store.open(key, { start: 3, end: 5 });
    expect(part).toMatchObject({ size: 10, contentType: "video/webm" });
    expect(await new Response(part?.stream).text()).toBe("345");
    const last = await store.open(key, { start: 9, end: 9 });
    expect(await new Response(last?.stream).text()).toBe("9");
    expect(await store.open(randomStoredName("webm"))).toBeNull();
  });

  it("streams a small upload in one PUT", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("mp4");
    const bytes = randomBytes(300_000);
    // A web stream, as a Request's body is.
    expect(await store.putStream(key, new Blob([new Uint8Array(bytes)]).stream(), "video/mp4", 1_000_000)).toEqual({ size: bytes.length });
    expect((await store.get(key))?.bytes.equals(bytes)).toBe(true);
    expect(s3.requests.filter((r) => r.includes(key))).toEqual([`PUT /hustings/${key}?x-id=PutObject`, expect.stringContaining(`GET /hustings/${key}`)]);
  });

  it("streams a large upload in parts of 8 MiB, never the whole file at once", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("mp4");
    const bytes = randomBytes(2 * S3_PART_BYTES + 3 * MiB);
    expect(await store.putStream(key, chunked(bytes), "video/mp4", 64 * MiB)).toEqual({ size: bytes.length });
    const sent = s3.requests.filter((r) => r.includes(key));
    expect(sent.filter((r) => r.startsWith("PUT") && r.includes("partNumber="))).toHaveLength(3);
    expect(sent.some((r) => r.startsWith("POST") && r.includes("uploadId="))).toBe(true);
    expect(await store.stat(key)).toEqual({ size: bytes.length, contentType: "video/mp4" });
    const seek = await store.open(key, { start: S3_PART_BYTES - 5, end: S3_PART_BYTES + 4 });
    expect(Buffer.from(await new Response(seek?.stream).arrayBuffer()).equals(bytes.subarray(S3_PART_BYTES - 5, S3_PART_BYTES + 5))).toBe(true);
    expect(await s3.pendingUploads()).toEqual([]);
  });

  it("stops a large upload past the limit: aborted, its parts removed, no object", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("mp4");
    await expect(store.putStream(key, chunked(randomBytes(2 * S3_PART_BYTES + MiB)), "video/mp4", S3_PART_BYTES + MiB)).rejects.toBeInstanceOf(
      StorageLimitError,
    );
    const sent = s3.requests.filter((r) => r.includes(key));
    // A part was sent before the limit was reached, and the upload was aborted after it.
    expect(sent.some((r) => r.startsWith("PUT") && r.includes("partNumber=1"))).toBe(true);
    expect(sent.some((r) => r.startsWith("DELETE") && r.includes("uploadId="))).toBe(true);
    expect(await s3.keys()).not.toContain(key);
    expect(await s3.pendingUploads()).toEqual([]);
  });

  it("stops a small upload past the limit before anything is sent", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("mp4");
    await expect(store.putStream(key, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), "video/mp4", 1000)).rejects.toBeInstanceOf(StorageLimitError);
    expect(s3.requests.filter((r) => r.includes(key))).toEqual([]);
  });

  it("leaves nothing when the source fails", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("mp4");
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(S3_PART_BYTES + MiB);
        throw new Error("connection reset by the browser");
      })(),
    );
    await expect(store.putStream(key, failing, "video/mp4", 64 * MiB)).rejects.toThrow("connection reset by the browser");
    expect(await s3.keys()).not.toContain(key);
    expect(await s3.pendingUploads()).toEqual([]);
  });

  it("stops reading the sender when the store fails", async () => {
    const store = s3Storage({ ...s3.config, bucket: "no-such-bucket" });
    const source = chunked(randomBytes(2 * S3_PART_BYTES + MiB));
    await expect(store.putStream(randomStoredName("mp4"), source, "video/mp4", 64 * MiB)).rejects.toMatchObject({ name: "NoSuchBucket" });
    expect(source.destroyed).toBe(true);
  });

  it("is refused by the store with an unknown access key", async () => {
    // s3rver knows its access key ids but does not check SigV4 signatures themselves: the
    // signing is the SDK's, tested by AWS (docs/decisions/033-object-storage.md).
    const store = s3Storage({ ...s3.config, credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "S3RVER" } });
    await expect(store.put(randomStoredName("png"), Buffer.from("x"), "image/png")).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
  });

  it("never sends a key that is not a stored name", async () => {
    const store = s3Storage(s3.config);
    await expect(store.get("../other-bucket/secret.pdf")).rejects.toThrow("Invalid storage key");
  });

  it("gives the browser an address for one PUT of the announced size, the length signed", async () => {
    const store = s3Storage(s3.config);
    const key = randomStoredName("webm");
    const direct = await store.presignUpload?.(key, 5, 600);
    expect(direct).toMatchObject({ method: "PUT", headers: { "content-type": "application/octet-stream" } });
    const url = new URL(direct!.url);
    expect(url.pathname).toBe(`/hustings/${key}`);
    // S3 refuses a body of another length; s3rver does not check signatures, so this says it is signed.
    expect(url.searchParams.get("X-Amz-SignedHeaders")?.split(";")).toEqual(expect.arrayContaining(["content-length", "content-type", "host"]));
    expect(url.searchParams.get("X-Amz-Expires")).toBe("600");
    const sent = await fetch(direct!.url, { method: "PUT", headers: direct!.headers, body: "hello" });
    expect(sent.status).toBe(200);
    expect(await store.stat(key)).toMatchObject({ size: 5 });
  });
});

describe("S3 configuration", () => {
  const base = { DATABASE_URL: "postgresql://x@127.0.0.1/x" };

  it("is all or none: a partial configuration is refused, naming what is missing", () => {
    const partial = parseEnv({ ...base, S3_ENDPOINT: "http://127.0.0.1:9000", S3_ACCESS_KEY_ID: "id" });
    expect(partial.success).toBe(false);
    const issues = partial.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^S3_BUCKET: is required/),
        expect.stringMatching(/^S3_REGION: is required/),
        expect.stringMatching(/^S3_SECRET_ACCESS_KEY: is required/),
      ]),
    );
    expect(parseEnv({ ...base, S3_BUCKET: "b", S3_REGION: "r", S3_SESSION_TOKEN: "t" }).success).toBe(false);
    expect(() => s3ConfigOf({ S3_BUCKET: "b" })).toThrow(/S3_REGION: is required/);
  });

  it("keeps files on disk with no S3 variable, and uses the credential chain with no keys", () => {
    expect(parseEnv(base).success).toBe(true);
    expect(s3ConfigOf({})).toBeNull();
    expect(parseEnv({ ...base, S3_BUCKET: "b", S3_REGION: "eu-central-2" }).success).toBe(true);
    expect(s3ConfigOf({ S3_BUCKET: "b", S3_REGION: "eu-central-2" })).toEqual({
      bucket: "b",
      region: "eu-central-2",
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it("addresses an S3-compatible endpoint by path unless told otherwise, and passes a session token", () => {
    const vars = { S3_BUCKET: "b", S3_REGION: "r", S3_ENDPOINT: "https://s3.example.org", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };
    expect(s3ConfigOf(vars)).toMatchObject({ forcePathStyle: true, credentials: { accessKeyId: "id", secretAccessKey: "secret" } });
    expect(s3ConfigOf({ ...vars, S3_FORCE_PATH_STYLE: "false" })).toMatchObject({ forcePathStyle: false });
    expect(s3ConfigOf({ ...vars, S3_SESSION_TOKEN: "token" })?.credentials).toEqual({ accessKeyId: "id", secretAccessKey: "secret", sessionToken: "token" });
  });
});
