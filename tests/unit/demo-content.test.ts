import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorage } from "@/lib/storage/local";
import { s3Storage } from "@/lib/storage/s3";
import { sha256Hex, signature } from "@/lib/storage/sigv4";
import { STORAGE_KEY } from "@/lib/storage/storage";
import { UPLOAD_RULES } from "@/lib/uploads/limits";
import { checkPdf } from "@/lib/uploads/pdf";
import { sniff } from "@/lib/uploads/sniff";
import { assertAcceptedType, validateUpload } from "@/lib/uploads/validate-upload";
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
  // A stand-in that checks the SigV4 signature with the same secret and keeps objects in memory.
  const credentials = { accessKeyId: "AKIDDEMO", secretAccessKey: "demo-stand-in-secret", region: "eu-central-2" };
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  let server: Server;
  let endpoint: string;

  const verified = (request: IncomingMessage, payload: Buffer) => {
    const auth = /Credential=([^/]+)\/\d{8}\/[^/]+\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      request.headers.authorization ?? "",
    );
    if (!auth || auth[1] !== credentials.accessKeyId || request.headers["x-amz-content-sha256"] !== sha256Hex(payload)) return false;
    const headers = Object.fromEntries((auth[2] ?? "").split(";").map((n) => [n, String(request.headers[n] ?? "")]));
    const amzDate = String(request.headers["x-amz-date"]);
    const pathname = new URL(request.url ?? "/", "http://x").pathname;
    return signature(credentials, { method: request.method ?? "", pathname, headers, payloadHash: sha256Hex(payload), amzDate }).signature === auth[3];
  };

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(Buffer.from(chunk));
      const payload = Buffer.concat(chunks);
      if (!verified(request, payload)) return void response.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      const key = request.url ?? "";
      if (request.method === "PUT") {
        objects.set(key, { bytes: payload, contentType: String(request.headers["content-type"]) });
        return void response.writeHead(200).end();
      }
      const object = objects.get(key);
      if (!object) return void response.writeHead(404).end();
      response.writeHead(200, { "content-type": object.contentType, "content-length": object.bytes.length }).end(object.bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("puts each file where the app's S3 storage reads it, when the five S3 variables are set", async () => {
    const env = {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: "hustings",
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_REGION: credentials.region,
    };
    const stored = await storeDemoFile({ kind: "brochure", bytes: brochure(), fileName: "brochure.pdf", store: demoStore(env) });
    expect(objects.has(`/hustings/${stored.key}`)).toBe(true);
    const read = await s3Storage({ endpoint, bucket: "hustings", ...credentials }).get(stored.key);
    expect(read?.contentType).toBe("application/pdf");
    expect(read?.bytes.equals(brochure())).toBe(true);
    const wrong = demoStore({ ...env, S3_SECRET_ACCESS_KEY: "not-the-secret" });
    await expect(storeDemoFile({ kind: "brochure", bytes: brochure(), fileName: "brochure.pdf", store: wrong })).rejects.toThrow(/S3 PUT failed: 403/);
  });
});
