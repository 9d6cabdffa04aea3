import { Fragment, type ReactNode } from "react";

// A small Markdown subset for candidates' vision statements and campaign statements, built
// straight into React elements: no HTML string is ever produced or parsed, so whatever a
// candidate types (tags, scripts, `javascript:` links) can only ever be shown as text.
// Supported: paragraphs, line breaks, **bold**, *italic*, bulleted and numbered lists,
// headings of level 3 and 4 (the page owns levels 1–2), and links to https: URLs only.

/** Nesting of emphasis and links beyond this is shown as text: no pathological input can recurse deeply. */
const MAX_DEPTH = 3;
const LINK = /^\[([^\]\n]{1,500})\]\(([^()\s]{1,2000})\)/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^(#{3,4})\s+(.+?)\s*#*\s*$/;

/** The URL when it is an absolute https: address, else null (javascript:, data:, http:, relative …). */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && url.hostname !== "" ? url.href : null;
  } catch {
    return null;
  }
}

function inline(source: string, depth: number, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let text = "";
  let i = 0;
  const flush = () => {
    if (text) out.push(text);
    text = "";
  };
  const key = () => `${keyPrefix}.${out.length}`;
  while (i < source.length) {
    const rest = source.slice(i);
    if (depth < MAX_DEPTH && rest.startsWith("**")) {
      const end = source.indexOf("**", i + 2);
      if (end > i + 2) {
        flush();
        out.push(<strong key={key()}>{inline(source.slice(i + 2, end), depth + 1, key())}</strong>);
        i = end + 2;
        continue;
      }
    } else if (depth < MAX_DEPTH && rest.startsWith("*") && !rest.startsWith("**") && rest.length > 1 && rest[1] !== " ") {
      const end = findClosingStar(source, i + 1);
      if (end > i + 1) {
        flush();
        out.push(<em key={key()}>{inline(source.slice(i + 1, end), depth + 1, key())}</em>);
        i = end + 1;
        continue;
      }
    } else if (depth < MAX_DEPTH && rest.startsWith("[")) {
      const [whole, label, target] = LINK.exec(rest) ?? [];
      const href = target ? safeHref(target) : null;
      if (whole && label && href) {
        flush();
        out.push(
          <a key={key()} href={href} rel="nofollow noopener noreferrer" className="text-brand-700 underline underline-offset-4">
            {inline(label, depth + 1, key())}
          </a>,
        );
        i += whole.length;
        continue;
      }
    }
    text += source[i];
    i += 1;
  }
  flush();
  return out;
}

/** A single `*` that closes an emphasis (not half of `**`, not preceded by a space). */
function findClosingStar(source: string, from: number): number {
  for (let j = source.indexOf("*", from); j !== -1; j = source.indexOf("*", j + 1)) {
    if (source[j + 1] === "*") {
      j += 1;
      continue;
    }
    if (source[j - 1] !== " ") return j;
  }
  return -1;
}

function lines(source: string[], keyPrefix: string): ReactNode[] {
  return source.flatMap((line, n) => {
    const parts = inline(line, 0, `${keyPrefix}.${n}`);
    return n === 0
      ? [<Fragment key={`${keyPrefix}.${n}`}>{parts}</Fragment>]
      : [<br key={`${keyPrefix}.br${n}`} />, <Fragment key={`${keyPrefix}.${n}`}>{parts}</Fragment>];
  });
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
    const [, hashes, heading] = HEADING.exec(line) ?? [];
    const [, bullet] = BULLET.exec(line) ?? [];
    const [, numbered] = NUMBERED.exec(line) ?? [];
    if (hashes && heading) blocks.push({ kind: hashes.length === 3 ? "h3" : "h4", text: heading });
    else if (bullet !== undefined) {
      if (last?.kind === "ul") last.items.push(bullet);
      else blocks.push({ kind: "ul", items: [bullet] });
    } else if (numbered !== undefined) {
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
            {inline(block.text, 0, key)}
          </h3>
        );
      case "h4":
        return (
          <h4 key={key} className="text-lg font-semibold">
            {inline(block.text, 0, key)}
          </h4>
        );
      case "ul":
      case "ol": {
        const List = block.kind;
        return (
          <List key={key} className={block.kind === "ul" ? "list-disc space-y-1 ps-6" : "list-decimal space-y-1 ps-6"}>
            {block.items.map((item, m) => (
              <li key={`${key}.${m}`}>{inline(item, 0, `${key}.${m}`)}</li>
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
