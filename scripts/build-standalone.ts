// `npm run build:standalone`: completes `next build`'s standalone output (next.config.ts's
// output: "standalone") into a folder that runs on its own, with no checkout and no node_modules of the
// project (docs/decisions/031-production-packaging.md). Next's folder holds the traced server
// files and node_modules, but neither the static files nor our own server; this adds:
//
//   server.cjs   the production server (server.ts and the lib/ files it imports, bundled by
//                esbuild), which checks the configuration first (lib/config/production-checks.ts);
//                Next's own server.js, without our client address or script hashes, is removed
//   migrate.cjs  the release's migration step (scripts/db/deploy.ts), with prisma/migrations
//   prune.cjs    the retention's prune (scripts/db/prune.ts), counting unless given --apply
//   <distDir>/static and public/, which Next leaves to a CDN
//
// Packages the folder's node_modules already holds (next, react, pg …) stay outside the bundle,
// so the server and the app share one copy of each; anything else the server imports is bundled.
//
//   npm run build:standalone [-- --out DIR]   (default: complete <distDir>/standalone in place)
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const ROOT = process.cwd();
const log = (line: string) => console.log(`[build:standalone] ${line}`);

async function main(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const source = path.join(ROOT, distDir, "standalone");
  const requiredFiles = path.join(source, distDir, "required-server-files.json");
  if (!existsSync(requiredFiles)) {
    throw new Error(`no standalone output in ${path.relative(ROOT, source) || "."}: run "npm run build" first (next.config.ts asks for output: "standalone")`);
  }
  const out = path.resolve(outArgument() ?? source);
  if (out !== source) {
    await fs.rm(out, { recursive: true, force: true });
    await fs.cp(source, out, { recursive: true, verbatimSymlinks: true });
    log(`copied ${path.relative(ROOT, source)} to ${out}`);
  }

  await fs.cp(path.join(ROOT, distDir, "static"), path.join(out, distDir, "static"), { recursive: true });
  if (existsSync(path.join(ROOT, "public"))) await fs.cp(path.join(ROOT, "public"), path.join(out, "public"), { recursive: true });
  await fs.rm(path.join(out, "prisma", "migrations"), { recursive: true, force: true });
  await fs.cp(path.join(ROOT, "prisma", "migrations"), path.join(out, "prisma", "migrations"), { recursive: true });

  const { config } = JSON.parse(await fs.readFile(requiredFiles, "utf8")) as { config: unknown };
  const external = await packagesIn(path.join(out, "node_modules"));
  const common = {
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    external,
    // Marks modules for React Server Components' bundler only; in plain Node it would throw.
    alias: { "server-only": path.join(ROOT, "scripts", "standalone", "empty.ts") },
    legalComments: "none",
    logLevel: "warning",
  } as const;
  await build({
    ...common,
    entryPoints: [path.join(ROOT, "scripts", "standalone", "server.ts")],
    outfile: path.join(out, "server.cjs"),
    define: { STANDALONE_NEXT_CONFIG: JSON.stringify(JSON.stringify(config)) },
  });
  for (const name of ["migrate", "prune"]) {
    await build({ ...common, entryPoints: [path.join(ROOT, "scripts", "standalone", `${name}.ts`)], outfile: path.join(out, `${name}.cjs`) });
  }
  await fs.rm(path.join(out, "server.js"), { force: true });
  log(`${path.relative(ROOT, out) || out}: node server.cjs (the app), node migrate.cjs (the release's migrations), node prune.cjs (the retention)`);
}

function outArgument(): string | undefined {
  const index = process.argv.indexOf("--out");
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (!value) throw new Error("--out needs a folder");
  return value;
}

/** The packages a node_modules folder holds, as esbuild externals (a scope's every package). */
async function packagesIn(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => !name.startsWith(".")).flatMap((name) => (name.startsWith("@") ? [`${name}/*`] : [name, `${name}/*`]));
}

main().catch((error: unknown) => {
  console.error(`[build:standalone] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
