// The weight of the public pages a visitor opens first (docs/decisions/036-page-weight.md): the
// demo's home page and one of its candidates' pages, served by the production server from a
// production build with the data `npm start` loads, next to a bare Next 16 page built and served
// in the same run.
//
// Usage: npx tsx bench/page-weight.ts [--dist .next-c] [--port 3431] [--bare-port 3432] [--locale en] [--save dir] [--keep]
//   --dist       a `next build` output folder (e.g. the one `npm run e2e:dev -- --name c` leaves);
//                it is copied (without its page cache) so that nothing the suite's server keeps is touched
//   --port       the app's production server (node scripts/server.cjs)
//   --bare-port  the bare app's `next start`
//   --locale     one locale only (default: all six, one after the other, on the same servers)
//   --save       write each page's HTML there (home-en.html, candidate-en.html, …), to compare builds
//   --keep       afterwards, keep both servers (and the demo's database) until Ctrl-C, to look at the pages
//
// What it does: creates a database of its own on TEST_DATABASE_URL's server (default the local
// PostgreSQL), migrates it and loads the demo into it (prisma/seed.ts's seedDemo, what `npm
// start` loads into an empty database; its files go to a temporary STORAGE_DIR), serves the
// build with server.ts on it, and builds a bare app in a temporary folder with this project's
// node_modules linked in (the same next, react and react-dom; Turbopack's root set to the
// filesystem's so that it follows the link), served by `next start`: a root layout and one page
// with a heading and a paragraph. For each page and locale it prints the HTML's bytes and gzip
// bytes (zlib, level 6) of the second visit (the first one renders and caches it), and the
// first-load JS: every script the HTML references (but `nomodule` ones, which a current browser
// skips), fetched, raw and gzip; then each figure's ratio to the bare page's, and whether it
// meets its target, read strictly: 40,000 and 10,000 bytes, not KiB. The candidate is the demo
// candidate account's (portrait, brochure, video, forum: the demo's fullest candidate page).
// The database and the folders are removed at the end. A full run takes 2–4 minutes here.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { LOCALES } from "../lib/i18n/routing";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { allowServerOnlyImports } from "./support/server-only";
import { throwawayDatabase } from "./support/throwaway-database";

allowServerOnlyImports();

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const DIST = option("dist", ".next-c");
const PORT = Number(option("port", "3431"));
const BARE_PORT = Number(option("bare-port", "3432"));
const ONE_LOCALE = option("locale", "");
const LOCALES_RUN: readonly string[] = ONE_LOCALE ? [ONE_LOCALE] : LOCALES;
const SAVE = option("save", "");
const KEEP = args.includes("--keep");
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

const load = () => os.loadavg()[0]?.toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

// Each server is the leader of a process group of its own (`next start` runs its server in a
// child process): stopping the group stops both, and whatever happens none outlives this script.
const children: ChildProcess[] = [];
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
};
process.on("exit", () => children.forEach((c) => signalGroup(c, "SIGKILL")));

function start(argv: string[], env: NodeJS.ProcessEnv, cwd: string): { child: ChildProcess; output: () => string } {
  let log = "";
  const child = spawn(process.execPath, argv, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  children.push(child);
  return { child, output: () => log };
}

function run(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  const { child, output } = start(argv, env, cwd);
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(" ")} exited with ${code}:\n${output()}`)))),
  );
}

async function waitFor(url: string, ms: number, output: () => string) {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.body?.cancel().then(() => true),
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms:\n${output()}`);
    await sleep(250);
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(child, "SIGINT");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

type Weight = { html: number; htmlGzip: number; scripts: number; js: number; jsGzip: number };

/** The page's HTML (second visit) and every script it references (src of a <script>), fetched once each. */
async function weigh(base: string, pathname: string): Promise<Weight & { body: string }> {
  const first = await fetch(`${base}${pathname}`);
  await first.arrayBuffer();
  if (!first.ok) throw new Error(`${pathname}: HTTP ${first.status}`);
  const response = await fetch(`${base}${pathname}`);
  const html = Buffer.from(await response.arrayBuffer());
  const body = html.toString("utf8");
  const tags = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? []))];
  let js = 0;
  let jsGzip = 0;
  for (const src of sources) {
    const script = await fetch(new URL(src, base));
    if (!script.ok) throw new Error(`${src}: HTTP ${script.status}`);
    const bytes = Buffer.from(await script.arrayBuffer());
    js += bytes.length;
    jsGzip += gzipSize(bytes);
  }
  return { body, html: html.length, htmlGzip: gzipSize(html), scripts: sources.length, js, jsGzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The targets (docs/performance.md), in bytes: a kilobyte read as 1,000 bytes, the stricter reading. */
const TARGET = { html: 40_000, htmlGzip: 10_000, js: 1.2 } as const;

function line(name: string, w: Weight, bare?: Weight) {
  const ratio = (a: number, b: number | undefined) => (b ? ` (${(a / b).toFixed(2)}×)` : "");
  const verdict = !bare
    ? ""
    : w.html <= TARGET.html && w.htmlGzip <= TARGET.htmlGzip && w.js <= TARGET.js * bare.js && w.jsGzip <= TARGET.js * bare.jsGzip
      ? "meets"
      : "MISSES";
  return [
    name.padEnd(28),
    `HTML ${kb(w.html)} ${w.html} B`.padEnd(24),
    `gzip ${kb(w.htmlGzip)} ${w.htmlGzip} B`.padEnd(22),
    `JS ${w.scripts} files ${kb(w.js)}${ratio(w.js, bare?.js)}`.padEnd(34),
    `gzip ${kb(w.jsGzip)}${ratio(w.jsGzip, bare?.jsGzip)}`.padEnd(22),
    verdict,
  ].join("  ");
}

/** A bare Next app: root layout, one page with a heading and a paragraph, nothing configured. */
function writeBareApp(dir: string) {
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
  // This project's node_modules, linked: Turbopack compiles nothing outside its root, here the filesystem's.
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, "next.config.mjs"), 'export default { turbopack: { root: "/" } };\n');
  writeFileSync(
    path.join(dir, "app", "layout.jsx"),
    'export const metadata = { title: "Bare" };\nexport default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
  );
  writeFileSync(
    path.join(dir, "app", "page.jsx"),
    "export default function Page() {\n  return (\n    <main>\n      <h1>A heading</h1>\n      <p>A paragraph of text.</p>\n    </main>\n  );\n}\n",
  );
}

