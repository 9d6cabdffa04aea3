import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { IMAGE_MAX_BYTES, PDF_MAX_BYTES, VIDEO_MAX_BYTES, type UploadKind } from "@/lib/uploads/limits";
import { validateUpload } from "@/lib/uploads/validate-upload";
import { refusalOf } from "../support/roles";

// Every hostile fixture (tests/fixtures/hostile/README.md) is refused or neutralised.
const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/hostile", name));
const upload = (kind: UploadKind, name: string, originalName = name) => validateUpload({ kind, bytes: fixture(name), originalName, claimedType: "image/jpeg" });

describe("hostile uploads are refused with a reason", () => {
  it.each<[string, UploadKind, string]>([
    ["jpeg-named.pdf", "brochure", "uploads.wrongType"],
    ["png-named.jpg", "brochure", "uploads.wrongType"],
    ["clean.pdf", "photo", "uploads.wrongType"],
    ["clean.jpg", "video", "uploads.wrongType"],
    ["brochure.pdf.exe", "brochure", "uploads.activeFileRefused"],
    ["photo.jpg.html", "photo", "uploads.markupRefused"],
    ["script.svg", "photo", "uploads.markupRefused"],
    ["html-disguised.pdf", "brochure", "uploads.markupRefused"],
    ["data.xml", "cv", "uploads.markupRefused"],
    ["js-openaction.pdf", "brochure", "uploads.pdfActiveContent"],
    ["launch.pdf", "brochure", "uploads.pdfActiveContent"],
    ["aa-js.pdf", "cv", "uploads.pdfActiveContent"],
    ["hex-escaped-js.pdf", "brochure", "uploads.pdfActiveContent"],
    ["js-in-objstm.pdf", "brochure", "uploads.pdfActiveContent"],
    ["embedded-file.pdf", "brochure", "uploads.pdfActiveContent"],
    ["xfa.pdf", "brochure", "uploads.pdfActiveContent"],
    ["objstm-unreadable.pdf", "brochure", "uploads.pdfUncheckable"],
    ["encrypted.pdf", "brochure", "uploads.pdfEncrypted"],
    ["empty.png", "photo", "uploads.empty"],
    ["polyglot-script.jpg", "photo", "uploads.polyglot"],
    ["polyglot-zip.jpg", "photo", "uploads.polyglot"],
    ["polyglot-html.mp4", "video", "uploads.polyglot"],
    ["gifar.gif", "photo", "uploads.wrongType"],
    ["bomb.png", "photo", "uploads.imageTooManyPixels"],
    ["truncated.jpg", "photo", "uploads.unreadableImage"],
    ["archive.zip", "brochure", "uploads.activeFileRefused"],
    ["elf.png", "photo", "uploads.activeFileRefused"],
    ["script.sh.png", "photo", "uploads.activeFileRefused"],
    ["nul-padded.pdf", "brochure", "uploads.wrongType"],
  ])("%s as a %s → %s", async (name, kind, messageKey) => {
    const refusal = await refusalOf(upload(kind, name));
    expect(refusal.code).toBe("INVALID_INPUT");
    expect(refusal.messageKey).toBe(messageKey);
  });

  it.each<[UploadKind, number, number]>([
    ["photo", IMAGE_MAX_BYTES, 5],
    ["brochure", PDF_MAX_BYTES, 20],
    ["cv", PDF_MAX_BYTES, 20],
  ])("a %s one byte over the limit is refused, with the limit", async (kind, max, limit) => {
    const bytes = Buffer.alloc(max + 1);
    bytes.write(kind === "photo" ? "\xff\xd8\xff" : "%PDF-1.7", "latin1");
    expect(await refusalOf(validateUpload({ kind, bytes, originalName: "big" }))).toMatchObject({ messageKey: "uploads.tooLarge", values: { limit } });
  });

  it("a video limit of 1 GB is the shared constant", () => {
    expect(VIDEO_MAX_BYTES).toBe(1024 ** 3);
  });
});

describe("hostile uploads that are neutralised", () => {
  it("re-types a PNG named .jpg by its content", async () => {
    const result = await upload("photo", "png-named.jpg");
    expect(result).toMatchObject({ mime: "image/png", extension: "png", safeName: "png-named.png" });
    expect(result.storedName).toMatch(/^[a-f0-9]{32}\.png$/);
  });

  it("strips GPS and every other metadata from a JPEG", async () => {
    const before = await sharp(fixture("gps.jpg")).metadata();
    expect(before.exif?.includes(Buffer.from("HostileCam"))).toBe(true);
    const result = await upload("photo", "gps.jpg");
    const after = await sharp(result.bytes).metadata();
    expect(after.format).toBe("jpeg");
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(result.bytes.includes(Buffer.from("HostileCam"))).toBe(false);
    expect(result.bytes.includes(Buffer.from("secret owner"))).toBe(false);
  });

  it("names a path-traversal upload by its basename only and stores it under a random name", async () => {
    const result = await validateUpload({ kind: "photo", bytes: fixture("clean.jpg"), originalName: "../../etc/passwd.png" });
    expect(result.safeName).toBe("passwd.jpg");
    expect(result.storedName).toMatch(/^[a-f0-9]{32}\.jpg$/);
  });

  it("removes a right-to-left override from the name and gives it the real extension", async () => {
    const result = await validateUpload({ kind: "photo", bytes: fixture("clean.jpg"), originalName: "photo\u202Egpj.exe" });
    expect(result.safeName).toBe("photogpj.jpg");
  });

  it("keeps a double extension from reaching the name", async () => {
    const result = await validateUpload({ kind: "brochure", bytes: fixture("clean.pdf"), originalName: "brochure.pdf.exe" });
    expect(result.safeName).toBe("brochure.pdf");
  });

  it("accepts clean files of each kind", async () => {
    await expect(upload("brochure", "clean.pdf")).resolves.toMatchObject({ mime: "application/pdf" });
    await expect(upload("video", "clean.mp4")).resolves.toMatchObject({ mime: "video/mp4", extension: "mp4" });
    await expect(upload("video", "webm-named.mp4")).resolves.toMatchObject({ mime: "video/webm", safeName: "webm-named.webm" });
  });
});
