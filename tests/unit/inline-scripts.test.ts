import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cachedPagePolicy, publicPagePolicy } from "@/lib/security/headers";
import { frameworkScriptHashes, hashSource, inlineScripts, isFrameworkScript } from "@/lib/security/inline-scripts";

// Which inline scripts of a public page its policy allows (docs/decisions/025-public-page-script-hashes.md);
// through a running server: tests/integration/client-address-server.test.ts.

const BOOTSTRAP = "(self.__next_f=self.__next_f||[]).push([0])";
const PUSH = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
const CHUNKS = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});';

describe("isFrameworkScript", () => {
  it("knows the shapes Next writes: its bootstrap, its data pushes and Turbopack's chunk list", () => {
    expect(isFrameworkScript(BOOTSTRAP)).toBe(true);
    expect(isFrameworkScript(PUSH)).toBe(true);
    expect(isFrameworkScript("self.__next_f.push([2,null])")).toBe(true);
    expect(isFrameworkScript(CHUNKS)).toBe(true);
  });

  it("refuses anything else, and code hidden in a push's argument", () => {
    expect(isFrameworkScript("alert(1)")).toBe(false);
    expect(isFrameworkScript("self.__next_f.push([1,alert(1)])")).toBe(false);
    expect(isFrameworkScript("self.__next_f.push([1]);alert(1);self.__next_f.push([1])")).toBe(false);
    expect(isFrameworkScript('(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(fetch("/x"))')).toBe(false);
    expect(isFrameworkScript(`${BOOTSTRAP};alert(1)`)).toBe(false);
  });
});

describe("inlineScripts", () => {
  it("finds inline scripts, not script files, data blocks or commented-out markup", () => {
    const html = [
      "<!DOCTYPE html><html><head>",
      '<script src="/_next/static/chunks/a.js" async="" integrity="sha256-x"></script>',
      `<script id="_R_">${CHUNKS}</script>`,
      '<script type="application/ld+json">{"@type":"Event"}</script>',
      "<!-- <script>alert(0)</script> -->",
      "</head><body><p>a > b</p>",
      `<script>${BOOTSTRAP}</script><SCRIPT type="text/javascript">${PUSH}</SCRIPT>`,
      "<script>alert(1)</script><scripted>not a script</scripted>",
      "</body></html>",
    ].join("");
    expect(inlineScripts(html)).toEqual([
      { content: CHUNKS, framework: true },
      { content: BOOTSTRAP, framework: true },
      { content: PUSH, framework: true },
      { content: "alert(1)", framework: false },
    ]);
  });

  it("reads a start tag whose quoted attribute holds a '>'", () => {
    expect(inlineScripts(`<script data-x="a>b">${BOOTSTRAP}</script>`)).toEqual([{ content: BOOTSTRAP, framework: true }]);
  });

  it("hashes the framework's scripts once each and lists the others", () => {
    const html = `<script>${BOOTSTRAP}</script><script>${PUSH}</script><script>${PUSH}</script><script>evil()</script>`;
    const { hashes, refused } = frameworkScriptHashes(html);
    expect(hashes).toEqual([hashSource(BOOTSTRAP), hashSource(PUSH)]);
    expect(refused).toEqual(["evil()"]);
    expect(hashSource("é")).toBe(`'sha256-${createHash("sha256").update(Buffer.from("é", "utf8")).digest("base64")}'`);
  });
});

describe("the policies", () => {
  it("a public page allows this origin and its hashes, never 'unsafe-inline' or 'unsafe-eval' in production", () => {
    const policy = publicPagePolicy(["'sha256-abc='"], true);
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(cachedPagePolicy(true)).toMatch(/script-src 'self'(;|$)/);
    expect(publicPagePolicy([], false)).toContain("script-src 'self' 'unsafe-eval'");
    // Connections only to this origin and the media origins, never any https origin (docs/decisions/028-media-origins.md).
    expect(publicPagePolicy([], true, ["https://stream.example.org"])).toContain("connect-src 'self' https://stream.example.org;");
    expect(cachedPagePolicy(true, [])).toContain("connect-src 'self';");
    expect(publicPagePolicy([], true)).not.toContain("https:;");
  });
});
