import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { s3Client } from "../../lib/storage/s3-client";
import { s3ConfigOf, type S3Config } from "../../lib/config/s3-config";
import { STORAGE_KEY } from "../../lib/storage/storage";
import { randomStoredName, sanitiseFileName } from "../../lib/uploads/file-name";
import { UPLOAD_RULES, type UploadKind } from "../../lib/uploads/limits";
import { checkPdf } from "../../lib/uploads/pdf";
import { sniff } from "../../lib/uploads/sniff";

// The demo's files (docs/demo-content.md): portraits, brochures and one video, all generated
// here or shipped in prisma/demo/assets, and stored the way a candidate's upload is stored
// (lib/uploads/store-upload.ts). No "server-only" anywhere on this path: prisma/seed.ts runs
// it under plain tsx, where that guard throws; lib/storage/index.ts and lib/env.ts carry it,
// so the store is reached from here directly (the same layout on disk, the same S3 request).

/** The shipped demo video: 6 s, 320×180, VP9/Opus WebM, about 100 KB (assets/make-demo-video.sh). */
export const DEMO_VIDEO_PATH = fileURLToPath(new URL("./assets/demo-video.webm", import.meta.url));

// ---------------------------------------------------------------------------------------
// Portraits: a silhouette on a coloured background with the initials, clearly not a person.

const BACKGROUNDS = ["#1d3557", "#2a6f97", "#6a4c93", "#8a5a44", "#2d6a4f", "#9d0208", "#495057", "#b5651d", "#3d405b", "#005f73"];

const xml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Up to two initials: the first letter of the first and of the last word of the name. */
export function initialsOf(name: string): string {
  const words = name
    .normalize("NFC")
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  const first = (w: string | undefined) => (w ? ([...w].find((c) => /\p{L}/u.test(c)) ?? "") : "");
  const letters = words.length > 1 ? first(words[0]) + first(words.at(-1)) : first(words[0]);
  return letters.toLocaleUpperCase("en") || "?";
}

