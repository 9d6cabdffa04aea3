import { constants, inflateSync } from "node:zlib";

// A PDF that can run code, act by itself, reach outside the document or carry other files
// is refused (docs/decisions/026-upload-checks.md). What a viewer would read is looked at:
// names with their #xx escapes undone ("/J#61vaScript"), every stream that can be decoded
// (FlateDecode, ASCIIHex, ASCII85, PNG predictors), objects inside object streams, strings
// written in hex or with escapes. Bounded: 8 MB decoded per stream, 64 MB in all, 20,000
// streams. An encrypted PDF cannot be looked into, so it is refused, and so is an object
// stream that cannot be decoded.

export type PdfRefusal = "pdfActiveContent" | "pdfEncrypted" | "pdfUncheckable" | "pdfAutomaticAction" | "pdfExternalAction" | "pdfLinkScheme";
export type PdfCheck = { ok: true } | { ok: false; reason: PdfRefusal };

const MAX_STREAM_OUTPUT = 8 * 1024 * 1024;
const MAX_TOTAL_OUTPUT = 64 * 1024 * 1024;
const MAX_STREAMS = 20_000;
/** The farthest back from "stream" a stream's dictionary is looked for. */
const MAX_DICT = 64 * 1024;

// A name ends at white space or a delimiter (ISO 32000-1 §7.2.2).
const END = String.raw`(?=[\s\0()<>\[\]{}/%]|$)`;
const names = (...list: string[]) => new RegExp(String.raw`/(?:${list.join("|")})${END}`);
// Scripts, XFA forms, files carried inside (and actions opening them), rich media.
const ACTIVE = names("JavaScript", "JS", "XFA", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "GoToE");
// Actions that leave the document: another file, a program, sending or fetching form data.
const EXTERNAL = names("GoToR", "Launch", "SubmitForm", "ImportData");
// Additional actions: run when a page opens, a field is touched, the document closes…
const ADDITIONAL = names("AA");
const ENCRYPTED = names("Encrypt");
/** Link addresses a viewer may open; an address with no scheme is relative to the document. */
const LINK_SCHEMES = new Set(["http", "https", "mailto"]);

type Refusal = Extract<PdfCheck, { ok: false }>;
const refuse = (reason: PdfRefusal): Refusal => ({ ok: false, reason });

const isWhite = (c: string | undefined) => c !== undefined && /[\s\0]/.test(c);

/** Undoes #xx escapes inside names only ("/J#61vaScript" → "/JavaScript"). */
const unescapeNames = (text: string) =>
  !text.includes("#")
    ? text
    : text.replace(/\/[^\s\0()<>[\]{}/%]*/g, (name) =>
        name.includes("#") ? name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : name,
      );

// ---------------------------------------------------------------------------------------
// Filters.

type Decoded = Buffer | "unsupported" | "tooBig";

