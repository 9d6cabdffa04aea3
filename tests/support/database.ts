// A fresh database per test file (STYLE.md 9): created on the server TEST_DATABASE_URL points
// at, migrated with the same runner the app boots with, dropped when the file is done.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { deployMigrations } from "../../lib/db/migrate";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

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
  // Lower case and unquoted-safe; the random part keeps parallel files and reruns apart.
  const name = `hustings_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE "${name}"`);
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
  const database = await createEmptyTestDatabase();
  try {
    await deployMigrations(database.url, { migrationsDir: MIGRATIONS_DIR });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
