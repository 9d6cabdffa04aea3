// `npm start` (production server) and `npm run dev` (`--dev`: next dev, no build): the
// README's first command, so it must work on a fresh clone with nothing else installed.
//
//   1. No DATABASE_URL: start the embedded PostgreSQL in .data/postgres (lib/db/embedded.ts).
//   2. Apply migrations (lib/db/migrate.ts) as the tables' owner — MIGRATION_DATABASE_URL, else
//      DATABASE_URL; the embedded server's superuser — then seed the demo data into an empty database.
//      The app itself connects with DATABASE_URL (embedded: the role hustings_app), which can add to
//      the audit log but not alter or bypass it (docs/decisions/015-database-roles.md).
//   3. Build when the last production build is missing or older than the sources.
//   4. Run the app (server.ts; `next dev` with --dev) on HOSTNAME (default 127.0.0.1) and PORT
//      (default 3000), print the URL and demo accounts once /api/health answers.
//   5. Ctrl-C / SIGTERM, or Next exiting: stop Next, then the database; exit with Next's code.
//
// npm runs scripts from the project root, so every path here is relative to process.cwd().
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded";
import { deployMigrations } from "../lib/db/migrate";
import { bindAddress } from "../lib/net/listen";
import { inspectRolePowers } from "../lib/db/roles";

const ROOT = process.cwd();
const DATA_DIR = path.join(ROOT, ".data");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const BUILD_STAMP = path.join(ROOT, ".next", "hustings-build-stamp.json");
/** Never part of the build's inputs (and huge, or written by the build itself). */
const UNHASHED_DIRS = new Set(["node_modules", ".next", ".data", ".git", "test-results", "playwright-report", "storage"]);
const HEALTH_TIMEOUT_MS = 120_000;

const log = (line: string) => console.log(`[start] ${line}`);

/** Signal handling: a stop request is remembered so each startup step can bail out after it. */
const state: { stopSignal?: NodeJS.Signals; child?: ChildProcess } = {};

function onStopSignal(signal: NodeJS.Signals): void {
  if (state.stopSignal) {
    // Second Ctrl-C: the user is impatient; do not wait for a graceful Next shutdown.
    state.child?.kill("SIGKILL");
    return;
  }
  state.stopSignal = signal;
  log(`${signal} received: stopping`);
  // A terminal Ctrl-C already reached Next (same process group); `kill <pid>` did not.
  state.child?.kill("SIGTERM");
}

class Interrupted extends Error {}

function checkStop(): void {
  if (state.stopSignal) throw new Interrupted(state.stopSignal);
}

/** The shell's convention for a process ended by a signal. */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + os.constants.signals[signal];
}

/**
 * `kill <npm pid>` stops npm and the `sh -c` it runs the script through, but the signal
 * never reaches us (sh dies of it without passing it on): we would run on, orphaned, with
 * Next and the database. So treat the loss of our grandparent like a SIGTERM (Linux /proc).
 */
