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

  it("renders a very long word as it is (wrapping is left to CSS) and a huge input quickly", () => {
    const word = "x".repeat(20000);
    expect(html(word)).toBe(`<p>${word}</p>`);
    const started = Date.now();
    html("*".repeat(20000));
    html("[".repeat(20000));
    expect(Date.now() - started).toBeLessThan(2000);
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