function inflate(data: Buffer): Decoded {
  try {
    // Sync flush keeps what a truncated stream yields: a viewer would render that part too.
    return inflateSync(data, { maxOutputLength: MAX_STREAM_OUTPUT, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    return error instanceof RangeError ? "tooBig" : "unsupported";
  }
}

function asciiHex(data: Buffer): Buffer {
  const text = data.toString("latin1");
  const end = text.indexOf(">");
  const digits = (end < 0 ? text : text.slice(0, end)).replace(/[^0-9a-fA-F]/g, "");
  return Buffer.from(digits.length % 2 ? `${digits}0` : digits, "hex");
}

function ascii85(data: Buffer): Buffer {
  let text = data.toString("latin1").replace(/[\s\0]/g, "");
  if (text.startsWith("<~")) text = text.slice(2);
  const end = text.indexOf("~>");
  if (end >= 0) text = text.slice(0, end);
  const out: number[] = [];
  let group: number[] = [];
  const flush = (count: number) => {
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const digit of group) value = value * 85 + digit;
    const bytes = [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
    out.push(...bytes.slice(0, count));
    group = [];
  };
  for (const char of text) {
    if (char === "z" && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const digit = char.charCodeAt(0) - 33;
    if (digit < 0 || digit > 84) continue;
    group.push(digit);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

/** PNG predictors (10–15) with one 8-bit colour, as object and cross-reference streams use them. */
function unpredict(data: Buffer, parms: string): Decoded {
  const predictor = Number(/\/Predictor\s+(\d+)/.exec(parms)?.[1] ?? 1);
  if (predictor <= 1) return data;
  const colors = Number(/\/Colors\s+(\d+)/.exec(parms)?.[1] ?? 1);
  const bits = Number(/\/BitsPerComponent\s+(\d+)/.exec(parms)?.[1] ?? 8);
  const columns = Number(/\/Columns\s+(\d+)/.exec(parms)?.[1] ?? 1);
  if (predictor < 10 || bits !== 8 || colors < 1 || colors > 4 || columns < 1 || columns > 1 << 20) return "unsupported";
  const width = colors * columns;
  const rows = Math.floor(data.length / (width + 1));
  const out = Buffer.alloc(rows * width);
  for (let row = 0; row < rows; row++) {
    const type = data[row * (width + 1)];
    const line = data.subarray(row * (width + 1) + 1, (row + 1) * (width + 1));
    for (let i = 0; i < width; i++) {
      const left = i >= colors ? out[row * width + i - colors]! : 0;
      const up = row > 0 ? out[(row - 1) * width + i]! : 0;
      const upLeft = row > 0 && i >= colors ? out[(row - 1) * width + i - colors]! : 0;
      const raw = line[i]!;
      let value: number;
      if (type === 0) value = raw;
      else if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else return "unsupported";
      out[row * width + i] = value & 255;
    }
  }
  return out;
}

const FILTER_NAMES: Record<string, string> = { Fl: "FlateDecode", AHx: "ASCIIHexDecode", A85: "ASCII85Decode" };

/** The stream's data through its filters, or why it cannot be. */
function decode(data: Buffer, dict: string): Decoded {
  const filterValue = /\/Filter\s*(\[[^\]]*\]|\/[^\s\0()<>[\]{}/%]+)/.exec(dict)?.[1];
  if (!filterValue) return data;
  const filters = [...filterValue.matchAll(/\/([^\s\0()<>[\]{}/%]+)/g)].map((m) => FILTER_NAMES[m[1]!] ?? m[1]!);
  const parmsValue = /\/DecodeParms\s*(\[[\s\S]*?\]|<<[\s\S]*?>>)/.exec(dict)?.[1] ?? "";
  const parmsList = parmsValue.startsWith("[") ? [...parmsValue.matchAll(/<<[\s\S]*?>>|null/g)].map((m) => m[0]) : [parmsValue];
  let out: Decoded = data;
  for (const [i, filter] of filters.entries()) {
    if (typeof out === "string") return out;
    if (filter === "FlateDecode") {
      out = inflate(out);
      if (typeof out !== "string") out = unpredict(out, parmsList[i] ?? "");
    } else if (filter === "ASCIIHexDecode") out = asciiHex(out);
    else if (filter === "ASCII85Decode") out = ascii85(out);
    else return "unsupported";
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Streams and objects.

type Stream = { dict: string; start: number; end: number };

/** The dictionary that ends just before `at` (balanced << >>), or null. */
function dictionaryBefore(text: string, at: number): { dict: string; start: number } | null {
  let i = at - 1;
  while (i >= 0 && isWhite(text[i])) i--;
  if (text[i] !== ">" || text[i - 1] !== ">") return null;
  let depth = 0;
  const floor = Math.max(0, at - MAX_DICT);
  for (let j = i; j > floor; j--) {
    if (text[j] === ">" && text[j - 1] === ">") {
      depth++;
      j--;
    } else if (text[j] === "<" && text[j - 1] === "<") {
      depth--;
      j--;
      if (depth === 0) return { dict: text.slice(j, i + 1), start: j };
    }
  }
  return null;
}

function* streamsOf(text: string): Generator<Stream> {
  const keyword = /stream(?:\r\n|\n|\r)/g;
  let match: RegExpExecArray | null;
  while ((match = keyword.exec(text))) {
    const found = dictionaryBefore(text, match.index);
    if (!found) continue;
    const start = match.index + match[0].length;
    const dict = unescapeNames(found.dict);
    // The declared length when it lands on "endstream"; else the first "endstream". Either
    // way, what is not this stream's data is read as object syntax.
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let end = -1;
    if (declared) {
      const byLength = start + Number(declared[1]);
      if (/^[\r\n]*endstream/.test(text.slice(byLength, byLength + 12))) end = byLength;
    }
    if (end < 0) end = text.indexOf("endstream", start);
    if (end < 0) return;
    yield { dict, start, end };
    keyword.lastIndex = end + 9;
  }
}

// Image samples and font programs hold no objects, and their bytes could spell "/JS" by
// chance: they are neither decoded nor read for names (unless written straight in, above).
const IMAGE = new RegExp(String.raw`/Subtype\s*/Image${END}`);
const FONT = /\/Length[123]\s|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)/;
const OBJECT_HEADER = /\d+[\s\0]+\d+[\s\0]+obj\b/;

/** Every object's body by number; an object defined twice (incremental updates) keeps both. */
type Objects = Map<number, string[]>;

function addObject(objects: Objects, number: number, body: string) {
  const list = objects.get(number);
  if (list) list.push(body);
  else objects.set(number, [body]);
}

function indexObjects(text: string, objects: Objects) {
  const header = /(\d+)\s+\d+\s+obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endobj", start);
    addObject(objects, Number(match[1]), text.slice(start, end < 0 ? undefined : end));
  }
}

/** The objects of an object stream: "number offset" pairs, then the objects from /First. */
function indexObjectStream(dict: string, decoded: string, objects: Objects) {
  const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1] ?? NaN);
  if (!Number.isSafeInteger(first)) return;
  const pairs = decoded
    .slice(0, first)
    .trim()
    .split(/[\s\0]+/)
    .map(Number);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const next = i + 3 < pairs.length ? first + pairs[i + 3]! : decoded.length;
    addObject(objects, pairs[i]!, decoded.slice(first + pairs[i + 1]!, next));
  }
}

// ---------------------------------------------------------------------------------------
// Values.

/** The value that starts at `at`: a dictionary, an array, a string, a reference or a single token. */
function valueAt(text: string, at: number): string {
  let i = at;
  while (isWhite(text[i])) i++;
  const open = text.slice(i, i + 2);
  if (open === "<<" || text[i] === "[" || text[i] === "(") {
    const pairs: Record<string, string> = { "<": ">", "[": "]", "(": ")" };
    const close = open === "<<" ? ">>" : pairs[text[i]!]!;
    const opener = open === "<<" ? "<<" : text[i]!;
    let depth = 0;
    for (let j = i; j < text.length && j < i + MAX_DICT; j++) {
      if (text[j] === "\\" && opener === "(") {
        j++;
        continue;
      }
      if (text.startsWith(opener, j)) {
        depth++;
        j += opener.length - 1;
      } else if (text.startsWith(close, j)) {
        depth--;
        j += close.length - 1;
        if (depth === 0) return text.slice(i, j + 1);
      }
    }
    return text.slice(i, i + MAX_DICT);
  }
  if (text[i] === "<") {
    const end = text.indexOf(">", i);
    return text.slice(i, end < 0 ? undefined : end + 1);
  }
  const reference = /^\d+\s+\d+\s+R/.exec(text.slice(i, i + 32));
  if (reference) return reference[0];
  return /^[^\s\0()<>[\]{}%]*(?:\/[^\s\0()<>[\]{}/%]*)?/.exec(text.slice(i, i + 256))?.[0] ?? "";
}

/** A reference's object bodies (all of its definitions), or the value itself. */
function resolve(value: string, objects: Objects): string[] {
  const reference = /^(\d+)\s+\d+\s+R$/.exec(value);
  if (!reference) return [value];
  return (objects.get(Number(reference[1])) ?? []).map((body) => valueAt(body, 0));
}

/** A literal "(…)" or hex "<…>" string's text (UTF-16 with its byte-order mark too). */
function stringValue(value: string): string | null {
  let bytes: Buffer;
  if (value.startsWith("(")) {
    const body = value.slice(1, -1);
    let out = "";
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const next = body[++i] ?? "";
      const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
      if (escapes[next]) out += escapes[next];
      else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(body.slice(i))![0];
        out += String.fromCharCode(parseInt(octal, 8) & 255);
        i += octal.length - 1;
      } else if (next === "\r") {
        if (body[i + 1] === "\n") i++;
      } else if (next !== "\n") out += next;
    }
    bytes = Buffer.from(out, "latin1");
  } else if (value.startsWith("<") && !value.startsWith("<<")) bytes = asciiHex(Buffer.from(value.slice(1), "latin1"));
  else return null;
  // UTF-16BE: swapped in a copy, an odd last byte dropped.
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)))
      .swap16()
      .toString("utf16le");
  return bytes.toString("latin1");
}

