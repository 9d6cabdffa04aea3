import { createHash } from "node:crypto";

// The inline scripts of a public page, for its Content Security Policy's hashes
// (docs/decisions/025-public-page-script-hashes.md). The server in front of Next (server.ts)
// reads each public HTML response whole and allows by hash only the inline scripts the
// framework writes — Next's data pushes and Turbopack's chunk list, which are JSON handed to
// a fixed call — so a script that reached the page any other way stays blocked. Plain Node:
// server.ts runs outside Next.

export type InlineScript = { content: string; framework: boolean };

const NEXT_BOOTSTRAP = "(self.__next_f=self.__next_f||[]).push([0])";
const NEXT_PUSH = /^self\.__next_f\.push\(([\s\S]*)\)$/;
const TURBOPACK_CHUNKS = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(([\s\S]*)\);?$/;

/** Literal JSON of the expected kind, which can carry data but never code. */
function isJson(text: string | undefined, kind: "array" | "object"): boolean {
  if (text === undefined) return false;
  try {
    const value: unknown = JSON.parse(text);
    return kind === "array" ? Array.isArray(value) : typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** A script of one of the shapes Next writes into its pages. */
export function isFrameworkScript(content: string): boolean {
  if (content === NEXT_BOOTSTRAP) return true;
  const push = NEXT_PUSH.exec(content);
  if (push) return isJson(push[1], "array");
  const chunks = TURBOPACK_CHUNKS.exec(content);
  if (chunks) return isJson(chunks[1], "object");
  return false;
}

/** Script types a browser runs (a JSON or other data block is not a script and needs no hash). */
function runs(attributes: string): boolean {
  const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  if (!type) return true;
  const value = (type[1] ?? type[2] ?? type[3] ?? "").trim().toLowerCase();
  return value === "" || value === "module" || /^(text|application)\/(x-)?(java|ecma)script$/.test(value);
}

/** The end of a start tag that begins at `from` (just after "<script"), honouring quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = "";
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i;
    }
  }
  return -1;
}

/** Every inline script the browser would run, in document order (comments skipped). */
export function inlineScripts(html: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  const lower = html.toLowerCase();
  let at = 0;
  for (;;) {
    const open = lower.indexOf("<script", at);
    const comment = lower.indexOf("<!--", at);
    if (comment >= 0 && (open < 0 || comment < open)) {
      const close = lower.indexOf("-->", comment + 4);
      if (close < 0) break;
      at = close + 3;
      continue;
    }
    if (open < 0) break;
    const next = lower[open + 7];
    if (next !== undefined && !/[\s/>]/.test(next)) {
      at = open + 7;
      continue;
    }
    const end = tagEnd(html, open + 7);
    if (end < 0) break;
    const attributes = html.slice(open + 7, end);
    const close = lower.indexOf("</script", end + 1);
    const content = html.slice(end + 1, close < 0 ? html.length : close);
    at = close < 0 ? html.length : close + 8;
    if (/\ssrc\s*=/i.test(` ${attributes}`) || !runs(` ${attributes}`)) continue;
    scripts.push({ content, framework: isFrameworkScript(content) });
  }
  return scripts;
}

/** A CSP hash source for a script's text: sha256 over its UTF-8 bytes, base64. */
export function hashSource(content: string): string {
  return `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;
}

/** The hash sources of the page's framework scripts (each once), and how many other inline scripts it holds. */
export function frameworkScriptHashes(html: string): { hashes: string[]; refused: string[] } {
  const hashes = new Set<string>();
  const refused: string[] = [];
  for (const script of inlineScripts(html)) {
    if (script.framework) hashes.add(hashSource(script.content));
    else refused.push(script.content);
  }
  return { hashes: [...hashes], refused };
}