function watchLaunchers(): void {
  // Only under npm (which sets npm_lifecycle_event) is the grandparent npm's own `sh -c`;
  // started some other way, it may be a shell that legitimately exits before us.
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  if (grandparent === undefined) return;
  const timer = setInterval(() => {
    if (process.ppid === parent && parentOf(parent) === grandparent) return;
    clearInterval(timer);
    if (!state.stopSignal) onStopSignal("SIGTERM");
  }, 1_000);
  timer.unref();
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 4; the command name before it is parenthesised and may contain spaces.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  process.on("SIGINT", onStopSignal);
  process.on("SIGTERM", onStopSignal);
  // `… | tee log` and Ctrl-C: tee dies first, and a write to the closed pipe must not crash
  // us before the cleanup below has run.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
  watchLaunchers();
  const dev = process.argv.includes("--dev");
  const port = parsePort(process.env.PORT);
  await assertPortFree(port);

  let embedded: EmbeddedPostgres | undefined;
  try {
    const configuredUrl = process.env.DATABASE_URL?.trim();
    const configuredOwnerUrl = process.env.MIGRATION_DATABASE_URL?.trim();
    if (!configuredUrl) {
      if (configuredOwnerUrl) throw new Error("MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set both (docs/deployment.md)");
      log("DATABASE_URL is not set: using the embedded PostgreSQL in .data/postgres");
      embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port: 54329, log });
    }
    // The owner migrates, seeds and reads for this script; the app gets appUrl only.
    const ownerUrl = configuredOwnerUrl || configuredUrl || (embedded?.url ?? "");
    const appUrl = configuredUrl || (embedded?.appUrl ?? "");
    checkStop();
    const { applied } = await migrate(ownerUrl, configuredOwnerUrl !== undefined && configuredOwnerUrl !== "");
    log(applied.length > 0 ? `${applied.length} migration(s) applied` : "database schema is up to date");
    checkStop();
    await warnIfAppRoleTooStrong(appUrl);
    const authSecret = await resolveAuthSecret();
    await seedIfEmpty(ownerUrl, { local: embedded !== undefined || !process.env.AUTH_SECRET, authSecret });
    await dropCachesIfDatabaseChanged(ownerUrl);
    checkStop();
    const env = appEnv(appUrl, authSecret, port);
    // The local demo only (embedded database, no AUTH_SECRET configured): the secretariat's
    // "Reset the demo" needs the owner's connection (docs/decisions/017-demo-reset.md).
    if (embedded && !process.env.AUTH_SECRET?.trim()) env.DEMO_RESET_DATABASE_URL = ownerUrl;
    if (!dev) await buildIfNeeded(env);
    checkStop();
    return await serve(dev, port, env, ownerUrl);
  } catch (error) {
    if (error instanceof Interrupted && state.stopSignal) return signalExitCode(state.stopSignal);
    throw error;
  } finally {
    if (embedded) {
      log("stopping the embedded PostgreSQL");
      await embedded.stop();
    }
  }
}

