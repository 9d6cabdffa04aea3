// The deploy that runs at the demo's boot, in tests and as a release's step (scripts/db/deploy.ts,
// `npm run db:migrate:deploy`, the standalone image's migrate.js): applies prisma/migrations/*/migration.sql with
// plain `pg`, keeping `_prisma_migrations` as `prisma migrate deploy` keeps it, so Prisma's own
// tooling (and scripts/db) read the history back as theirs (docs/decisions/002).
// No "server-only" import: plain tsx scripts use this too.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * The session-level advisory lock id Prisma's schema engine takes around every migrate
 * command. Sharing it means this runner, another app instance booting at the same moment and
 * Prisma's own tooling never apply migrations concurrently.
 */
export const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

/** Prisma's DDL for its history table, verbatim from the schema engine (PostgreSQL connector). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

/** How long a deploy waits for another one (a release, an instance booting) to finish, unless told. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;
const LOCK_POLL_MS = 250;

export interface DeployOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
  /** Fail, naming the holder, rather than wait longer than this for the migrations' lock. */
  lockTimeoutMs?: number;
}

/**
 * The connection migrations run on: the tables' owner (MIGRATION_DATABASE_URL,
 * docs/decisions/015-database-roles.md), else a direct connection (DIRECT_DATABASE_URL: the
 * session advisory lock does not survive a transaction-mode pooler, lib/db/urls.ts), else
 * DATABASE_URL. undefined when none is set.
 */
export function migrationDatabaseUrl(env: Record<string, string | undefined>): string | undefined {
  return env.MIGRATION_DATABASE_URL?.trim() || env.DIRECT_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export async function deployMigrations(connectionString: string, opts: DeployOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = await readLocalMigrations(opts.migrationsDir ?? path.join(process.cwd(), "prisma/migrations"));
  const client = new pg.Client({ connectionString });
  // Without a listener, a connection dropped between queries would crash the process.
  client.on("error", (error) => log(`database connection error: ${error.message}`));
  await client.connect();
  try {
    await takeMigrationLock(client, opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, log);
    try {
      return { applied: await applyPending(client, migrations, log) };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_ADVISORY_LOCK]);
    }
  } finally {
    await client.end();
  }
}

/**
 * The session advisory lock, tried until `timeoutMs` has passed: a deploy blocked behind
 * another release's (or a stuck session's) lock fails with its holder named, instead of hanging.
 */
async function takeMigrationLock(client: pg.Client, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_MIGRATE_ADVISORY_LOCK]);
    if (rows[0]?.locked) return;
    const holder = await lockHolder(client);
    if (Date.now() >= deadline) {
      throw new Error(
        `Another migration holds the migrations' lock (${holder}) and did not release it within ${Math.round(timeoutMs / 1000)} s: ` +
          "let it finish, or end that session (SELECT pg_terminate_backend(pid)), then deploy again.",
      );
    }
    if (!told) log(`waiting for the migrations' lock, held by ${holder}`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(LOCK_POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}

/** Who holds the advisory lock (pg_locks splits a bigint key into two halves; ours fits the low one). */
async function lockHolder(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ pid: number; usename: string | null; application_name: string | null; backend_start: Date | null }>(
    `SELECT l.pid, a.usename, a.application_name, a.backend_start
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
      LIMIT 1`,
    [PRISMA_MIGRATE_ADVISORY_LOCK],
  );
  const row = rows[0];
  if (!row) return "a session that has since let go";
  const who = [row.usename && `role ${row.usename}`, row.application_name && `application "${row.application_name}"`].filter(Boolean).join(", ");
  return `backend pid ${row.pid}${who ? `, ${who}` : ""}${row.backend_start ? `, connected since ${row.backend_start.toISOString()}` : ""}`;
}

async function applyPending(client: pg.Client, migrations: LocalMigration[], log: (line: string) => void): Promise<string[]> {
  const { rows: tables } = await client.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
  if (!tables[0]?.present) await client.query(CREATE_MIGRATIONS_TABLE);
  // Rows Prisma marked rolled back are history only: such a migration may be applied again.
  const { rows } = await client.query<HistoryRow>(
    "SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at",
  );
  const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
  if (failed.length > 0) {
    throw new Error(
      `Migration(s) ${failed.join(", ")} failed earlier and were left half-applied (Prisma P3009). ` +
        "Repair the database, then mark them with `prisma migrate resolve`, before deploying again.",
    );
  }
  const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const local = new Set(migrations.map((migration) => migration.name));
  const edited = migrations.filter((m) => {
    const checksum = applied.get(m.name);
    return checksum !== undefined && !matchesChecksum(m.script, checksum);
  });
  if (edited.length > 0) {
    throw new Error(
      `Migration(s) ${edited.map((m) => m.name).join(", ")} changed after they were applied (checksum differs from _prisma_migrations). ` +
        "Restore the applied file and put the change in a new migration.",
    );
  }
  for (const name of applied.keys()) {
    if (!local.has(name)) log(`warning: ${name} is applied to the database but missing from the migrations folder`);
  }
  const done: string[] = [];
  for (const migration of migrations.filter((m) => !applied.has(m.name))) {
    await applyOne(client, migration);
    log(`applied ${migration.name}`);
    done.push(migration.name);
  }
  return done;
}

// Prisma runs each script outside a transaction and leaves a failed row behind; here script
// and row commit together, so a failure leaves no trace and the next deploy simply retries.
async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(migration.script);
    await client.query(
      `INSERT INTO _prisma_migrations
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

// As Prisma does: a checkout that only converted line endings (Windows) is not an edit.
function matchesChecksum(script: string, checksum: string): boolean {
  const lf = script.replaceAll("\r\n", "\n");
  return [script, lf, lf.replaceAll("\n", "\r\n")].some((variant) => sha256Hex(variant) === checksum);
}

/** Folders in name order (Prisma's order); a folder without migration.sql is not a migration. */
async function readLocalMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, script, checksum: sha256Hex(script) };
    }),
  );
}
