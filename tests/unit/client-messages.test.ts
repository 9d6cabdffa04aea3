import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Client components translate only with the messages a provider above them gives
// (lib/i18n/client-messages.tsx, docs/decisions/036-page-weight.md), and a provider below
// another replaces its messages. This reads the sources, finds the message paths each client
// component uses (`useTranslations("ns")` and its translator's `t("key")` calls), and walks
// every route file's server components down to each client component they render, with the
// innermost <ClientMessages> around it (in the file that renders it, else in the files that
// render that one, else the route's layouts), and checks that the provider gives those paths.

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const SKIP = [/^lib\/db\/generated\//, /^lib\/i18n\/messages\//];

type Provided = { paths: readonly string[]; where: string } | null;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (SKIP.some((re) => re.test(rel))) return [];
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [rel] : [];
  });
}

const files = new Map<string, ts.SourceFile>();
for (const rel of SOURCE_DIRS.flatMap(sourceFiles)) {
  files.set(rel, ts.createSourceFile(rel, readFileSync(path.join(ROOT, rel), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));
}

const isClient = (file: ts.SourceFile) => {
  const first = file.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use client");
};

function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.posix.join(path.posix.dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => files.has(candidate));
}

function walk(node: ts.Node, visit: (node: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const importsKept = new Map<string, { target: string; names: string[] }[]>();
/** Each project module `file` imports (statically, or by `import("…")`), with the local names it binds. */
function importsOf(rel: string): { target: string; names: string[] }[] {
  let kept = importsKept.get(rel);
  if (!kept) importsKept.set(rel, (kept = readImports(rel)));
  return kept;
}

function readImports(rel: string): { target: string; names: string[] }[] {
  const file = files.get(rel)!;
  const found: { target: string; names: string[] }[] = [];
  walk(file, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) {
      const target = resolve(rel, node.moduleSpecifier.text);
      if (!target) return;
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const names = [
        ...(clause?.name ? [clause.name.text] : []),
        ...(!bindings ? [] : ts.isNamedImports(bindings) ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text) : [bindings.name.text]),
      ];
      found.push({ target, names });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      const target = arg && ts.isStringLiteralLike(arg) ? resolve(rel, arg.text) : undefined;
      if (target) found.push({ target, names: [] });
    }
  });
  return found;
}

/** The message path a translator call's first argument names ("ns.key", the static part of a template, else the namespace). */
function keyPath(namespace: string, arg: ts.Expression | undefined): string {
  if (arg && ts.isStringLiteralLike(arg)) return `${namespace}.${arg.text}`;
  if (arg && ts.isTemplateExpression(arg)) {
    const prefix = arg.head.text.slice(0, arg.head.text.lastIndexOf("."));
    return prefix ? `${namespace}.${prefix}` : namespace;
  }
  return namespace;
}

/** The message paths a module's own code translates with; an error for a translator whose namespace is not a literal. */
function pathsUsedBy(rel: string): string[] {
  const file = files.get(rel)!;
  const used: string[] = [];
  walk(file, (node) => {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== "useTranslations") return;
    const [arg] = node.arguments;
    if (!arg || !ts.isStringLiteralLike(arg)) throw new Error(`${rel}: useTranslations must name its namespace as a literal`);
    const namespace = arg.text;
    const declaration = node.parent;
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) {
      used.push(namespace);
      return;
    }
    const name = declaration.name.text;
    let scope: ts.Node = declaration;
    while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
    walk(scope, (ref) => {
      if (!ts.isIdentifier(ref) || ref.text !== name || ref === declaration.name) return;
      const parent = ref.parent;
      if (ts.isCallExpression(parent) && parent.expression === ref) used.push(keyPath(namespace, parent.arguments[0]));
      else if (ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent)
        used.push(keyPath(namespace, parent.parent.arguments[0]));
      // Handed on to other code: all of the namespace.
      else used.push(namespace);
    });
  });
  return used;
}

const clientNeeds = new Map<string, Set<string>>();
/** The message paths a client module and everything it imports translate with. */
function needsOf(rel: string): Set<string> {
  const kept = clientNeeds.get(rel);
  if (kept) return kept;
  const needs = new Set<string>();
  clientNeeds.set(rel, needs);
  for (const p of pathsUsedBy(rel)) needs.add(p);
  for (const { target } of importsOf(rel)) for (const p of needsOf(target)) needs.add(p);
  return needs;
}

/** The namespaces of a <ClientMessages namespaces={…}>: an array of literals, or a constant holding one (here or imported). */
function namespacesOf(rel: string, element: ts.JsxOpeningLikeElement): string[] {
  const attribute = element.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === "namespaces");
  const value = attribute?.initializer && ts.isJsxExpression(attribute.initializer) ? attribute.initializer.expression : undefined;
  const array = (expression: ts.Expression | undefined, inFile: string): string[] | undefined => {
    while (expression && (ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression) || ts.isParenthesizedExpression(expression)))
      expression = expression.expression;
    if (expression && ts.isArrayLiteralExpression(expression))
      return expression.elements.flatMap((e) => (ts.isStringLiteralLike(e) ? [e.text] : ts.isSpreadElement(e) ? (array(e.expression, inFile) ?? []) : []));
    if (expression && ts.isIdentifier(expression)) {
      const constant = (file: string) => {
        let found: ts.Expression | undefined;
        walk(files.get(file)!, (n) => {
          if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === expression.text) found = n.initializer;
        });
        return found;
      };
      const here = constant(inFile);
      if (here) return array(here, inFile);
      const from = importsOf(inFile).find((i) => i.names.includes(expression.text));
      if (from) return array(constant(from.target), from.target);
    }
    return undefined;
  };
  const namespaces = array(value, rel);
  if (!namespaces) throw new Error(`${rel}: <ClientMessages namespaces> must be an array of literals or a constant holding one`);
  return namespaces;
}

