import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-store-"));
process.env.STORAGE_DIR = storageDir;
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
const { storeUpload } = await import("@/lib/uploads/store-upload");
const { storage } = await import("@/lib/storage");

afterAll(() => rm(storageDir, { recursive: true, force: true }));

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/hostile", name));
const fileOf = (name: string, as = name, type = "application/octet-stream") => new File([new Uint8Array(fixture(name))], as, { type });
const candidate = actorOf("CANDIDATE", { candidateId: "cand-1" });

describe("storeUpload", () => {
  it("cleans and stores a photo under a random key", async () => {
    const stored = await storeUpload({ actor: candidate, kind: "photo", file: fileOf("gps.jpg", "me\u202Egpj.exe", "image/svg+xml") });
    expect(stored).toMatchObject({ mime: "image/jpeg", safeName: "megpj.jpg" });
    expect(stored.key).toMatch(/^[a-f0-9]{32}\.jpg$/);
    const object = await storage().get(stored.key);
    expect(object?.contentType).toBe("image/jpeg");
    expect(object?.bytes.length).toBe(stored.size);
    expect((await sharp(object?.bytes).metadata()).exif).toBeUndefined();
  });

  it("stores a clean brochure", async () => {
    const stored = await storeUpload({ actor: candidate, kind: "brochure", file: fileOf("clean.pdf", "Programme.pdf") });
    expect(stored).toMatchObject({ mime: "application/pdf", safeName: "Programme.pdf" });
  });

  it("refuses a hostile file and stores nothing", async () => {
    expect(await refusalOf(storeUpload({ actor: candidate, kind: "brochure", file: fileOf("js-openaction.pdf") }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "uploads.pdfActiveContent",
    });
  });

  it("stores a brochure with web and mail links, opening at its first page", async () => {
    const stored = await storeUpload({ actor: candidate, kind: "brochure", file: fileOf("links.pdf", "Links.pdf") });
    expect(stored).toMatchObject({ mime: "application/pdf", safeName: "Links.pdf" });
    expect((await storage().get(stored.key))?.bytes.equals(fixture("links.pdf"))).toBe(true);
  });

  it.each<[string, string]>([
    ["openaction-uri.pdf", "uploadChecks.pdfAutomaticAction"],
    ["aa-uri.pdf", "uploadChecks.pdfAutomaticAction"],
    ["gotor.pdf", "uploadChecks.pdfExternalAction"],
    ["uri-javascript-hex.pdf", "uploadChecks.pdfLinkScheme"],
    ["js-ascii85-objstm.pdf", "uploads.pdfActiveContent"],
    ["late-script.pdf", "uploads.polyglot"],
    ["pdf-zip.pdf", "uploads.polyglot"],
  ])("refuses %s and stores nothing", async (name, messageKey) => {
    const before = await readdir(storageDir);
    expect(await refusalOf(storeUpload({ actor: candidate, kind: "brochure", file: fileOf(name) }))).toMatchObject({ code: "INVALID_INPUT", messageKey });
    expect(await readdir(storageDir)).toEqual(before);
  });

  it("refuses a name with a NUL byte, a path or 256 characters before reading the file", async () => {
    for (const [name, messageKey] of [
      ["brochure\u0000.pdf", "uploadChecks.fileNameControl"],
      ["../brochure.pdf", "uploadChecks.fileNamePath"],
      [`${"n".repeat(252)}.pdf`, "uploadChecks.fileNameTooLong"],
    ]) {
      const file = fileOf("clean.pdf", name);
      let read = false;
      file.arrayBuffer = () => {
        read = true;
        return Promise.reject(new Error("read"));
      };
      expect(await refusalOf(storeUpload({ actor: candidate, kind: "brochure", file }))).toMatchObject({ code: "INVALID_INPUT", messageKey });
      expect(read).toBe(false);
    }
  });

  it("refuses an oversize file by its declared size before reading it", async () => {
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.jpg");
    expect(await refusalOf(storeUpload({ actor: candidate, kind: "photo", file: big }))).toMatchObject({
      messageKey: "uploads.tooLarge",
      values: { limit: 5 },
    });
  });

  it.each(["photo", "cv", "brochure", "video"] as const)("lets only a candidate store a %s", async (kind) => {
    await expectOnlyRoleAllowed("CANDIDATE", (actor) =>
      storeUpload({ actor, kind, file: fileOf(kind === "photo" ? "clean.jpg" : kind === "video" ? "clean.mp4" : "clean.pdf") }),
    );
  });

  it("refuses a candidate account bound to no candidature", async () => {
    expect(await refusalOf(storeUpload({ actor: actorOf("CANDIDATE", { candidateId: null }), kind: "photo", file: fileOf("clean.jpg") }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