/** A link address's scheme as a browser reads it (white space and control characters are skipped), or null when relative. */
function schemeOf(address: string): string | null {
  const compact = address.replace(/[\u0000-\u0020\u007f]/g, "");
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(compact)?.[1]?.toLowerCase() ?? null;
}

/** Each value following `/Key` in `text`. */
function* valuesOf(text: string, key: string): Generator<string> {
  const pattern = new RegExp(String.raw`/${key}${END}`, "g");
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) yield valueAt(text, match.index + match[0].length);
}

/** /OpenAction may only go to a place in the document: a destination, or a GoTo action with nothing chained. */
function openActionAllowed(value: string, objects: Objects): boolean {
  const bodies = resolve(value, objects);
  if (bodies.length === 0) return false;
  return bodies.every((body) => {
    if (body.startsWith("[")) return true;
    if (!body.startsWith("<<")) return false;
    return new RegExp(String.raw`/S\s*/GoTo${END}`).test(body) && !new RegExp(String.raw`/Next${END}`).test(body);
  });
}

/** The end of the literal string opening at `at` (balanced parentheses, backslash escapes), or -1. */
function literalEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length && i < at + MAX_DICT; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

// A string that holds object syntax is kept as it stands: a viewer sent into it by offset
// would read that syntax, so it must not be hidden from the checks.
const HOLDS_SYNTAX = /\bobj\b|endobj|\bstream\b|\btrailer\b|\bxref\b/;

