import { DETECTED_TYPES, type DetectedType } from "./limits";

// The type is decided by the file's content, never by its name or the browser's
// claim. Only six formats are recognised; everything else is refused. Another format hidden
// further in (a polyglot) is looked for across the whole file by content-scan.ts.

export type SniffResult =
  { ok: true; type: DetectedType; mime: string; extension: string } | { ok: false; reason: "empty" | "markup" | "activeFile" | "unknown" };

const PROBE = 1024;

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// ISO-BMFF major brands that are MP4 video; HEIC, AVIF and QuickTime share the box format.
const MP4_BRANDS = new Set(["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "mmp4"]);

function recognise(bytes: Buffer): DetectedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  // Strictly at offset 0: readers that accept a header later in the file are how polyglots work.
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, ascii("ftyp"), 4) && MP4_BRANDS.has(bytes.subarray(8, 12).toString("latin1"))) return "mp4";
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && bytes.subarray(0, 64).includes("webm", 0, "latin1")) return "webm";
  return null;
}

// Executables, scripts and archives, recognised only to give a clearer refusal.
const ACTIVE_SIGNATURES: readonly (readonly number[])[] = [
  ascii("MZ"), // PE / DOS executable
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O
  ascii("#!"), // shell script
  ascii("PK\x03\x04"),
  ascii("PK\x05\x06"),
  ascii("Rar!"),
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x1f, 0x8b], // zip, rar, 7z, gzip
];

// Markup a browser would render and run: refused outright (SVG and HTML are never accepted).
const MARKUP = /^(?:\xef\xbb\xbf|\ufeff|\s|\0)*<(?:\?xml|!doctype|html|head|body|svg|script|iframe|!--)/i;

export function sniff(bytes: Buffer): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const head = bytes.subarray(0, PROBE).toString("latin1");
  if (MARKUP.test(head)) return { ok: false, reason: "markup" };
  if (ACTIVE_SIGNATURES.some((s) => startsWith(bytes, s))) return { ok: false, reason: "activeFile" };
  const type = recognise(bytes);
  if (!type) return { ok: false, reason: "unknown" };
  return { ok: true, type, ...DETECTED_TYPES[type] };
}
