import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderPlain, safeHref } from "@/lib/markdown/render";

// A .ts file (the unit project reads no JSX): elements are made with createElement.
const markup = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));
const html = (source: string) => markup(renderMarkdown(source));

describe("the Markdown subset", () => {
  it("renders paragraphs, line breaks, bold, italic, lists and level 3–4 headings", () => {
    expect(html("First line\nsecond line\n\nNext **bold** and *italic*.")).toBe(
      "<p>First line<br/>second line</p><p>Next <strong>bold</strong> and <em>italic</em>.</p>",
    );
    expect(html("- one\n- two\n\n1. first\n2. second")).toBe(
      '<ul class="list-disc space-y-1 ps-6"><li>one</li><li>two</li></ul><ol class="list-decimal space-y-1 ps-6"><li>first</li><li>second</li></ol>',
    );
    expect(html("### Priorities\n#### Detail")).toBe('<h3 class="text-xl font-semibold">Priorities</h3><h4 class="text-lg font-semibold">Detail</h4>');
  });

  it("keeps headings of level 1, 2 and 5 as text: the page owns the upper levels", () => {
    expect(html("# Big\n## Bigger")).toBe("<p># Big<br/>## Bigger</p>");
    expect(html("##### five")).toBe("<p>##### five</p>");
  });

  it("links only to https: addresses, with nofollow noopener noreferrer", () => {
    expect(html("[site](https://example.org/a?b=1)")).toBe(
      '<p><a href="https://example.org/a?b=1" rel="nofollow noopener noreferrer" class="text-brand-700 underline underline-offset-4">site</a></p>',
    );
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "http://example.org",
      "//evil.example",
      "/relative",
      "vbscript:x",
    ]) {
      const out = html(`[click](${bad})`);
      expect(out, bad).not.toContain("<a");
      expect(out).toContain("[click](");
    }
  });

  it("shows HTML and script tags as text, escaped", () => {
    const out = html('<script>alert("x")</script><img src=x onerror=alert(1)> <b>bold</b>');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<b>");
    expect(out).toContain("&lt;script&gt;");
  });

  it("does not let a link label or emphasis smuggle markup or an attribute", () => {
    const out = html('[<img src=x>](https://example.org/" onmouseover="x)');
    expect(out).not.toContain("<img");
    expect(out).not.toContain('" onmouseover');
    expect(html('**<a href="javascript:x">y</a>**')).toBe("<p><strong>&lt;a href=&quot;javascript:x&quot;&gt;y&lt;/a&gt;</strong></p>");
  });

  it("bounds deep nesting and survives unbalanced markers", () => {
    const deep = "**".repeat(2000) + "x" + "**".repeat(2000);
    const out = html(deep);
    expect(out.match(/<strong>/g)?.length ?? 0).toBeLessThanOrEqual(3);
    expect(html("**never closed *nor this")).toBe("<p>**never closed *nor this</p>");
    expect(html("*a **b** c*")).toBe("<p><em>a <strong>b</strong> c</em></p>");
  });

  it("renders a very long word as it is (wrapping is left to CSS)", () => {
    const word = "x".repeat(20000);
    expect(html(word)).toBe(`<p>${word}</p>`);
  });

  it("plain text keeps paragraphs and line breaks and interprets nothing", () => {
    expect(markup(renderPlain("**a**\nb\n\n<i>c</i>"))).toBe("<p>**a**<br/>b</p><p>&lt;i&gt;c&lt;/i&gt;</p>");
  });

  it("accepts only absolute https: URLs as hrefs", () => {
    expect(safeHref("https://example.org")).toBe("https://example.org/");
    expect(safeHref("https:example.org")).toBe("https://example.org/");
    expect(safeHref("ftp://example.org")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });
});

