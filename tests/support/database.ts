// A fresh database per test file (docs/conventions.md#tests-own-their-data), created on the server TEST_DATABASE_URL points
// at and dropped when the file is done. Migrating one takes seconds, so the migrations are
// applied once, with the same runner the app boots with, to a template database named after
// the migrations (and the runner); each file's database is a `CREATE DATABASE … TEMPLATE` copy.
// The template is built by the integration project's globalSetup (tests/support/
// integration-global-setup.ts) before any file runs, or on first use when none did; it stays
// on the server for the next run, and a changed migration gets a template of its own.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { deployMigrations } from "../../lib/db/migrate";
import { asAppRole } from "../../lib/db/roles";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const MIGRATION_RUNNER = fileURLToPath(new URL("../../lib/db/migrate.ts", import.meta.url));
const TEMPLATE_PREFIX = "hustings_template_";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The server integration tests may create databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: integration tests need a PostgreSQL server to create databases on.");
  return url;
}

/**
 * A test database's URL as the app's own role, hustings_app (docs/decisions/015-database-roles.md):
 * no password on a server that trusts local connections (CI's, 127.0.0.1:5432), else
 * TEST_APP_ROLE_PASSWORD (scripts/test.ts sets it for its embedded server).
 */
export function appRoleUrl(databaseUrl: string): string {
  return asAppRole(databaseUrl, process.env.TEST_APP_ROLE_PASSWORD);
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database with nothing in it, for tests of the migrations themselves. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const name = newDatabaseName();
  await onServer(`CREATE DATABASE "${name}"`);
  return databaseNamed(name);
}

/** Lower case and unquoted-safe; the random part keeps parallel files and reruns apart. */
function newDatabaseName(): string {
  return `hustings_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

function databaseNamed(name: string): TestDatabase {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a pool a test forgot to close must not keep the database alive.
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A new database with every migration applied, as the app would find it after boot. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplateDatabase();
  const name = newDatabaseName();
  await onServer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return databaseNamed(name);
}

let ensured: Promise<string> | undefined;

/**
 * The name of the migrated template database, built now if the server has none for the
 * current migrations. Once per process; safe when several processes (or runs) race: each
 * builds under a name of its own and renames it, and a loser drops its copy.
 */
export function ensureTemplateDatabase(): Promise<string> {
  ensured ??= buildTemplateIfMissing().catch((error: unknown) => {
    ensured = undefined;
    throw error;
  });
  return ensured;
}

async function buildTemplateIfMissing(): Promise<string> {
  const template = `${TEMPLATE_PREFIX}${await migrationsFingerprint()}`;
  if (await databaseExists(template)) return template;
  const building = await createEmptyTestDatabase();
  try {
    await deployMigrations(building.url, { migrationsDir: MIGRATIONS_DIR });
    const name = new URL(building.url).pathname.slice(1);
    try {
      // Renaming needs no one connected: deployMigrations closed its connection.
      await onServer(`ALTER DATABASE "${name}" RENAME TO "${template}"`);
    } catch (error) {
      // 42P04 duplicate_database: another process finished first; theirs is the same.
      if (!(isPgError(error) && error.code === "42P04")) throw error;
      await building.drop();
      return template;
    }
    // A template: copied, never connected to (a connection would block every copy).
    await onServer(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    return template;
  } catch (error) {
    await building.drop().catch(() => {});
    throw error;
  }
}

/** A short hash of every migration's name and script, and of the runner that applies them. */
async function migrationsFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await readFile(MIGRATION_RUNNER));
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    hash.update(`\0${name}\0`);
    hash.update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 16);
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

function isPgError(error: unknown): error is { code: string } {
  return typeof error === "object" && error !== null && typeof Reflect.get(error, "code") === "string";
}
