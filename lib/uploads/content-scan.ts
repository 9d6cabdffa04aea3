import type { DetectedType } from "./limits";

// Another format hidden inside an accepted file (a polyglot): markup a browser would run,
// an executable, a ZIP archive, a PDF inside something else. The whole file is read, in
// chunks as it arrives, with an overlap so that a token across two chunks is still seen
// (docs/decisions/026-upload-checks.md). Memory stays bounded: a chunk and the overlap.
//
// The tokens are long or checked further, because a 1 GB video is a billion positions of
// near-random bytes: a bare "MZ" or "<svg" would turn up in most of them by chance.

export type ContentFinding = "markup" | "executable" | "archive" | "pdf";
export type ContentScanResult = { ok: true } | { ok: false; finding: ContentFinding };

/** How far past a token's first byte the checks may read (a PE header sits at most 4 KiB after "MZ"). */
const LOOKAHEAD = 8 * 1024;
const PE_HEADER_MAX_OFFSET = 4 * 1024;
/** Bytes gathered before each look. */
const BATCH = 64 * 1024;

// Markup a browser would render and run. An SVG counts only with a namespace or an event
// handler attribute, which every SVG that runs anything has.
const MARKUP =
  /<(?:script|iframe|object|embed)[\s/>]|<(?:html|body)[\s>]|<!doctype\s+html|<\?php\s|<svg(?=[\s/>])[^<]{0,512}?(?:xmlns|[\s/"']on[a-z]+\s*=)|javascript:/gi;

// Executable and archive headers, each confirmed below (Buffer.indexOf finds them at memory speed).
const SIGNATURES = [
  "MZ",
  "\x7fELF",
  "\xfe\xed\xfa\xce",
  "\xfe\xed\xfa\xcf",
  "\xce\xfa\xed\xfe",
  "\xcf\xfa\xed\xfe",
  "\xca\xfe\xba\xbe",
  "%PDF-",
  "PK\x05\x06",
].map((token) => [token, Buffer.from(token, "latin1")] as const);

// Mach-O CPU types: x86, x86-64, ARM, ARM64, PowerPC, PowerPC 64.
const MACH_CPUS = new Set([7, 0x01000007, 12, 0x0100000c, 18, 0x01000012]);

/** A ZIP's end record: 22 bytes, then a comment of the length it states, then the end of the file. */
type ZipEnd = { offset: number; commentLength: number };

export class ContentScanner {
  private carry: Buffer = Buffer.alloc(0);
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** The position in the file of carry[0]. */
  private base = 0;
  private finding: ContentFinding | null = null;
  private zipEnds: ZipEnd[] = [];

  constructor(private readonly type: DetectedType) {}

  /** The next bytes of the file. Small chunks are gathered first, so a trickle costs no more than a flood. */
  push(chunk: Uint8Array): void {
    if (this.finding || chunk.length === 0) return;
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= BATCH) this.flush(false);
  }

  private flush(last: boolean): void {
    const buffer = Buffer.concat([this.carry, ...this.pending]);
    this.pending = [];
    this.pendingLength = 0;
    const limit = last ? buffer.length : buffer.length - LOOKAHEAD;
    if (limit <= 0) {
      this.carry = buffer;
      return;
    }
    this.scan(buffer, limit);
    this.carry = buffer.subarray(limit);
    this.base += limit;
  }

  /** Whether something was found already (the rest need not be read). */
  get found(): boolean {
    return this.finding !== null;
  }

  /** After the last chunk: what was found, if anything. */
  finish(): ContentScanResult {
    if (!this.finding) this.flush(true);
    const size = this.base + this.carry.length;
    // A ZIP reader looks for the end record from the file's end: one that ends the file makes it an archive.
    if (!this.finding && this.zipEnds.some((end) => end.offset + 22 + end.commentLength === size)) this.finding = "archive";
    return this.finding ? { ok: false, finding: this.finding } : { ok: true };
  }

  /** Looks at every token starting before `limit`; the bytes after it are there for the checks to read. */
  private scan(buffer: Buffer, limit: number): void {
    const text = buffer.toString("latin1");
    MARKUP.lastIndex = 0;
    const markup = MARKUP.exec(text);
    if (markup && markup.index < limit) {
      this.finding = "markup";
      return;
    }
    for (const [token, signature] of SIGNATURES) {
      for (let at = buffer.indexOf(signature); at !== -1 && at < limit; at = buffer.indexOf(signature, at + 1)) {
        const found = this.confirm(buffer, at, token);
        if (found) {
          this.finding = found;
          return;
        }
      }
    }
  }

  private confirm(buffer: Buffer, at: number, token: string): ContentFinding | null {
    const has = (length: number) => at + length <= buffer.length;
    if (token === "MZ") {
      // A DOS stub whose header names a PE header ("PE\0\0") where it says: a Windows program.
      if (!has(0x40)) return null;
      const pe = buffer.readUInt32LE(at + 0x3c);
      return pe >= 0x40 && pe <= PE_HEADER_MAX_OFFSET && has(pe + 4) && buffer.toString("latin1", at + pe, at + pe + 4) === "PE\0\0" ? "executable" : null;
    }
    if (token === "\x7fELF") {
      // Class (32 or 64 bits), byte order and version 1, then the identification's zero padding.
      if (!has(16)) return null;
      const [bits, order, version] = [buffer[at + 4], buffer[at + 5], buffer[at + 6]];
      return (bits === 1 || bits === 2) && (order === 1 || order === 2) && version === 1 && buffer.subarray(at + 9, at + 16).every((b) => b === 0)
        ? "executable"
        : null;
    }
    if (token === "PK\x05\x06") {
      if (has(22)) this.zipEnds.push({ offset: this.base + at, commentLength: buffer.readUInt16LE(at + 20) });
      // Only the last 64 KiB (the longest comment) can end the file.
      this.zipEnds = this.zipEnds.filter((end) => end.offset >= this.base + at - 0x10000 - 22);
      return null;
    }
    if (token === "%PDF-") return this.type !== "pdf" && has(8) && /^[12]\.\d$/.test(buffer.toString("latin1", at + 5, at + 8)) ? "pdf" : null;
    if (token === "\xca\xfe\xba\xbe") {
      // A universal Mach-O: a handful of architectures, the first a known CPU.
      if (!has(12)) return null;
      const count = buffer.readUInt32BE(at + 4);
      return count >= 1 && count <= 8 && MACH_CPUS.has(buffer.readUInt32BE(at + 8)) ? "executable" : null;
    }
    // A Mach-O header, big- or little-endian: a known CPU and a known file type.
    if (!has(16)) return null;
    const bigEndian = token.startsWith("\xfe");
    const read = (offset: number) => (bigEndian ? buffer.readUInt32BE(at + offset) : buffer.readUInt32LE(at + offset));
    const fileType = read(12);
    return MACH_CPUS.has(read(4)) && fileType >= 1 && fileType <= 12 ? "executable" : null;
  }
}

const CHUNK = 1024 * 1024;

/** The whole of `bytes`, a mebibyte at a time. */
export function scanContent(bytes: Uint8Array, type: DetectedType): ContentScanResult {
  const scanner = new ContentScanner(type);
  for (let at = 0; at < bytes.length && !scanner.found; at += CHUNK) scanner.push(bytes.subarray(at, at + CHUNK));
  return scanner.finish();
}

/** A stream that passes `body` through unchanged while `scanner` reads it. */
export function scanning(body: ReadableStream<Uint8Array>, scanner: ContentScanner): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        scanner.push(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
}