function portraitSvg(name: string, index: number): string {
  const background = BACKGROUNDS[((index % BACKGROUNDS.length) + BACKGROUNDS.length) % BACKGROUNDS.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="500" viewBox="0 0 400 500">
  <rect width="400" height="500" fill="${background}"/>
  <circle cx="200" cy="190" r="86" fill="#ffffff" fill-opacity="0.28"/>
  <path d="M40 500 C40 370 110 300 200 300 C290 300 360 370 360 500 Z" fill="#ffffff" fill-opacity="0.28"/>
  <text x="200" y="216" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" font-size="72" font-weight="bold" fill="#ffffff">${xml(initialsOf(name))}</text>
  <text x="200" y="470" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" font-size="20" fill="#ffffff" fill-opacity="0.85">Demo portrait</text>
</svg>`;
}

/**
 * A 400×500 PNG portrait for a fictional candidate: a silhouette in one of ten colours (by
 * `index`) with the initials of `name`. Encoded as lib/uploads/image.ts re-encodes a PNG, so
 * what is stored is what an upload of it would leave.
 */
export async function demoPhoto(name: string, index: number): Promise<Buffer> {
  return sharp(Buffer.from(portraitSvg(name, index)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

// ---------------------------------------------------------------------------------------
// Brochures: a plain PDF 1.4, written out here (no dependency), text in the standard
// Helvetica fonts, which every PDF reader has and which are never embedded.

export type DemoBrochureInput = { title: string; candidateName: string; post: string; paragraphs: string[] };

// Windows-1252 (WinAnsiEncoding) for the characters above Latin-1 a text may use.
const WIN_ANSI: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "™": 0x99,
  œ: 0x9c,
  Œ: 0x8c,
};

/** A PDF literal string in WinAnsiEncoding; a character it cannot show becomes "?". */
function pdfString(text: string): string {
  let out = "";
  for (const c of text.normalize("NFC")) {
    const code = c.codePointAt(0) ?? 63;
    const byte = WIN_ANSI[c] ?? (code >= 0x20 && code <= 0xff && !(code >= 0x7f && code <= 0x9f) ? code : 63);
    const ch = String.fromCharCode(byte);
    out += ch === "(" || ch === ")" || ch === "\\" ? `\\${ch}` : ch;
  }
  return `(${out})`;
}

/** A text string outside content streams (the document information): UTF-16BE with its mark, any script. */
function pdfTextString(text: string): string {
  const utf16 = Buffer.from(text.normalize("NFC"), "utf16le").swap16();
  return `<FEFF${utf16.toString("hex").toUpperCase()}>`;
}

/** Greedy wrapping by characters: Helvetica at 11 pt fits about 90 average characters in 483 pt. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

type Line = { font: "F1" | "F2"; size: number; text: string; gap: number };

const PAGE = { width: 595, height: 842, margin: 56 };
const NOTICE = "Demonstration material: a fictional candidate, generated by Hustings. Not a real brochure.";

function brochureLines({ title, candidateName, post, paragraphs }: DemoBrochureInput): Line[] {
  const lines: Line[] = [
    ...wrap(title, 45).map((text) => ({ font: "F2" as const, size: 20, text, gap: 26 })),
    { font: "F1", size: 13, text: candidateName, gap: 24 },
    ...wrap(post, 70).map((text) => ({ font: "F1" as const, size: 11, text, gap: 16 })),
    { font: "F1", size: 11, text: "", gap: 10 },
  ];
  for (const paragraph of paragraphs) {
    for (const text of wrap(paragraph, 90)) lines.push({ font: "F1", size: 11, text, gap: 15 });
    lines.push({ font: "F1", size: 11, text: "", gap: 8 });
  }
  return lines;
}

/** Each page's content stream: the lines that fit, then the demo notice at the foot. */
function pageStreams(lines: Line[]): string[] {
  const pages: string[] = [];
  const top = PAGE.height - PAGE.margin;
  const bottom = PAGE.margin + 30;
  let ops: string[] = [];
  let y = top;
  const finish = () => {
    ops.push(`BT /F1 8 Tf ${PAGE.margin} ${PAGE.margin} Td ${pdfString(NOTICE)} Tj ET`);
    pages.push(ops.join("\n"));
    ops = [];
    y = top;
  };
  for (const line of lines) {
    if (y - line.gap < bottom) finish();
    y -= line.gap;
    if (line.text) ops.push(`BT /${line.font} ${line.size} Tf ${PAGE.margin} ${y} Td ${pdfString(line.text)} Tj ET`);
  }
  finish();
  return pages;
}

/**
 * A valid PDF 1.4 brochure (A4, Helvetica, uncompressed text, no scripts, links, forms or
 * embedded files), with a demo notice on every page. It passes lib/uploads/pdf.ts and sniff.ts.
 */
export function demoBrochure(input: DemoBrochureInput): Buffer {
  const streams = pageStreams(brochureLines(input));
  const objects: string[] = [];
  // 1 catalogue, 2 page tree, 3-4 fonts, 5 information, then a page and its content per page.
  const pageIds = streams.map((_, i) => 6 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  objects[5] = `<< /Title ${pdfTextString(input.title)} /Author ${pdfTextString(input.candidateName)} /Producer (Hustings demo) >>`;
  streams.forEach((content, i) => {
    const id = 6 + i * 2;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`;
    const length = Buffer.byteLength(content, "latin1");
    objects[id + 1] = `<< /Length ${length} >>\nstream\n${content}\nendstream`;
  });

  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, "latin1");
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

// ---------------------------------------------------------------------------------------
// Storing: the same checks, names and layout as an upload (lib/uploads/store-upload.ts).

/**
 * What a store must do for the demo — store its files, and remove them when the demo is reset
 * (lib/demo/reset-core.ts): lib/storage's Storage has both, so the app may pass storage().
 */
export type DemoStore = {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Removes the file and its type; a key with no file is not an error. */
  delete(key: string): Promise<void>;
};

/** lib/storage/local.ts's layout: the file under its key, its type beside it in `<key>.type`. */
export function localDemoStore(dir: string): DemoStore {
  const root = path.resolve(dir);
  return {
    async put(key, bytes, contentType) {
      if (!STORAGE_KEY.test(key)) throw new Error("Invalid storage key");
      const file = path.join(root, key);
      await mkdir(root, { recursive: true });
      const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
      await writeFile(aside, bytes, { flag: "wx" });
      await writeFile(`${file}.type`, contentType);
      await rename(aside, file);
    },
    async delete(key) {
      if (!STORAGE_KEY.test(key)) throw new Error("Invalid storage key");
      const file = path.join(root, key);
      await rm(file, { force: true });
      await rm(`${file}.type`, { force: true });
    },
  };
}