/** The innermost <ClientMessages> around `node` in its file, if any. */
function providerAround(rel: string, node: ts.Node): Provided {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isJsxElement(at) && at.openingElement.tagName.getText() === "ClientMessages") return { paths: namespacesOf(rel, at.openingElement), where: rel };
  }
  return null;
}

const elementsKept = new Map<string, { tag: string; node: ts.Node }[]>();
/** Where each name bound by an import is rendered as a JSX element (empty when it is only called or passed on). */
function elementsNamed(rel: string, names: string[]): ts.Node[] {
  let elements = elementsKept.get(rel);
  if (!elements) {
    const found: { tag: string; node: ts.Node }[] = [];
    walk(files.get(rel)!, (node) => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) found.push({ tag: node.tagName.getText().split(".")[0]!, node });
    });
    elementsKept.set(rel, (elements = found));
  }
  return elements.filter((e) => names.includes(e.tag)).map((e) => e.node);
}

const covers = (provided: Provided, needed: string) => provided?.paths.some((p) => needed === p || needed.startsWith(`${p}.`)) ?? false;

const ROUTE_FILE = /\/(page|layout|not-found|forbidden|unauthorized|error|loading|template|default)\.tsx$/;

/** The provider the route file at `rel` is rendered in: the innermost layout at or above its folder whose {children} sits in a <ClientMessages> (a layout is under its parents' only). */
function layoutProvider(rel: string): Provided {
  let dir = path.posix.dirname(rel);
  if (rel.endsWith("/layout.tsx")) dir = path.posix.dirname(dir);
  for (; dir.startsWith("app"); dir = path.posix.dirname(dir)) {
    const layout = `${dir}/layout.tsx`;
    if (!files.has(layout)) continue;
    let provided: Provided = null;
    walk(files.get(layout)!, (node) => {
      // {children}, or the props handed whole to the layout it wraps (<AreaLayout {...props} />).
      const childrenHere = ts.isJsxExpression(node) && node.expression && ts.isIdentifier(node.expression) && node.expression.text === "children";
      if (childrenHere || ts.isJsxSpreadAttribute(node)) provided ??= providerAround(layout, node);
    });
    if (provided) return provided;
  }
  return null;
}

type Gap = { component: string; renderedBy: string; provider: string; missing: string[] };

function findGaps(): { gaps: Gap[]; checked: number } {
  const gaps: Gap[] = [];
  const seen = new Set<string>();
  let checked = 0;
  const check = (client: string, renderedBy: string, provided: Provided) => {
    checked += 1;
    const missing = [...needsOf(client)].filter((p) => !covers(provided, p)).sort();
    if (missing.length > 0) gaps.push({ component: client, renderedBy, provider: provided?.where ?? "none", missing });
  };
  const visit = (rel: string, provided: Provided) => {
    const key = `${rel}|${provided?.where}|${provided?.paths.join(",")}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const { target, names } of importsOf(rel)) {
      const elements = elementsNamed(rel, names);
      const around = elements.length > 0 ? elements.map((e) => providerAround(rel, e) ?? provided) : [provided];
      for (const inner of around) {
        if (isClient(files.get(target)!)) check(target, rel, inner);
        else visit(target, inner);
      }
    }
  };
  for (const rel of files.keys()) {
    if (!rel.startsWith("app/") || !ROUTE_FILE.test(rel)) continue;
    if (isClient(files.get(rel)!)) check(rel, "(route)", layoutProvider(rel));
    else visit(rel, layoutProvider(rel));
  }
  return { gaps, checked };
}

describe("the messages client components are given", () => {
  it("finds the client components and what they translate with", () => {
    expect(needsOf("components/layout/header-account.tsx")).toEqual(new Set(["nav.signIn", "nav.myArea", "nav.signOut", "auth.signedInAs"]));
    expect(needsOf("components/time/time-left.tsx")).toEqual(new Set(["time.passed", "time.timeLeft", "time.days", "time.hours"]));
    expect([...needsOf("components/site/error-view.tsx")]).toContain("errorPages.home");
  });

  // Reads and walks every source file: seconds on a loaded machine, hence the longer limit.
  it("gives every client component, wherever it is rendered, the messages it uses", { timeout: 60_000 }, () => {
    const { gaps, checked } = findGaps();
    expect(checked).toBeGreaterThan(50);
    expect(gaps).toEqual([]);
  });

  it("names only message paths that exist", () => {
    const catalogue = (ns: string) => JSON.parse(readFileSync(path.join(ROOT, "lib/i18n/messages/en", `${ns}.json`), "utf8")) as Record<string, unknown>;
    const exists = (p: string) => {
      const [ns, ...keys] = p.split(".");
      if (!existsSync(path.join(ROOT, "lib/i18n/messages/en", `${ns}.json`))) return false;
      let at: unknown = catalogue(ns!);
      for (const key of keys) at = at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
      return at !== undefined;
    };
    const named = new Set<string>();
    for (const [rel, file] of files)
      walk(file, (node) => {
        if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText() === "ClientMessages")
          for (const p of namespacesOf(rel, node)) named.add(p);
      });
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((p) => !exists(p))).toEqual([]);
  });
});
