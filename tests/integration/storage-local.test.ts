import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorage } from "@/lib/storage/local";
import type { Storage } from "@/lib/storage/storage";
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
  });

  it.each(["../../etc/passwd", "..%2f..%2fetc%2fpasswd.png", "/etc/passwd", "ABCDEF0123456789ABCDEF0123456789.png", `${"a".repeat(32)}.png/../x`, `${"a".repeat(32)}`, ""])(
    "refuses the key %j before touching the disk",
    async (key) => {
      await expect(store.get(key)).rejects.toThrow("Invalid storage key");
      await expect(store.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow("Invalid storage key");
      await expect(store.delete(key)).rejects.toThrow("Invalid storage key");
    },
  );

  it("refuses a storage directory under public/", () => {
    expect(() => localStorage("public/uploads")).toThrow("public/");
    expect(() => localStorage("public")).toThrow("public/");
  });
});