/** lib/storage/s3.ts's put and delete, with the same client (lib/storage/s3-client.ts). */
export function s3DemoStore(config: S3Config): DemoStore {
  const client = s3Client(config);
  return {
    async put(key, bytes, contentType) {
      if (!STORAGE_KEY.test(key)) throw new Error("Invalid storage key");
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
    },
    async delete(key) {
      if (!STORAGE_KEY.test(key)) throw new Error("Invalid storage key");
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
    },
  };
}

/** The store the app would use (lib/storage/index.ts): S3 when S3_BUCKET and S3_REGION are set (a partial S3 configuration throws), else STORAGE_DIR. */
export function demoStore(env: Record<string, string | undefined> = process.env): DemoStore {
  const s3 = s3ConfigOf(env);
  return s3 ? s3DemoStore(s3) : localDemoStore(env.STORAGE_DIR || ".data/storage");
}

/** As lib/uploads/store-upload.ts's StoredUpload: the key, the detected type, the display name, the size. */
export type StoredDemoFile = { key: string; mime: string; safeName: string; size: number };

/**
 * Checks `bytes` as an upload of `kind` is checked (type by content, size limit, a PDF's
 * active content) and stores them under a new random key. Refuses loudly: a demo file that
 * an upload would refuse is a bug here. Images are stored as given: demoPhoto already makes
 * them as lib/uploads/image.ts would re-encode them.
 */
export async function storeDemoFile({
  kind,
  bytes,
  fileName,
  store = demoStore(),
}: {
  kind: UploadKind;
  bytes: Buffer;
  fileName: string;
  store?: DemoStore;
}): Promise<StoredDemoFile> {
  if (bytes.length === 0 || bytes.length > UPLOAD_RULES[kind].maxBytes) throw new Error(`Demo ${kind} ${fileName}: empty or too large`);
  const sniffed = sniff(bytes);
  if (!sniffed.ok || !UPLOAD_RULES[kind].types.includes(sniffed.type)) throw new Error(`Demo ${kind} ${fileName}: not an accepted type`);
  if (sniffed.type === "pdf") {
    const pdf = checkPdf(bytes);
    if (!pdf.ok) throw new Error(`Demo ${kind} ${fileName}: ${pdf.reason}`);
  }
  const key = randomStoredName(sniffed.extension);
  await store.put(key, bytes, sniffed.mime);
  return { key, mime: sniffed.mime, safeName: sanitiseFileName(fileName, sniffed.extension), size: bytes.length };
}

/** A brochure's Material fields, as lib/materials/attach-file.ts writes them. */
export const brochureFileFields = (stored: StoredDemoFile) => ({
  fileKey: stored.key,
  fileName: stored.safeName,
  mimeType: stored.mime,
  sizeBytes: BigInt(stored.size),
});

/** A video's Material fields, as attachVideoFile in lib/materials/video.ts writes them (the other sources empty). */
export const videoFileFields = (stored: StoredDemoFile) => ({
  videoSource: "UPLOAD" as const,
  fileKey: stored.key,
  fileName: stored.safeName,
  mimeType: stored.mime,
  sizeBytes: BigInt(stored.size),
  url: null,
  muxUploadId: null,
  muxAssetId: null,
  muxPlaybackId: null,
  videoError: null,
});

/** Convenience: a candidate's generated portrait, stored; its key goes on Candidate.photoKey. */
export async function storeDemoPhoto(name: string, index: number, store?: DemoStore): Promise<string> {
  const stored = await storeDemoFile({ kind: "photo", bytes: await demoPhoto(name, index), fileName: "portrait.png", store });
  return stored.key;
}

/** Convenience: a generated brochure, stored; spread the result into a BROCHURE Material's data. */
export async function storeDemoBrochure(input: DemoBrochureInput, store?: DemoStore) {
  const fileName = `${input.candidateName} - brochure.pdf`;
  return brochureFileFields(await storeDemoFile({ kind: "brochure", bytes: demoBrochure(input), fileName, store }));
}

/** Convenience: a generated CV (a PDF like the brochure), stored; its key goes on Candidate.cvKey. */
export async function storeDemoCv(input: DemoBrochureInput, store?: DemoStore): Promise<string> {
  const stored = await storeDemoFile({ kind: "cv", bytes: demoBrochure(input), fileName: `${input.candidateName} - CV.pdf`, store });
  return stored.key;
}

/** Convenience: the shipped video, stored; spread the result into a VIDEO Material's data. */
export async function storeDemoVideo(store?: DemoStore) {
  const bytes = await readFile(DEMO_VIDEO_PATH);
  return videoFileFields(await storeDemoFile({ kind: "video", bytes, fileName: "demo-video.webm", store }));
}
