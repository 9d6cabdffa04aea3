// How the Markdown renderer's time grows with the input (docs/decisions/038-markdown-renderer.md).
//
// Usage: npx tsx bench/markdown.ts [n=20000] [--no-old] [--budget=15]
//   Renders each adversarial input at n, 2n and 4n characters to HTML the way the server does
//   (lib/markdown/render.tsx, then react-dom/server), next to ordinary prose of the same length
//   measured in the same run. A linear renderer grows ≈ 2× per doubling; a quadratic one ≈ 4×.
//   Then the same for the renderer this one replaced, read from git (OLD_COMMIT) into a
//   temporary file and run in a child process per input, stopped after --budget seconds (its
//   heading pattern needs hours at 20,000 characters): pass --no-old to skip it.
//
// Each figure is the fastest of 3 to 15 renders of the input (one when a render takes over 0.5 s).

import { execFileSync, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { allowServerOnlyImports } from "./support/server-only";

/** The last commit with the renderer this one replaced. */
const OLD_COMMIT = "7ec98b5";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}`));
const positional = args.filter((a) => !a.startsWith("--"));

/** `unit` repeated to exactly n characters. */
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const half = (n: number) => Math.floor(n / 2);

const PROSE = [
  "### Priorities for the Union",
  "",
  "As Secretary-General I will put **universal, affordable connectivity** first: *every* Member State deserves it,",
  "and the Sectors can deliver it together. My full programme is [on my website](https://example.org/programme).",
  "",
  "- Close the digital divide in the least developed countries",
  "- Strengthen cooperation between the three Sectors",
  "1. Transparent budgets, published every quarter",
  "2. Gender balance in the Union's leadership",
  "",
  "",
].join("\n");

/** Inputs, each exactly n characters. */
export const INPUTS: Record<string, (n: number) => string> = {
  "prose (baseline)": (n) => fill(PROSE, n),
  "unclosed emphasis `*a `": (n) => fill("*a ", n),
  "stars `*`": (n) => fill("*", n),
  "mixed unclosed `**a *b `": (n) => fill("**a *b ", n),
  "nested `*a **a … a** a*`": (n) => fill("*a **a ", half(n)) + fill(" a** a*", n - half(n)),
  "mismatched `*a_ `": (n) => fill("*a_ ", n),
  "brackets `[`": (n) => fill("[", n),
  "link openers `[a`": (n) => fill("[a", n),
  "nested brackets `[[a]]`": (n) => fill("[", half(n)) + fill("]", n - half(n)),
  "unclosed targets `[a](https://e.org/`": (n) => fill("[a](https://e.org/", n),
  "link chain `[a](https://e.org/1)`": (n) => fill("[a](https://example.org/1)", n),
  "refused links `[a](javascript:x)`": (n) => fill("[a](javascript:x)", n),
  backticks: (n) => fill("`", n),
  "deep list `- - - … a`": (n) => fill("- ", n - 1) + "a",
  "list lines `   - item`": (n) => fill("   - item\n", n),
  "blockquotes `> > > a`": (n) => fill("> ", n - 1) + "a",
  "heading `### a␠…␠b`": (n) => `### a${" ".repeat(n - 6)}b`,
  "bullet `- a␠…␠x\\u2028y`": (n) => `- a${" ".repeat(n - 6)}x\u2028y`,
};

type Render = (source: string) => string;

async function loadRender(file: string): Promise<Render> {
  const [{ createElement, Fragment }, { renderToStaticMarkup }, { renderMarkdown }] = await Promise.all([
    import("react"),
    import("react-dom/server"),
    import(file) as Promise<{ renderMarkdown: (source: string) => unknown }>,
  ]);
  return (source) => renderToStaticMarkup(createElement(Fragment, null, renderMarkdown(source) as never));
}

/** The fastest of repeated renders (the machine's noise only ever adds): 3 to 15 of them, or one if it takes over half a second. */
function measure(render: Render, source: string): number {
  let best = Number.POSITIVE_INFINITY;
  let total = 0;
  for (let count = 0; count < 15 && (count < 3 || total < 300) && !(count >= 1 && total > 500); count++) {
    const started = performance.now();
    render(source);
    const ms = performance.now() - started;
    best = Math.min(best, ms);
    total += ms;
  }
  return best;
}

const sizes = (n: number) => [n, 2 * n, 4 * n];
const ms = (value: number | undefined) => (value === undefined ? "stopped" : value < 10 ? value.toFixed(2) : value.toFixed(0)).padStart(9);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? "   –" : (b / a).toFixed(1).padStart(4));

function table(title: string, n: number, rows: Map<string, (number | undefined)[]>) {
  const prose = rows.get("prose (baseline)")!;
  console.log(`\n${title}`);
  console.log(`${"input".padEnd(40)}${["n", "2n", "4n"].map((s) => `${s} ms`.padStart(9)).join("")}   growth per doubling   × prose at n, 4n`);
  for (const [name, [a, b, c]] of rows) {
    const times = [prose[0] && a !== undefined ? a / prose[0] : undefined, prose[2] && c !== undefined ? c / prose[2] : undefined];
    console.log(
      `${name.padEnd(40)}${ms(a)}${ms(b)}${ms(c)}   ${ratio(a, b)} ${ratio(b, c)}             ${times.map((t) => (t === undefined ? "–" : `${t.toFixed(1)}×`).padStart(7)).join(" ")}`,
    );
  }
  console.log(`(n = ${n} characters; growth ≈ 2 is linear, ≈ 4 quadratic)`);
}

/** Child mode: one input through the old renderer at n, 2n, 4n, one JSON line per figure. */
async function child(file: string, name: string, n: number) {
  const render = await loadRender(file);
  const make = INPUTS[name]!;
  render(make(100));
  for (const size of sizes(n)) console.log(JSON.stringify({ size, ms: measure(render, make(size)) }));
}

function runOld(file: string, name: string, n: number, budgetMs: number): Promise<(number | undefined)[]> {
  return new Promise((resolve) => {
    const figures: (number | undefined)[] = [undefined, undefined, undefined];
    const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--child", file, name, String(n)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffered = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let nl = buffered.indexOf("\n"); nl !== -1; nl = buffered.indexOf("\n")) {
        const { size, ms: figure } = JSON.parse(buffered.slice(0, nl)) as { size: number; ms: number };
        figures[sizes(n).indexOf(size)] = figure;
        buffered = buffered.slice(nl + 1);
      }
    });
    const timer = setTimeout(() => proc.kill("SIGKILL"), budgetMs);
    proc.on("exit", () => {
      clearTimeout(timer);
      resolve(figures);
    });
  });
}