async function migrate(ownerUrl: string, separateOwner: boolean): Promise<{ applied: string[] }> {
  try {
    return await deployMigrations(ownerUrl, { log });
  } catch (error) {
    // 42501 insufficient_privilege: most likely DATABASE_URL is already the app's role.
    const code = error instanceof Error ? Reflect.get(error.cause instanceof Error ? error.cause : error, "code") : undefined;
    if (code !== "42501" || separateOwner) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\nMigrations run as the tables' owner: set MIGRATION_DATABASE_URL to the owner's connection (docs/deployment.md)`, {
      cause: error,
    });
  }
}

/**
 * The app's connection should not be able to alter, disable or bypass the audit log
 * (docs/decisions/015-database-roles.md). A deployment that still gives the app the owner's
 * connection keeps working, with this warning.
 */
async function warnIfAppRoleTooStrong(appUrl: string): Promise<void> {
  const { role, powers } = await inspectRolePowers(appUrl);
  if (powers.length === 0) {
    log(`the app connects as the role ${role}, which can add to the audit log but not alter or bypass it`);
    return;
  }
  log(
    `warning: the app connects as the role ${role}, which ${powers.join(", ")}: it could alter or bypass the audit log. ` +
      "Give the app the role hustings_app in DATABASE_URL and the owner's connection in MIGRATION_DATABASE_URL (docs/deployment.md)",
  );
}

function parsePort(value: string | undefined): number {
  const port = Number(value?.trim() || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}

/** Fail before a minute-long build rather than after it. */
async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
  if (!free) throw new Error(`port ${port} is already in use: stop what runs there or set PORT`);
}

// --- secrets and demo data ---------------------------------------------------------------

/** Production sets AUTH_SECRET; a local demo gets a random one, generated once and kept. */
async function resolveAuthSecret(): Promise<string> {
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) return configured;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    await fs.mkdir(DATA_DIR, { recursive: true });
    await fs.writeFile(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  }
  log("AUTH_SECRET is not set: using a generated secret from .data/auth-secret, for this local demo only (set AUTH_SECRET in any real deployment)");
  return (await fs.readFile(file, "utf8")).trim();
}

/**
 * The demo accounts have published passwords: seed them only into a local demo (embedded
 * database, or no AUTH_SECRET configured), never into what looks like a real deployment.
 */
async function seedIfEmpty(databaseUrl: string, { local, authSecret }: { local: boolean; authSecret: string }): Promise<void> {
  if ((await countConferences(databaseUrl)) > 0) return;
  if (!local) {
    log("the database has no conference; not seeding demo accounts because AUTH_SECRET is set (run `npm run db:seed` to load the demo data deliberately)");
    return;
  }
  log("the database is empty: loading the demo data");
  const { seedDemo } = await import("../prisma/seed");
  // The demo hearing's seed is sealed with the key the app will derive (lib/draw/seal.ts).
  await seedDemo(databaseUrl, { secrets: { SEED_SEALING_KEY: process.env.SEED_SEALING_KEY, AUTH_SECRET: authSecret } });
}

async function countConferences(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM "Conference"');
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

// Next keeps rendered pages (.next/server/route-cache) and cached reads (.next/cache/
// fetch-cache) across restarts. They belong to the database they were read from: after
// `rm -rf .data`, or with another DATABASE_URL, they would show the old data.
const RUNTIME_CACHES = [path.join(ROOT, ".next", "server", "route-cache"), path.join(ROOT, ".next", "cache", "fetch-cache")];
const DATA_IDENTITY = path.join(ROOT, ".next", "cache", "hustings-data-identity");

async function dropCachesIfDatabaseChanged(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let identity: string;
  try {
    const { rows } = await client.query<{ identity: string }>(
      `SELECT concat_ws(':', current_database(), (SELECT system_identifier FROM pg_control_system()),
              (SELECT string_agg(id, ',' ORDER BY id) FROM "Conference")) AS identity`,
    );
    identity = rows[0]?.identity ?? "";
  } finally {
    await client.end();
  }
  const previous = existsSync(DATA_IDENTITY) ? readFileSync(DATA_IDENTITY, "utf8") : null;
  if (previous === identity) return;
  if (previous !== null) log("the database is not the one the page cache was filled from: clearing the cache");
  await Promise.all(RUNTIME_CACHES.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  await fs.mkdir(path.dirname(DATA_IDENTITY), { recursive: true });
  await fs.writeFile(DATA_IDENTITY, identity);
}

/** Demo accounts that really exist in this database (a real one may have none). */
async function existingDemoAccounts(
  databaseUrl: string,
): Promise<ReadonlyArray<{ email: string; password: string; role: string; totpSecret?: string; recoveryCodes?: readonly string[] }>> {
  const { DEMO_ACCOUNTS } = await import("../prisma/seed");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const emails = DEMO_ACCOUNTS.map((account) => account.email.toLowerCase());
    const { rows } = await client.query<{ email: string }>('SELECT email FROM "User" WHERE email = ANY($1::text[])', [emails]);
    const present = new Set(rows.map((row) => row.email));
    return DEMO_ACCOUNTS.filter((account) => present.has(account.email.toLowerCase()));
  } finally {
    await client.end();
  }
}

// --- build -------------------------------------------------------------------------------

function appEnv(databaseUrl: string, authSecret: string, port: number): NodeJS.ProcessEnv {
  // The owner's connection stays with this script: the app never sees it (but for the local
  // demo's reset, set by main() alone).
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.MIGRATION_DATABASE_URL;
  delete inherited.DEMO_RESET_DATABASE_URL;
  return {
    ...inherited,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/**
 * The stamp records the hash of the sources a build was made from and that build's
 * BUILD_ID (random per build): any other build (`npm test`, `npm run build`) changes the
 * BUILD_ID and so invalidates the stamp, and any source edit changes the hash.
 */
async function buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void> {
  const hash = await sourceHash();
  if (await stampMatches(hash)) {
    log("the production build is up to date");
    return;
  }
  log("building the production app (next build, about a minute)…");
  const code = await runChild(process.execPath, [NEXT_BIN, "build"], productionEnv(env));
  checkStop();
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  const buildId = (await fs.readFile(path.join(ROOT, ".next", "BUILD_ID"), "utf8")).trim();
  await fs.writeFile(BUILD_STAMP, JSON.stringify({ hash, buildId }));
}

async function stampMatches(hash: string): Promise<boolean> {
  try {
    const stamp: unknown = JSON.parse(await fs.readFile(BUILD_STAMP, "utf8"));
    const buildId = (await fs.readFile(path.join(ROOT, ".next", "BUILD_ID"), "utf8")).trim();
    return typeof stamp === "object" && stamp !== null && Reflect.get(stamp, "hash") === hash && Reflect.get(stamp, "buildId") === buildId;
  } catch {
    return false;
  }
}

/** next build would warn about (and mis-build with) a development NODE_ENV inherited from the shell. */
function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_ENV: "production" };
}

async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const file of (await sourceFiles()).sort()) {
    hash.update(`${file}\0`);
    try {
      hash.update(await fs.readFile(path.join(ROOT, file)));
    } catch {
      hash.update("(missing)"); // deleted but still in git's index
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Git's view (tracked plus new, unignored files) when this is a checkout; else a plain walk. */
async function sourceFiles(): Promise<string[]> {
  const git = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  if (git.status === 0) return git.stdout.split("\0").filter(Boolean);
  return walk("");
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(ROOT, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory() && !UNHASHED_DIRS.has(entry.name)) files.push(...(await walk(relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

// --- serving ---------------------------------------------------------------------------------

/**
 * Production: the app's own server (server.ts, docs/decisions/024-client-address-and-server.md),
 * which decides the client's address from the socket and hashes public pages' inline scripts.
 * Development stays on `next dev` (its hot reload), where the client's address is whatever
 * X-Forwarded-For says and public pages keep 'unsafe-inline'. Both listen where HOSTNAME says.
 */
async function serve(dev: boolean, port: number, env: NodeJS.ProcessEnv, databaseUrl: string): Promise<number> {
  const hostname = bindAddress(process.env.HOSTNAME, os.hostname());
  const args = dev ? [NEXT_BIN, "dev", "-p", String(port), "-H", hostname] : [path.join(ROOT, "scripts", "server.cjs")];
  const childEnv: NodeJS.ProcessEnv = { ...env, HOSTNAME: hostname, NODE_ENV: dev ? "development" : "production" };
  const exit = runChild(process.execPath, args, childEnv);
  const ready = await Promise.race([waitForHealth(reachableHost(hostname), port).then(() => true), exit.then(() => false)]);
  if (ready) await announce(displayHost(hostname), port, databaseUrl);
  const code = await exit;
  if (state.stopSignal) log(`the app exited (code ${code})`);
  else log(`the app exited unexpectedly (code ${code})`);
  return code;
}

/** Where this script can reach a server listening on `hostname`. */
function reachableHost(hostname: string): string {
  if (hostname === "0.0.0.0" || hostname === "::") return "127.0.0.1";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

/** The address to print: localhost for this machine's loopback or every interface. */
function displayHost(hostname: string): string {
  return ["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"].includes(hostname) ? "localhost" : reachableHost(hostname);
}

async function waitForHealth(host: string, port: number): Promise<void> {
  const url = `http://${host}:${port}/api/health`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline && !state.stopSignal) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!state.stopSignal) log(`warning: ${url} did not answer within ${HEALTH_TIMEOUT_MS / 1000} s; the server keeps running`);
  // Never resolve: the caller then waits for Next to exit.
  await new Promise<never>(() => {});
}

async function announce(host: string, port: number, databaseUrl: string): Promise<void> {
  const accounts = await existingDemoAccounts(databaseUrl).catch(() => []);
  const lines = ["", `  Hustings is running at http://${host}:${port}`, ""];
  if (accounts.length > 0) {
    const emailWidth = Math.max(...accounts.map((account) => account.email.length));
    const passwordWidth = Math.max(...accounts.map((account) => account.password.length));
    lines.push("  Demo accounts (local demo data; passwords are public):");
    for (const account of accounts) {
      lines.push(`    ${account.email.padEnd(emailWidth)}  ${account.password.padEnd(passwordWidth)}  ${account.role}`);
    }
    lines.push("");
    // docs/decisions/040-captions.md: the live demo hearing's captioner, with its public key.
    lines.push("  Live captions: once the chair has started the demo hearing, run `npm run captioner -- --demo`.", "");
    // docs/decisions/023-second-factor.md: the staff accounts' public authenticator keys and recovery codes.
    const staff = accounts.filter((account) => account.totpSecret);
    if (staff.length > 0) {
      lines.push("  Second factor (secretariat, chair, Ethics Office): add the key to an authenticator app,");
      lines.push("  run `npm run demo:code` for the current codes, or use a recovery code (each works once until a reset):");
      for (const account of staff) {
        lines.push(`    ${account.email.padEnd(emailWidth)}  ${account.totpSecret}  ${(account.recoveryCodes ?? []).join(" ")}`);
      }
      lines.push("");
    }
  }
  lines.push("  Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

/** Runs a child with inherited output, tracked so a stop signal can reach it; resolves with its exit code. */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    state.child = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (state.child === child) state.child = undefined;
      resolve(code ?? signalExitCode(signal ?? "SIGTERM"));
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
