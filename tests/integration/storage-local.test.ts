import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorage } from "@/lib/storage/local";
import { StorageLimitError, type Storage } from "@/lib/storage/storage";
import { randomStoredName } from "@/lib/uploads/file-name";

let dir: string;
let store: Storage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hustings-storage-"));
  store = localStorage(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("local disk storage", () => {
  it("puts, gets and deletes an object with its type", async () => {
    const key = randomStoredName("pdf");
    await store.put(key, Buffer.from("%PDF-1.7 hello"), "application/pdf");
    expect(await store.get(key)).toEqual({ bytes: Buffer.from("%PDF-1.7 hello"), contentType: "application/pdf" });
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
  });

  it("leaves no partial file behind", async () => {
    const key = randomStoredName("jpg");
    await store.put(key, Buffer.from([1, 2, 3]), "image/jpeg");
    expect((await readdir(dir)).filter((f) => f.includes("partial"))).toEqual([]);
  });

  it("answers null for a key never stored", async () => {
    expect(await store.get(randomStoredName("png"))).toBeNull();
    expect(await store.open(randomStoredName("mp4"))).toBeNull();
    expect(await store.stat(randomStoredName("mp4"))).toBeNull();
  });

  it("streams an object in from a web stream or a Node stream, and out whole or by range", async () => {
    const bytes = randomBytes(200_000);
    const fromWeb = randomStoredName("mp4");
    expect(await store.putStream(fromWeb, new Blob([new Uint8Array(bytes)]).stream(), "video/mp4", bytes.length)).toEqual({ size: bytes.length });
    const fromNode = randomStoredName("webm");
    expect(await store.putStream(fromNode, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), "video/webm", 1_000_000)).toEqual({
      size: bytes.length,
    });
    expect((await store.get(fromWeb))?.bytes.equals(bytes)).toBe(true);
    expect(await store.stat(fromNode)).toEqual({ size: bytes.length, contentType: "video/webm" });

    const whole = await store.open(fromNode);
    expect(whole).toMatchObject({ size: bytes.length, contentType: "video/webm" });
    expect(Buffer.from(await new Response(whole?.stream).arrayBuffer()).equals(bytes)).toBe(true);
    const part = await store.open(fromNode, { start: 150_000, end: 150_009 });
    expect(part?.size).toBe(bytes.length);
    expect(Buffer.from(await new Response(part?.stream).arrayBuffer()).equals(bytes.subarray(150_000, 150_010))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.includes("partial"))).toEqual([]);
  });

  it("aborts a stream past its limit and leaves nothing behind", async () => {
    const key = randomStoredName("mp4");
    const before = await readdir(dir);
    await expect(store.putStream(key, Readable.from([Buffer.alloc(700), Buffer.alloc(700)]), "video/mp4", 1000)).rejects.toBeInstanceOf(StorageLimitError);
    expect(await store.stat(key)).toBeNull();
    expect(await readdir(dir)).toEqual(before);
  });

  it("leaves nothing behind when the sender breaks off", async () => {
    const key = randomStoredName("mp4");
    const before = await readdir(dir);
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(500));
        controller.error(new Error("connection reset"));
      },
    });
    await expect(store.putStream(key, broken, "video/mp4", 1_000_000)).rejects.toThrow("connection reset");
    expect(await store.stat(key)).toBeNull();
    expect(await readdir(dir)).toEqual(before);
  });

  it.each([
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd.png",
    "/etc/passwd",
    "ABCDEF0123456789ABCDEF0123456789.png",
    `${"a".repeat(32)}.png/../x`,
    `${"a".repeat(32)}`,
    "",
  ])("refuses the key %j before touching the disk", async (key) => {
    await expect(store.get(key)).rejects.toThrow("Invalid storage key");
    await expect(store.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow("Invalid storage key");
    await expect(store.delete(key)).rejects.toThrow("Invalid storage key");
    await expect(store.open(key)).rejects.toThrow("Invalid storage key");
    await expect(store.stat(key)).rejects.toThrow("Invalid storage key");
    await expect(store.putStream(key, Readable.from([Buffer.from("x")]), "text/plain", 10)).rejects.toThrow("Invalid storage key");
  });

  it("refuses a storage directory under public/", () => {
    expect(() => localStorage("public/uploads")).toThrow("public/");
    expect(() => localStorage("public")).toThrow("public/");
  });
});
