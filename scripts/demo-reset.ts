// `npm run demo:reset [-- --force]`: puts the demo back to its starting state
// (docs/decisions/017-demo-reset.md), its stored files included: the files the old rows named
// are removed from the app's storage (STORAGE_DIR, or S3 when configured) and the demo's own
// generated again. It needs no running app:
//
//   - DATABASE_URL set: resets that database as its owner, MIGRATION_DATABASE_URL (else DATABASE_URL);
//   - otherwise the embedded PostgreSQL in .data/postgres: the one `npm start` is running, if it is,
//     else started for the reset and stopped after it.
//
// Refused, unless --force, when AUTH_SECRET is set (what a real deployment does) or when the
// database does not hold the demo (lib/demo/reset-core.ts, inspectDemo).
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded";
import { canConnect } from "../lib/db/reachable";
import { NotTheDemoError, resetDemoDatabase } from "../lib/demo/reset-core";

const ROOT = process.cwd();
const DATA_DIR = path.join(ROOT, ".data");
const PG_DIR = path.join(DATA_DIR, "postgres");
// What scripts/start.ts clears when the database changed: pages rendered from the old data.
const RUNTIME_CACHES = [path.join(ROOT, ".next", "server", "route-cache"), path.join(ROOT, ".next", "cache", "fetch-cache")];
const DATA_IDENTITY = path.join(ROOT, ".next", "cache", "hustings-data-identity");

/** Exit codes the console's reset tells apart (lib/demo/reset-service.ts, which runs this script). */
export const EXIT_REAL_DEPLOYMENT = 2;
export const EXIT_NOT_THE_DEMO = 3;

const log = (line: string) => console.log(`[demo:reset] ${line}`);

async function main(): Promise<number> {
  const force = process.argv.includes("--force");
  const configuredSecret = process.env.AUTH_SECRET?.trim();
  if (configuredSecret && !force) {
    console.error(
      "AUTH_SECRET is set: this looks like a real deployment, and the reset erases everything, the audit log included. Refused (add --force to reset anyway).",
    );
    return EXIT_REAL_DEPLOYMENT;
  }
  const configuredUrl = process.env.DATABASE_URL?.trim();
  let embedded: EmbeddedPostgres | undefined;
  let ownerUrl: string;
  if (configuredUrl) {
    ownerUrl = process.env.MIGRATION_DATABASE_URL?.trim() || configuredUrl;
  } else {
    const running = await runningEmbeddedUrl();
    if (running) {
      log("using the embedded PostgreSQL that `npm start` is running");
      ownerUrl = running;
    } else {
      log("DATABASE_URL is not set: using the embedded PostgreSQL in .data/postgres");
      embedded = await startEmbeddedPostgres({ dataDir: PG_DIR, log });
      ownerUrl = embedded.url;
    }
  }
  try {
    const secrets = { AUTH_SECRET: configuredSecret || localAuthSecret(), SEED_SEALING_KEY: process.env.SEED_SEALING_KEY };
    const { ms, filesRemoved } = await resetDemoDatabase(ownerUrl, { secrets, force, log });
    // The console's reset revalidates the running app's pages itself (app/[locale]/admin/demo/actions.ts).
    if (!process.env.DEMO_RESET_FROM_CONSOLE) await dropPageCaches();
    log(`the demo is back to its starting state (${ms} ms; ${filesRemoved} stored file(s) of the old demo removed)`);
    if (!embedded) log("a running app may still serve pages it rendered before: restart it, or use the console's Reset the demo");
    return 0;
  } catch (error) {
    if (error instanceof NotTheDemoError) {
      console.error(`${error.message}: refused (add --force to reset anyway)`);
      return EXIT_NOT_THE_DEMO;
    }
    throw error;
  } finally {
    await embedded?.stop();
  }
}

/** The embedded server `npm start` runs, if any: its port is line 4 of postmaster.pid. */
async function runningEmbeddedUrl(): Promise<string | undefined> {
  const pidFile = path.join(PG_DIR, "postmaster.pid");
  const passwordFile = `${PG_DIR}.password`;
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return undefined;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const password = readFileSync(passwordFile, "utf8").trim();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/hustings`;
  return (await canConnect(url, 2_000)) ? url : undefined;
}

/** The secret `npm start` generated for a local demo (scripts/start.ts), so the app can unseal the seed. */
function localAuthSecret(): string | undefined {
  const file = path.join(DATA_DIR, "auth-secret");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

async function dropPageCaches(): Promise<void> {
  await Promise.all([...RUNTIME_CACHES, DATA_IDENTITY].map((p) => fs.rm(p, { recursive: true, force: true })));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
