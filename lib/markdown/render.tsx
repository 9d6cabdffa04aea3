import "server-only";

import { Fragment, type ReactNode } from "react";

// A small Markdown subset for candidates' vision statements and campaign statements, built
// straight into React elements: no HTML string is ever produced or parsed, so whatever a
// candidate types (tags, scripts, `javascript:` links) can only ever be shown as text.
// Supported: paragraphs, line breaks, **bold**, *italic*, bulleted and numbered lists,
// headings of level 3 and 4 (the page owns levels 1–2), and links to https: URLs only.
//
// Linear in the input's length (docs/decisions/038-markdown-renderer.md): every question the
// inline parser asks ("where does this bold end?", "where does this link's label end?") is
// answered by a table built once per line in one pass from the end, instead of by a search that
// runs on to the end of the text and is repeated for every marker. The parser descends at most
// MAX_DEPTH levels and the spans handled at one level never overlap, so each character is
// looked at a bounded number of times; no regular expression runs over a whole line.
// Server only: the renderer never reaches a client bundle (a client component importing it fails the build).

/** Nesting of emphasis and links beyond this is shown as text: no pathological input can recurse deeply. */
const MAX_DEPTH = 3;
const MAX_LABEL = 500;
const MAX_TARGET = 2000;
const STAR = 0x2a;
const SPACE = 0x20;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const NEWLINE = 0x0a;
const HASH = 0x23;
/** JavaScript's `\s`, one character at a time. */
const WHITESPACE = /\s/;
/** What `.` in a regular expression does not match: a line's text must not contain one. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** The URL when it is an absolute https: address, else null (javascript:, data:, http:, relative …). */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && url.hostname !== "" ? url.href : null;
  } catch {
    return null;
  }
}

const isSpace = (source: string, i: number) => i < source.length && WHITESPACE.test(source[i]!);

/**
 * Tables over one line of text, each filled in one pass from the end, so that the inline parser
 * finds any closing marker in constant time whatever span of the line it is working on.
 */
class Scan {
  /** Start of the earliest `**` at or after p (length when none). */
  readonly nextDouble: Int32Array;
  /** Start and end (exclusive) of the run of `*` that p is in. */
  readonly runStart: Int32Array;
  readonly runEnd: Int32Array;
  /** Start of the earliest run of `*` at or after p that ends with a single `*` able to close an emphasis (length when none). */
  readonly nextCloserRun: Int32Array;
  /** The earliest `]` or line break at or after p (length when none). */
  readonly nextLabelStop: Int32Array;
  /** The earliest `(`, `)` or whitespace at or after p (length when none). */
  readonly nextTargetStop: Int32Array;
  /** safeHref of the link target starting at a position: each target is checked once. */
  readonly hrefs = new Map<number, string | null>();

  constructor(readonly source: string) {
    const n = source.length;
    this.nextDouble = new Int32Array(n + 1).fill(n);
    this.runStart = new Int32Array(n);
    this.runEnd = new Int32Array(n);
    this.nextCloserRun = new Int32Array(n + 1).fill(n);
    this.nextLabelStop = new Int32Array(n + 1).fill(n);
    this.nextTargetStop = new Int32Array(n + 1).fill(n);
    for (let p = 0; p < n;) {
      if (source.charCodeAt(p) !== STAR) {
        p += 1;
        continue;
      }
      let end = p;
      while (end < n && source.charCodeAt(end) === STAR) end += 1;
      for (let q = p; q < end; q++) {
        this.runStart[q] = p;
        this.runEnd[q] = end;
      }
      p = end;
    }
    for (let p = n - 1; p >= 0; p--) {
      const c = source.charCodeAt(p);
      this.nextDouble[p] = c === STAR && source.charCodeAt(p + 1) === STAR ? p : this.nextDouble[p + 1]!;
      this.nextCloserRun[p] = this.closesAsRun(p) ? p : this.nextCloserRun[p + 1]!;
      this.nextLabelStop[p] = c === CLOSE_BRACKET || c === NEWLINE ? p : this.nextLabelStop[p + 1]!;
      this.nextTargetStop[p] = c === OPEN_PAREN || c === CLOSE_PAREN || isSpace(source, p) ? p : this.nextTargetStop[p + 1]!;
    }
  }

  /**
   * Whether p starts a run of `*` of the given length whose last `*` closes an emphasis: the
   * pairs `**` are passed over, so an odd run ends with a single `*`, which closes unless it
   * stands alone after a space.
   */
  private closesAsRun(p: number, length = this.runEnd[p]! - p): boolean {
    const source = this.source;
    if (source.charCodeAt(p) !== STAR || (p > 0 && source.charCodeAt(p - 1) === STAR)) return false;
    return length % 2 === 1 && (length >= 3 || source.charCodeAt(p - 1) !== SPACE);
  }