/**
 * `text` with the insides of its strings left out, so that a link to ".../Launch" or a line
 * of text reading "/AA" is not taken for a name.
 */
function withoutStrings(text: string): string {
  const out: string[] = [];
  let kept = 0;
  const opening = /[(<]/g;
  let match: RegExpExecArray | null;
  while ((match = opening.exec(text))) {
    const at = match.index;
    if (text[at] === "<") {
      if (text[at + 1] === "<") {
        opening.lastIndex = at + 2;
        continue;
      }
      const end = text.indexOf(">", at);
      if (end < 0) break;
      if (/^[0-9A-Fa-f\s\0]*$/.test(text.slice(at + 1, end))) {
        out.push(text.slice(kept, at), "<>");
        kept = end + 1;
      }
      opening.lastIndex = end + 1;
      continue;
    }
    const end = literalEnd(text, at);
    if (end < 0) continue;
    if (!HOLDS_SYNTAX.test(text.slice(at, end))) {
      out.push(text.slice(kept, at), "()");
      kept = end + 1;
    }
    opening.lastIndex = end + 1;
  }
  out.push(text.slice(kept));
  return out.join("");
}

/** Every /URI (an action's address, or the catalogue's /Base) is a web or mail address, or relative. */
function linksAllowed(syntax: string, objects: Objects): boolean {
  const addresses: string[] = [];
  for (const value of valuesOf(syntax, "URI")) {
    for (const body of resolve(value, objects)) {
      if (body.startsWith("<<")) for (const base of valuesOf(body, "Base")) addresses.push(...resolve(base, objects));
      else addresses.push(body);
    }
  }
  return addresses.every((address) => {
    const text = stringValue(address);
    const scheme = text === null ? null : schemeOf(text);
    return scheme === null || LINK_SCHEMES.has(scheme);
  });
}

// ---------------------------------------------------------------------------------------

export function checkPdf(bytes: Buffer): PdfCheck {
  const text = bytes.toString("latin1");
  // What a viewer reads as object syntax: everything outside stream data, plus every stream
  // that decodes, but for images and fonts.
  const syntax: string[] = [];
  const objects: Objects = new Map();
  let from = 0;
  let total = 0;
  let count = 0;
  for (const stream of streamsOf(text)) {
    syntax.push(text.slice(from, stream.start));
    from = stream.end;
    if (++count > MAX_STREAMS) return refuse("pdfUncheckable");
    // Objects written straight into a stream's data (a viewer reaches them by their offset) are read as they stand.
    const raw = text.slice(stream.start, stream.end);
    if (OBJECT_HEADER.test(raw)) syntax.push(raw);
    // An object stream by its type, or by the two keys a viewer reads it with.
    const objectStream = new RegExp(String.raw`/Type\s*/ObjStm${END}`).test(stream.dict) || (/\/N\s+\d/.test(stream.dict) && /\/First\s+\d/.test(stream.dict));
    if (!objectStream && (IMAGE.test(stream.dict) || FONT.test(stream.dict))) continue;
    const decoded = decode(bytes.subarray(stream.start, stream.end), stream.dict);
    // An object stream must be read whole; any other stream past the bounds is left unread
    // (a viewer finds no objects in it), so a large drawing is not refused for its size.
    if (decoded === "unsupported" || decoded === "tooBig" || total + decoded.length > MAX_TOTAL_OUTPUT) {
      if (objectStream) return refuse("pdfUncheckable");
      continue;
    }
    total += decoded.length;
    const content = decoded.toString("latin1");
    syntax.push(content);
    if (objectStream) indexObjectStream(stream.dict, unescapeNames(content), objects);
  }
  syntax.push(text.slice(from));
  const all = unescapeNames(syntax.join("\n"));
  indexObjects(all, objects);

  const names = withoutStrings(all);
  // Encryption first: it is the clearer reason, and nothing else in the file can be trusted.
  if (ENCRYPTED.test(names)) return refuse("pdfEncrypted");
  if (ACTIVE.test(names)) return refuse("pdfActiveContent");
  if (EXTERNAL.test(names)) return refuse("pdfExternalAction");
  if (ADDITIONAL.test(names)) return refuse("pdfAutomaticAction");
  for (const value of valuesOf(names, "OpenAction")) if (!openActionAllowed(value, objects)) return refuse("pdfAutomaticAction");
  if (!linksAllowed(all, objects)) return refuse("pdfLinkScheme");
  return { ok: true };
}