async function main() {
  allowServerOnlyImports();
  // React's production build, as the production server runs it (the development build spends
  // most of its time on checks; react is imported only below).
  Object.assign(process.env, { NODE_ENV: "production" });
  if (args[0] === "--child") return child(args[1]!, args[2]!, Number(args[3]));

  const n = Math.max(Number(positional[0] ?? 20000), 100);
  const budget = Number(flag("budget")?.split("=")[1] ?? 15) * 1000;
  const render = await loadRender(path.join(here, "../lib/markdown/render.tsx"));
  render(INPUTS["prose (baseline)"]!(1000));

  const rows = new Map<string, (number | undefined)[]>();
  for (const [name, make] of Object.entries(INPUTS))
    rows.set(
      name,
      sizes(n).map((size) => measure(render, make(size))),
    );
  table("The renderer (lib/markdown/render.tsx)", n, rows);

  if (flag("no-old")) return;
  const oldFile = path.join(here, `tmp-old-markdown-${process.pid}.tsx`);
  try {
    writeFileSync(oldFile, execFileSync("git", ["show", `${OLD_COMMIT}:lib/markdown/render.tsx`], { cwd: here }));
  } catch {
    console.log(`\n(The old renderer could not be read from git at ${OLD_COMMIT}: skipped.)`);
    return;
  }
  try {
    const old = new Map<string, (number | undefined)[]>();
    for (const name of Object.keys(INPUTS)) old.set(name, await runOld(oldFile, name, n, budget));
    table(`The renderer it replaced (${OLD_COMMIT}), each input stopped after ${budget / 1000} s`, n, old);
  } finally {
    rmSync(oldFile, { force: true });
  }
}

await main();
