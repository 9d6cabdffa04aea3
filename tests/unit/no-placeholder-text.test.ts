import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// No placeholder text reaches a user: every catalogue entry of every locale is read, and one
// whose value says a feature "arrives with" a later piece of work, is "coming soon", or is
// filler ("TODO", "lorem", "placeholder") fails. Values only: a form's `placeholder` key is fine.

const MESSAGES_DIR = new URL("../../lib/i18n/messages/", import.meta.url);

const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: "Arrives with", pattern: /\barrives? with\b/i },
  { name: "coming soon", pattern: /\bcoming soon\b/i },
  // Upper case only: "todo" is an ordinary word in Spanish ("todo el mundo", "todos").
  { name: "TODO", pattern: /\bTODO\b/ },
  { name: "lorem", pattern: /\blorem\b/i },
  { name: "placeholder", pattern: /\bplaceholder\b/i },
];

// Legitimate uses, each with its reason: "<locale>/<namespace>:<key>" -> why. Keep it small.
const ALLOWED: Record<string, string> = {};

type Catalog = { [key: string]: string | Catalog };

function leaves(node: unknown, prefix = "", out: [string, string][] = []): [string, string][] {
  if (typeof node === "string") out.push([prefix, node]);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Catalog)) leaves(value, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

const files = readdirSync(MESSAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(new URL(`${d.name}/`, MESSAGES_DIR))
      .filter((f) => f.endsWith(".json"))
      .map((f) => `${d.name}/${f}`),
  );

describe("catalogues carry no placeholder text", () => {
  it("finds the catalogues", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)("%s", (file) => {
    const catalogue = JSON.parse(readFileSync(new URL(file, MESSAGES_DIR), "utf8")) as unknown;
    const namespace = file.replace(/\.json$/, "");
    const found = leaves(catalogue)
      .filter(([key]) => !(`${namespace}:${key}` in ALLOWED))
      .flatMap(([key, value]) => FORBIDDEN.filter((f) => f.pattern.test(value)).map((f) => `${key}: "${f.name}" in ${JSON.stringify(value)}`));
    expect(found).toEqual([]);
  });

  it("catches what it must and spares what it may", () => {
    const hits = (text: string) => FORBIDDEN.filter((f) => f.pattern.test(text)).map((f) => f.name);
    expect(hits("Arrives with: the live hearing")).toEqual(["Arrives with"]);
    expect(hits("its tools arrive with the issue named below")).toEqual(["Arrives with"]);
    expect(hits("Coming Soon")).toEqual(["coming soon"]);
    expect(hits("TODO: write")).toEqual(["TODO"]);
    expect(hits("Lorem ipsum")).toEqual(["lorem"]);
    expect(hits("A placeholder")).toEqual(["placeholder"]);
    expect(hits("Todos los autores")).toEqual([]);
    expect(hits("todo el mundo")).toEqual([]);
  });
});
