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
    ["launch.pdf", "brochure", "uploadChecks.pdfExternalAction"],
    ["launch-escaped.pdf", "brochure", "uploadChecks.pdfExternalAction"],
    ["gotor.pdf", "brochure", "uploadChecks.pdfExternalAction"],
    ["submitform.pdf", "cv", "uploadChecks.pdfExternalAction"],
    ["importdata.pdf", "brochure", "uploadChecks.pdfExternalAction"],
    ["openaction-uri.pdf", "brochure", "uploadChecks.pdfAutomaticAction"],
    ["openaction-named.pdf", "brochure", "uploadChecks.pdfAutomaticAction"],
    ["openaction-next.pdf", "brochure", "uploadChecks.pdfAutomaticAction"],
    ["openaction-in-objstm.pdf", "brochure", "uploadChecks.pdfAutomaticAction"],
    ["aa-uri.pdf", "cv", "uploadChecks.pdfAutomaticAction"],
    ["aa-predictor-objstm.pdf", "brochure", "uploadChecks.pdfAutomaticAction"],
    ["js-name-escaped.pdf", "brochure", "uploads.pdfActiveContent"],
    ["js-ascii85-objstm.pdf", "brochure", "uploads.pdfActiveContent"],
    ["js-hidden-in-image.pdf", "brochure", "uploads.pdfActiveContent"],
    ["richmedia.pdf", "brochure", "uploads.pdfActiveContent"],
    ["embedded-files-tree.pdf", "brochure", "uploads.pdfActiveContent"],
    ["xfa-objstm.pdf", "brochure", "uploads.pdfActiveContent"],
    ["uri-javascript-hex.pdf", "brochure", "uploadChecks.pdfLinkScheme"],
    ["uri-javascript-octal.pdf", "brochure", "uploadChecks.pdfLinkScheme"],
    ["uri-javascript-tab.pdf", "brochure", "uploadChecks.pdfLinkScheme"],
    ["uri-file.pdf", "brochure", "uploadChecks.pdfLinkScheme"],
    ["uri-base-javascript.pdf", "brochure", "uploadChecks.pdfLinkScheme"],
    ["late-script.pdf", "brochure", "uploads.polyglot"],
    ["late-elf.pdf", "cv", "uploads.polyglot"],
    ["pdf-zip.pdf", "brochure", "uploads.polyglot"],
    ["late-svg.mp4", "video", "uploads.polyglot"],
    ["late-pe.mp4", "video", "uploads.polyglot"],
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

  it.each<[string, string, Record<string, number> | undefined]>([
    ["../../etc/passwd.png", "uploadChecks.fileNamePath", undefined],
    ["..\\windows\\evil.pdf", "uploadChecks.fileNamePath", undefined],
    ["photo\u0000.jpg", "uploadChecks.fileNameControl", undefined],
    ["photo\r\n.jpg", "uploadChecks.fileNameControl", undefined],
    ["photo\u0085.jpg", "uploadChecks.fileNameControl", undefined],
    [`${"x".repeat(252)}.jpg`, "uploadChecks.fileNameTooLong", { limit: 255 }],
  ])("refuses the name %j, which no browser sends", async (originalName, messageKey, values) => {
    expect(await refusalOf(validateUpload({ kind: "photo", bytes: fixture("clean.jpg"), originalName }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey,
      values,
    });
  });

  it("stores under a random name, and keeps a long name of 255 characters (in any script) for display, shortened", async () => {
    const result = await validateUpload({ kind: "photo", bytes: fixture("clean.jpg"), originalName: `${"ب".repeat(251)}.jpg` });
    expect(result.safeName).toBe(`${"ب".repeat(100)}.jpg`);
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
    // Links to the web and to mail, in-document links, and opening at the first page (docs/decisions/026-upload-checks.md).
    await expect(upload("brochure", "links.pdf")).resolves.toMatchObject({ mime: "application/pdf", safeName: "links.pdf" });
    await expect(upload("video", "clean.mp4")).resolves.toMatchObject({ mime: "video/mp4", extension: "mp4" });
    await expect(upload("video", "webm-named.mp4")).resolves.toMatchObject({ mime: "video/webm", safeName: "webm-named.webm" });
  });
});