// Adversarial statements of about 20,000 characters, the inputs that made the renderer this one
// replaced slow (docs/decisions/038-markdown-renderer.md; bench/markdown.ts times them): each
// must come out exactly right and safe. No timing here: the bench shows the growth.
const N = 20000;
const fill = (unit: string, n = N) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const LINK_ATTRIBUTES = 'rel="nofollow noopener noreferrer" class="text-brand-700 underline underline-offset-4"';

/** The elements of the output, their attributes, how deep the inline ones nest, and the text once tags are stripped. */
function inspect(out: string) {
  const tags = [...out.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)];
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name] of tags) {
    if (!["strong", "em", "a"].includes(name!)) continue;
    depth += closing ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  const attributes = tags.flatMap(([, , , attrs]) => [...attrs!.matchAll(/\s([^\s=]+)="([^"]*)"/g)].map(([, name, value]) => ({ name: name!, value: value! })));
  const text = out
    .replace(/<[^>]*>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&");
  return { names: new Set(tags.map(([, , name]) => name!)), attributes, deepest, text };
}

/** Only the subset's elements, only class/rel and https: hrefs, inline nesting bounded. */
function expectSafe(out: string, label: string) {
  const { names, attributes, deepest } = inspect(out);
  for (const name of names) expect(["p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "a"], `${label}: <${name}>`).toContain(name);
  for (const { name, value } of attributes) {
    expect(["class", "rel", "href"], `${label}: ${name}`).toContain(name);
    if (name === "href") expect(value, label).toMatch(/^https:\/\/[^\s"'<>]+$/);
  }
  expect(deepest, label).toBeLessThanOrEqual(3);
}

describe("adversarial statements of 20,000 characters", () => {
  it("keeps unclosed and unmatched emphasis markers as text", () => {
    for (const source of [fill("*a "), fill("*"), fill("**"), fill("*a_ "), fill("_a "), fill("**a\n"), fill("a* ")]) {
      const out = html(source);
      expect(out, source.slice(0, 8)).toBe(source.includes("\n") ? `<p>${source.trimEnd().split("\n").join("<br/>")}</p>` : `<p>${source}</p>`);
    }
  });

  it("renders runs of emphasis that do close, nested at most three deep, losing no word", () => {
    const pairs = fill("**bold** and *italic* ");
    const out = html(pairs);
    const whole = Math.floor(N / "**bold** and *italic* ".length);
    expect(out.match(/<strong>bold<\/strong>/g)).toHaveLength(whole);
    expect(out.match(/<em>italic<\/em>/g)?.length).toBeGreaterThanOrEqual(whole);

    // `*a **a *a **a … a** a* a** a*`: nested far deeper than allowed.
    const nested = fill("*a **a ", N / 2) + fill(" a** a*", N / 2);
    const inspected = inspect(html(nested));
    expect(inspected.deepest).toBeGreaterThan(0);
    expectSafe(html(nested), "nested");
    expect(inspected.text.replaceAll("*", "")).toBe(nested.replaceAll("*", ""));

    const deep = "**".repeat(N / 4) + "x" + "**".repeat(N / 4);
    expect(inspect(html(deep)).deepest).toBeLessThanOrEqual(3);
    expect(inspect(html(deep)).text.replaceAll("*", "")).toBe("x");
  });

  it("keeps thousands of brackets, parentheses and backticks as text", () => {
    for (const source of [
      fill("["),
      fill("]"),
      fill("[a"),
      fill("a]"),
      fill("[ (]("),
      fill("`"),
      fill("[", N / 2) + fill("]", N / 2),
      fill("[a](<b"),
      fill("![a]"),
    ]) {
      expect(html(source), source.slice(0, 8)).toBe(`<p>${escaped(source)}</p>`);
    }
  });

  it("renders a long chain of links, each to its https: address, and none of the refused ones", () => {
    const unit = "[a](https://example.org/1) ";
    const out = html(fill(unit));
    expect(out.match(/<a /g)).toHaveLength(Math.floor(N / unit.length));
    expect(out).toContain(`<a href="https://example.org/1" ${LINK_ATTRIBUTES}>a</a> <a href=`);
    expectSafe(out, "links");

    for (const refused of [
      "[a](javascript:x)",
      "[a](http://example.org/)",
      "[a](https://example.org/",
      "[a](data:text/html,x)",
      "[[a](https://example.org/)",
    ]) {
      const source = fill(refused);
      const result = html(source);
      expectSafe(result, refused);
      if (!refused.startsWith("[[")) expect(result, refused).toBe(`<p>${escaped(source)}</p>`);
    }
    // A label may hold brackets: every `[` before one `](…)` is a candidate start, and the
    // first that is close enough wins; the rest stays text.
    const crowded = html(`${"[".repeat(N - 30)}x](https://example.org/)`);
    expect(crowded.match(/<a /g)).toHaveLength(1);
    expect(inspect(crowded).text === `${"[".repeat(N - 31)}x`, "the text, less the link's own bracket").toBe(true);
    expect(crowded).toContain(`<a href="https://example.org/" ${LINK_ATTRIBUTES}>${"[".repeat(499)}x</a>`);
  });

  it("keeps deep lists and block quotes flat: one level of list, quotes as text", () => {
    const dashes = fill("- ", N - 1) + "a";
    expect(html(dashes)).toBe(`<ul class="list-disc space-y-1 ps-6"><li>${dashes.slice(2)}</li></ul>`);
    const items = fill("   - item\n");
    expect(html(items).match(/<li>item<\/li>/g)).toHaveLength(N / "   - item\n".length);
    expect(html(fill("1. x\n")).match(/<li>x<\/li>/g)).toHaveLength(N / "1. x\n".length);
    const quotes = fill("> ", N - 1) + "a";
    expect(html(quotes)).toBe(`<p>${escaped(quotes)}</p>`);
    const indented = Array.from({ length: 150 }, (_, i) => `${" ".repeat(i)}- a`).join("\n");
    expectSafe(html(indented), "indented");
  });

  it("parses headings and list items with long runs of spaces (patterns that backtracked)", () => {
    const spaces = " ".repeat(N);
    expect(html(`### a${spaces}b`)).toBe(`<h3 class="text-xl font-semibold">a${spaces}b</h3>`);
    expect(html(`#### a${spaces}b${spaces}##${spaces}`)).toBe(`<h4 class="text-lg font-semibold">a${spaces}b</h4>`);
    expect(html(`### ${spaces}`)).toBe('<h3 class="text-xl font-semibold"> </h3>');
    expect(html(`- a${spaces}x\u2028y`)).toBe(`<p>- a${spaces}x\u2028y</p>`);
    expect(html(`- a${spaces}x`)).toBe(`<ul class="list-disc space-y-1 ps-6"><li>a${spaces}x</li></ul>`);
    expect(html(`1.${spaces}a`)).toBe(`<ol class="list-decimal space-y-1 ps-6"><li>a</li></ol>`);
  });

  it("renders the XSS corpus as text, alone, inside the subset's markup, and all at once", () => {
    type Payload = { payload: string };
    const corpus = (JSON.parse(readFileSync(path.resolve("tests/fixtures/xss/payloads.json"), "utf8")) as Payload[]).map((p) => p.payload);
    for (const payload of corpus) {
      for (const source of [
        payload,
        `**${payload}**`,
        `*${payload}*`,
        `[${payload}](https://example.org/)`,
        `[x](${payload})`,
        `- ${payload}`,
        `### ${payload}`,
      ]) {
        expectSafe(html(source), source);
      }
    }
    const statement = corpus.join("\n\n");
    expect(statement.length).toBeGreaterThan(N / 2);
    const out = html(fill(`${statement}\n\n`, N));
    expectSafe(out, "the corpus as one statement");
    expect(out).not.toMatch(/<(script|img|svg|iframe|style|math|object|embed|form|input|textarea|title|noscript|details|video|audio)\b/i);
  });
});
