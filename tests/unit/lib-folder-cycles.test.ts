import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

// The areas under lib/ form layers: an area may use a lower one, never the other way round
// as well (docs/conventions.md#area-boundaries). A folder-level cycle means two areas know
// each other's insides; the shared piece belongs in the lower area or a small one of its own.

const ROOT = resolve(__dirname, "../..");
const LIB = join(ROOT, "lib");
const SKIP = new Set([join(LIB, "db", "generated")]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(path) ? [] : sourceFiles(path);
    return /\.(tsx?|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The area of a path under lib/: its first folder, or the file's own name for lib/env.ts and the like. */
function areaOf(path: string): string | null {
  const rel = relative(LIB, path);
  if (rel.startsWith("..")) return null;
  const [first] = rel.split(sep);
  return first ? first.replace(/\.(tsx?|mjs)$/, "") : null;
}

// Static imports and re-exports, side-effect imports, dynamic imports.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importedAreas(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const areas: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? "";
    const target = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(file), spec) : null;
    const area = target ? areaOf(target) : null;
    if (area) areas.push(area);
  }
  return areas;
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(LIB)) {
    const from = areaOf(file)!;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const to of importedAreas(file)) if (to !== from) edges.add(to);
  }
  return graph;
}

/** Strongly connected components with more than one area (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("areas under lib/", () => {
  it("import each other without a cycle between folders", () => {
    const graph = folderGraph();
    const found = cycles(graph).map((component) =>
      component.map((area) => `${area} → ${[...(graph.get(area) ?? [])].filter((to) => component.includes(to)).join(", ")}`),
    );
    expect(found).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself)", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cycles(graph)).toEqual([["a", "b", "c"]]);
  });
});