async function main() {
  const pg = (await import("pg")).default;
  const { deployMigrations } = await import("../lib/db/migrate");
  const { seedDemo } = await import("../prisma/seed");

  const { name, url: databaseUrl, onServer } = throwawayDatabase("weight");
  const onDemo = async (sql: string): Promise<string | undefined> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return client
      .query<{ id: string }>(sql)
      .then((r) => r.rows[0]?.id)
      .finally(() => client.end());
  };
  const storage = mkdtempSync(path.join(os.tmpdir(), "page-weight-storage-"));
  const copy = `${DIST}-weight`;
  const bareDir = mkdtempSync(path.join(os.tmpdir(), "page-weight-bare-"));
  console.log(`page weight: build ${DIST}, locales ${LOCALES_RUN.join(" ")}; load before: ${load()}`);
  await onServer(`CREATE DATABASE "${name}"`);
  try {
    await deployMigrations(databaseUrl, { log: () => {} });
    process.env.STORAGE_DIR = storage;
    await seedDemo(databaseUrl, { secrets: { AUTH_SECRET } });

    // The bare app is built while nothing else runs, as the app's build was.
    writeBareApp(bareDir);
    await run([NEXT_BIN, "build"], { NODE_ENV: "production" }, bareDir);
    const bare = start([NEXT_BIN, "start", "-p", String(BARE_PORT), "-H", "127.0.0.1"], { NODE_ENV: "production" }, bareDir);
    const bareBase = `http://127.0.0.1:${BARE_PORT}`;
    await waitFor(bareBase, 60_000, bare.output);

    rmSync(copy, { recursive: true, force: true });
    cpSync(DIST, copy, { recursive: true, filter: (source) => !/[/\\](cache|standalone)$/.test(source) });
    const base = `http://127.0.0.1:${PORT}`;
    const app = start(
      ["scripts/server.cjs"],
      {
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        PORT: String(PORT),
        NEXT_DIST_DIR: copy,
        DATABASE_URL: databaseUrl,
        STORAGE_DIR: storage,
        AUTH_SECRET,
        NEXTAUTH_URL: base,
        LOG_LEVEL: "warn",
      },
      process.cwd(),
    );
    await waitFor(`${base}/api/health`, 90_000, app.output);

    const failing = (error: unknown) => {
      throw new Error(`${String(error)}\nthe app's server said:\n${app.output().slice(-4000)}`);
    };
    const bareWeight = await weigh(bareBase, "/");
    // The demo candidate account's candidate: portrait, brochure, video, the demo's fullest candidate page.
    const candidateId = await onDemo(`SELECT "candidateId" AS id FROM "User" WHERE role = 'CANDIDATE' AND "candidateId" IS NOT NULL ORDER BY email LIMIT 1`);
    if (!candidateId) throw new Error("no demo candidate account");
    if (SAVE) mkdirSync(SAVE, { recursive: true });
    console.log(line("bare Next 16 page (baseline)", bareWeight));
    for (const locale of LOCALES_RUN) {
      for (const [page, pathname] of [
        ["home", `/${locale}`],
        ["candidate", `/${locale}/candidates/${candidateId}`],
      ] as const) {
        const weight = await weigh(base, pathname).catch(failing);
        if (SAVE) writeFileSync(path.join(SAVE, `${page}-${locale}.html`), weight.body);
        console.log(line(`${page} /${locale}${page === "candidate" ? "/candidates/…" : ""}`, weight, bareWeight));
      }
    }
    console.log(
      `targets: HTML ≤ ${TARGET.html} B, gzip ≤ ${TARGET.htmlGzip} B, first-load JS ≤ ${TARGET.js}× the bare page's (raw and gzip); load after: ${load()}`,
    );
    if (KEEP) {
      // To look at the pages in a browser: both servers stay up until Ctrl-C.
      console.log(`serving ${base}/${LOCALES_RUN[0]}/candidates/${candidateId} and ${bareBase}/ until Ctrl-C`);
      await new Promise((resolve) => process.once("SIGINT", resolve));
    }
    await stop(app.child);
    await stop(bare.child);
  } finally {
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    rmSync(copy, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
