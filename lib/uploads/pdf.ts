import { inflateSync, constants } from "node:zlib";

// A PDF that can run code or carry other files is refused. Names may be written
// with #xx escapes ("/J#61vaScript") and objects may sit inside FlateDecode streams, so
// both are undone before looking. An encrypted PDF cannot be looked into, so it is refused.

export type PdfCheck = { ok: true } | { ok: false; reason: "pdfActiveContent" | "pdfEncrypted" | "pdfUncheckable" };

const ACTIVE = /\/(?:JavaScript|JS|Launch|EmbeddedFile|EmbeddedFiles|XFA|RichMedia|GoToE|ImportData|SubmitForm)(?![A-Za-z0-9])/;
const ENCRYPTED = /\/Encrypt(?![A-Za-z0-9])/;
// Bounds: no stream may inflate past 8 MB and all of them together past 64 MB.
const MAX_STREAM_OUTPUT = 8 * 1024 * 1024;
const MAX_TOTAL_OUTPUT = 64 * 1024 * 1024;
const MAX_STREAMS = 20_000;

const unescapeNames = (text: string) => text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function inflate(data: Buffer): Buffer | "tooBig" | null {
  try {
    // Sync flush keeps what a truncated stream yields: a viewer would render that part too.
    return inflateSync(data, { maxOutputLength: MAX_STREAM_OUTPUT, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    return error instanceof RangeError ? "tooBig" : null;
  }
}

function* streams(text: string): Generator<{ dict: string; start: number; end: number }> {
  const keyword = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = keyword.exec(text))) {
    if (text.slice(match.index - 3, match.index) === "end") continue;
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) return;
    yield { dict: text.slice(Math.max(0, match.index - 400), match.index), start, end };
    keyword.lastIndex = end + 9;
  }
}

function scan(text: string): PdfCheck | null {
  const names = unescapeNames(text);
  if (ENCRYPTED.test(names)) return { ok: false, reason: "pdfEncrypted" };
  if (ACTIVE.test(names)) return { ok: false, reason: "pdfActiveContent" };
  return null;
}

export function checkPdf(bytes: Buffer): PdfCheck {
  const text = bytes.toString("latin1");
  // Object syntax is read outside streams only: raw binary data (images, fonts) could hold
  // "/JS" by chance, and would refuse an innocent 20 MB brochure.
  const outside: string[] = [];
  let from = 0;
  let total = 0;
  let count = 0;
  const found: PdfCheck[] = [];
  for (const { dict, start, end } of streams(text)) {
    outside.push(text.slice(from, start));
    from = end;
    if (++count > MAX_STREAMS) return { ok: false, reason: "pdfUncheckable" };
    const lastDict = dict.slice(dict.lastIndexOf("obj") + 1);
    const objectStream = /\/ObjStm/.test(lastDict);
    // Image data cannot hold objects; everything else compressed is opened and read.
    if (/\/Subtype\s*\/Image/.test(lastDict) || !/FlateDecode|\/Fl\b/.test(lastDict)) {
      if (objectStream) return { ok: false, reason: "pdfUncheckable" };
      continue;
    }
    const inflated = inflate(bytes.subarray(start, end));
    if (inflated === "tooBig") return { ok: false, reason: "pdfUncheckable" };
    if (!inflated) {
      if (objectStream) return { ok: false, reason: "pdfUncheckable" };
      continue;
    }
    total += inflated.length;
    if (total > MAX_TOTAL_OUTPUT) return { ok: false, reason: "pdfUncheckable" };
    const inside = scan(inflated.toString("latin1"));
    if (inside) found.push(inside);
  }
  outside.push(text.slice(from));
  const direct = scan(outside.join("\n"));
  // Encryption first: it is the clearer reason, and nothing else in the file can be trusted.
  return direct ?? found.find((f) => !f.ok && f.reason === "pdfEncrypted") ?? found[0] ?? { ok: true };
}
