import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorage } from "@/lib/storage/local";
import { s3Storage } from "@/lib/storage/s3";
import { STORAGE_KEY } from "@/lib/storage/storage";
import { UPLOAD_RULES } from "@/lib/uploads/limits";
import { checkPdf } from "@/lib/uploads/pdf";
import { sniff } from "@/lib/uploads/sniff";
import { assertAcceptedType, validateUpload } from "@/lib/uploads/validate-upload";
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from "../support/s3-store";
import {
  DEMO_VIDEO_PATH,
  demoBrochure,
  demoPhoto,
  demoStore,
  initialsOf,
  localDemoStore,
  storeDemoBrochure,
  storeDemoCv,
  storeDemoFile,
  storeDemoPhoto,
  storeDemoVideo,
} from "@/prisma/demo/content";

// The demo's files must pass exactly the checks a candidate's upload passes (docs/demo-content.md).

const brochure = () =>
  demoBrochure({
    title: "A connected world — for “everyone” (2026)",
    candidateName: "Amina El-Sayed",
    post: "Secretary-General",
    paragraphs: Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}: affordable, secure connectivity \\ (for all) is the test of our Union. `.repeat(4)),
  });

describe("the demo portrait", () => {
  it("is a 400×500 PNG that an upload of it would keep, at the same size", async () => {
    const bytes = await demoPhoto("Amina El-Sayed", 3);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 400, 500]);
    expect(sniff(bytes)).toMatchObject({ ok: true, type: "png", mime: "image/png" });
    expect(bytes.length).toBeLessThan(50_000);
    const valid = await validateUpload({ kind: "photo", bytes, originalName: "portrait.png" });
    expect(valid.mime).toBe("image/png");
    const kept = await sharp(valid.bytes).metadata();
    expect([kept.width, kept.height]).toEqual([400, 500]);
  });

  it("differs by colour with the index and shows the initials of any script", async () => {
    const [a, b] = await Promise.all([demoPhoto("Jean Dupont", 0), demoPhoto("Jean Dupont", 1)]);
    expect(a.equals(b)).toBe(false);
    expect(initialsOf("Jean-Luc de la Tour")).toBe("JT");
    expect(initialsOf("  李 明 ")).toBe("李明");
    expect(initialsOf("ليلى حداد")).toBe("لح");
    expect(initialsOf("<script>")).toBe("S");
    expect(initialsOf("")).toBe("?");
    await expect(demoPhoto("<&>\"'", 2)).resolves.toBeInstanceOf(Buffer);
  });
});

describe("the demo brochure", () => {
  it("is a PDF that passes the upload checks, with every object where the cross-reference says", async () => {
    const bytes = brochure();
    expect(sniff(bytes)).toMatchObject({ ok: true, type: "pdf", mime: "application/pdf" });
    expect(checkPdf(bytes)).toEqual({ ok: true });
    await expect(validateUpload({ kind: "brochure", bytes, originalName: "brochure.pdf" })).resolves.toMatchObject({ mime: "application/pdf" });
    await expect(validateUpload({ kind: "cv", bytes, originalName: "cv.pdf" })).resolves.toMatchObject({ mime: "application/pdf" });

    const text = bytes.toString("latin1");
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe("xref\n");
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBeGreaterThan(6);
    entries.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    // Thirty paragraphs do not fit on one page; each page's content declares its true length.
    expect(Number(/\/Count (\d+)/.exec(text)?.[1])).toBeGreaterThan(1);
    for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = m.index + m[0].length;
      expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe("\nendstream");
    }
    expect(text).toContain("Demonstration material");
    expect(text).toContain("\\(for all\\)");
  });
});

describe("the demo video", () => {
  it("is a small WebM that the video upload's checks accept, by its first and last KiB", () => {
    const bytes = readFileSync(DEMO_VIDEO_PATH);
    expect(bytes.length).toBeLessThan(300 * 1024);
    expect(bytes.length).toBeLessThanOrEqual(UPLOAD_RULES.video.maxBytes);
    // attachVideoFile sniffs the first KiB before storing, then the first and last KiB of what it stored.
    const early = sniff(bytes.subarray(0, 1024));
    assertAcceptedType("video", early);
    expect(early.mime).toBe("video/webm");
    const probe = Buffer.concat([bytes.subarray(0, 1024), bytes.subarray(bytes.length - 1024)]);
    expect(sniff(probe)).toMatchObject({ ok: true, type: "webm" });
    expect(sniff(bytes)).toMatchObject({ ok: true, type: "webm" });
  });
});

describe("storing the demo files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "demo-content-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stores each under a random key, in the layout the app's local storage reads", async () => {
    const store = localDemoStore(dir);
    const app = localStorage(dir);
    const photoKey = await storeDemoPhoto("Jean Dupont", 1, store);
    const cvKey = await storeDemoCv(
      { title: "Curriculum vitae", candidateName: "Jean Dupont", post: "Deputy Secretary-General", paragraphs: ["Engineer."] },
      store,
    );
    const brochureFields = await storeDemoBrochure(
      { title: "Vision", candidateName: "Jean Dupont", post: "Deputy Secretary-General", paragraphs: ["One."] },
      store,
    );
    const video = await storeDemoVideo(store);
    for (const key of [photoKey, cvKey, brochureFields.fileKey, video.fileKey]) expect(key).toMatch(STORAGE_KEY);
    expect(photoKey).toMatch(/\.png$/);
    expect(await app.get(photoKey)).toMatchObject({ contentType: "image/png" });
    expect((await app.get(cvKey))?.contentType).toBe("application/pdf");
    expect(brochureFields).toMatchObject({ fileName: "Jean Dupont - brochure.pdf", mimeType: "application/pdf" });
    expect(brochureFields.sizeBytes).toBe(BigInt((await app.stat(brochureFields.fileKey))?.size ?? -1));
    expect(video).toMatchObject({ videoSource: "UPLOAD", fileName: "demo-video.webm", mimeType: "video/webm", url: null, muxPlaybackId: null });
    expect(await app.stat(video.fileKey)).toEqual({ size: Number(video.sizeBytes), contentType: "video/webm" });
  });

  it("refuses what an upload would refuse", async () => {
    const store = localDemoStore(dir);
    const png = await demoPhoto("A B", 0);
    await expect(storeDemoFile({ kind: "brochure", bytes: png, fileName: "x.pdf", store })).rejects.toThrow(/not an accepted type/);
    const active = Buffer.from("%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n", "latin1");
    await expect(storeDemoFile({ kind: "brochure", bytes: active, fileName: "x.pdf", store })).rejects.toThrow(/pdfActiveContent/);
    await expect(storeDemoFile({ kind: "photo", bytes: Buffer.alloc(0), fileName: "x.png", store })).rejects.toThrow(/empty/);
  });
});

describe("storing the demo files in S3", () => {
  // A local S3-compatible store (s3rver, tests/support/s3-store.ts).
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startLocalS3();
  });
  afterAll(() => s3.close());

  it("puts each file where the app's S3 storage reads it, when S3 is configured", async () => {
    const env = {
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      S3_REGION: "us-east-1",
    };
    const stored = await storeDemoFile({ kind: "brochure", bytes: brochure(), fileName: "brochure.pdf", store: demoStore(env) });
    expect(await s3.keys()).toContain(stored.key);
    const read = await s3Storage(s3.config).get(stored.key);
    expect(read?.contentType).toBe("application/pdf");
    expect(read?.bytes.equals(brochure())).toBe(true);
    const wrong = demoStore({ ...env, S3_ACCESS_KEY_ID: "AKIDUNKNOWN" });
    await expect(storeDemoFile({ kind: "brochure", bytes: brochure(), fileName: "brochure.pdf", store: wrong })).rejects.toMatchObject({
      name: "InvalidAccessKeyId",
    });
    // A partial configuration is refused, never a silent fall back to disk.
    expect(() => demoStore({ S3_BUCKET: s3.bucket })).toThrow(/S3_REGION: is required/);
  });
});