  /**
   * The single `*` that closes an emphasis opened just before `from` (never a `*` itself),
   * within the span ending at `hi`; -1 when none. Runs wholly inside the span are as the tables
   * say; only the one run the span's end cuts through (if any) is looked at again, cut short.
   */
  closingStar(from: number, hi: number): number {
    const run = this.nextCloserRun[from]!;
    if (run < hi && this.runEnd[run]! <= hi) return this.runEnd[run]! - 1;
    const last = hi - 1;
    if (last >= from && this.source.charCodeAt(last) === STAR && this.runEnd[last]! > hi) {
      const start = this.runStart[last]!;
      if (start >= from && this.closesAsRun(start, hi - start)) return last;
    }
    return -1;
  }

  /** `[label](https://…)` starting at i within the span ending at hi: where its parts are, or null. */
  link(i: number, hi: number): { labelEnd: number; end: number; href: string } | null {
    const source = this.source;
    const labelEnd = this.nextLabelStop[i + 1]!;
    const labelLength = labelEnd - i - 1;
    if (labelLength < 1 || labelLength > MAX_LABEL || labelEnd + 1 >= hi) return null;
    if (source.charCodeAt(labelEnd) !== CLOSE_BRACKET || source.charCodeAt(labelEnd + 1) !== OPEN_PAREN) return null;
    const targetStart = labelEnd + 2;
    const targetEnd = this.nextTargetStop[targetStart]!;
    const targetLength = targetEnd - targetStart;
    if (targetLength < 1 || targetLength > MAX_TARGET || targetEnd >= hi || source.charCodeAt(targetEnd) !== CLOSE_PAREN) return null;
    let href = this.hrefs.get(targetStart);
    if (href === undefined) {
      href = safeHref(source.slice(targetStart, targetEnd));
      this.hrefs.set(targetStart, href);
    }
    return href ? { labelEnd, end: targetEnd + 1, href } : null;
  }
}

/** The span [lo, hi) of a line as text, bold, italic and links; what matches nothing is shown as typed. */
function inline(scan: Scan, lo: number, hi: number, depth: number, keyPrefix: string): ReactNode[] {
  const source = scan.source;
  const out: ReactNode[] = [];
  let textStart = lo;
  let i = lo;
  const open = () => {
    if (i > textStart) out.push(source.slice(textStart, i));
    return `${keyPrefix}.${out.length}`;
  };
  while (i < hi) {
    const c = source.charCodeAt(i);
    if (depth < MAX_DEPTH && c === STAR && i + 1 < hi) {
      if (source.charCodeAt(i + 1) === STAR) {
        const end = scan.nextDouble[i + 2]!;
        if (end > i + 2 && end + 1 < hi) {
          const key = open();
          out.push(<strong key={key}>{inline(scan, i + 2, end, depth + 1, key)}</strong>);
          i = textStart = end + 2;
          continue;
        }
      } else if (source.charCodeAt(i + 1) !== SPACE) {
        const end = scan.closingStar(i + 1, hi);
        if (end > i + 1) {
          const key = open();
          out.push(<em key={key}>{inline(scan, i + 1, end, depth + 1, key)}</em>);
          i = textStart = end + 1;
          continue;
        }
      }
    } else if (depth < MAX_DEPTH && c === OPEN_BRACKET) {
      const link = scan.link(i, hi);
      if (link) {
        const key = open();
        out.push(
          <a key={key} href={link.href} rel="nofollow noopener noreferrer" className="text-brand-700 underline underline-offset-4">
            {inline(scan, i + 1, link.labelEnd, depth + 1, key)}
          </a>,
        );
        i = textStart = link.end;
        continue;
      }
    }
    i += 1;
  }
  if (hi > textStart) out.push(source.slice(textStart, hi));
  return out;
}

const inlineText = (text: string, keyPrefix: string) => inline(new Scan(text), 0, text.length, 0, keyPrefix);

function lines(source: string[], keyPrefix: string): ReactNode[] {
  return source.flatMap((line, n) => {
    const parts = inlineText(line, `${keyPrefix}.${n}`);
    return n === 0
      ? [<Fragment key={`${keyPrefix}.${n}`}>{parts}</Fragment>]
      : [<br key={`${keyPrefix}.br${n}`} />, <Fragment key={`${keyPrefix}.${n}`}>{parts}</Fragment>];
  });
}

/** Index of the first character after the whitespace starting at i. */
function skipSpace(line: string, i: number): number {
  while (isSpace(line, i)) i += 1;
  return i;
}

/** `### text ###` or `#### text`: the level and the text, or null. */
function heading(line: string): { level: 3 | 4; text: string } | null {
  let hashes = 0;
  while (line.charCodeAt(hashes) === HASH) hashes += 1;
  if ((hashes !== 3 && hashes !== 4) || !isSpace(line, hashes)) return null;
  const start = skipSpace(line, hashes);
  // The text ends before the closing sequence: trailing whitespace, `#`s, whitespace.
  let end = line.length;
  while (end > start && isSpace(line, end - 1)) end -= 1;
  while (end > start && line.charCodeAt(end - 1) === HASH) end -= 1;
  while (end > start && isSpace(line, end - 1)) end -= 1;
  // Nothing left (`### ##`, `###   `): the text is the one character the closing sequence can
  // spare, a `#` or a space, as with the pattern `^#{3,4}\s+(.+?)\s*#*\s*$` this replaces.
  let text = line.slice(start, end);
  if (text === "") {
    if (start < line.length) text = line[start]!;
    else if (line.length - hashes >= 2) text = line.at(-1)!;
    else return null;
  }
  return !LINE_TERMINATOR.test(text) ? { level: hashes as 3 | 4, text } : null;
}

/** A list item's text after up to three spaces of indent, its marker and at least one space, or null. */
function listItem(line: string, numbered: boolean): string | null {
  let i = 0;
  while (i < 3 && isSpace(line, i)) i += 1;
  if (numbered) {
    const digits = i;
    while (i - digits < 10 && line.charCodeAt(i) >= 0x30 && line.charCodeAt(i) <= 0x39) i += 1;
    if (i === digits || i - digits > 9 || (line[i] !== "." && line[i] !== ")")) return null;
  } else if (line[i] !== "-" && line[i] !== "*" && line[i] !== "+") return null;
  i += 1;
  if (!isSpace(line, i)) return null;
  const text = line.slice(skipSpace(line, i));
  return LINE_TERMINATOR.test(text) ? null : text;
}

type Block = { kind: "p"; lines: string[] } | { kind: "ul" | "ol"; items: string[] } | { kind: "h3" | "h4"; text: string };

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
    const last = blocks.at(-1);
    if (line.trim() === "") {
      blocks.push({ kind: "p", lines: [] });
      continue;
    }
    const title = heading(line);
    const bullet = title ? null : listItem(line, false);
    const numbered = title || bullet !== null ? null : listItem(line, true);
    if (title) blocks.push({ kind: title.level === 3 ? "h3" : "h4", text: title.text });
    else if (bullet !== null) {
      if (last?.kind === "ul") last.items.push(bullet);
      else blocks.push({ kind: "ul", items: [bullet] });
    } else if (numbered !== null) {
      if (last?.kind === "ol") last.items.push(numbered);
      else blocks.push({ kind: "ol", items: [numbered] });
    } else if (last?.kind === "p") last.lines.push(line);
    else blocks.push({ kind: "p", lines: [line] });
  }
  return blocks.filter((b) => b.kind !== "p" || b.lines.length > 0);
}

/** Renders the subset; anything outside it appears as the characters the candidate typed. */
export function renderMarkdown(source: string): ReactNode {
  return parseBlocks(source).map((block, n) => {
    const key = `b${n}`;
    switch (block.kind) {
      case "h3":
        return (
          <h3 key={key} className="text-xl font-semibold">
            {inlineText(block.text, key)}
          </h3>
        );
      case "h4":
        return (
          <h4 key={key} className="text-lg font-semibold">
            {inlineText(block.text, key)}
          </h4>
        );
      case "ul":
      case "ol": {
        const List = block.kind;
        return (
          <List key={key} className={block.kind === "ul" ? "list-disc space-y-1 ps-6" : "list-decimal space-y-1 ps-6"}>
            {block.items.map((item, m) => (
              <li key={`${key}.${m}`}>{inlineText(item, `${key}.${m}`)}</li>
            ))}
          </List>
        );
      }
      default:
        return <p key={key}>{lines(block.lines, key)}</p>;
    }
  });
}

/** Plain text: paragraphs and line breaks only, nothing interpreted. */
export function renderPlain(source: string): ReactNode {
  return parseBlocksPlain(source).map((para, n) => <p key={`p${n}`}>{para.flatMap((l, m) => (m === 0 ? [l] : [<br key={`p${n}.${m}`} />, l]))}</p>);
}

function parseBlocksPlain(source: string): string[][] {
  return source
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n"))
    .filter((p) => p.some((l) => l.trim() !== ""));
}

/** A candidate's text in the format they chose. */
export function RichText({ source, format, lang }: { source: string; format: "PLAIN" | "MARKDOWN"; lang?: string }) {
  return (
    <div lang={lang} dir="auto" className="max-w-prose space-y-3 [overflow-wrap:anywhere]">
      {format === "MARKDOWN" ? renderMarkdown(source) : renderPlain(source)}
    </div>
  );
}
