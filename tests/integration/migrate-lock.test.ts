import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRISMA_MIGRATE_ADVISORY_LOCK, deployMigrations, migrationDatabaseUrl } from "../../lib/db/migrate";
import { MIGRATIONS_DIR, createTestDatabase, type TestDatabase } from "../support/database";

// A release's migration step fails, naming the holder, when another holds the migrations'
// lock past the timeout, instead of hanging (docs/decisions/031-production-packaging.md).

describe("the migrations' lock", () => {
  let database: TestDatabase;
  let holder: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    holder = new pg.Client({ connectionString: database.url, application_name: "another release" });
    await holder.connect();
  });
  afterAll(async () => {
    await holder?.end();
    await database?.drop();
  });

  it("is waited for up to the timeout, then the deploy fails with the holder named", async () => {
    await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_ADVISORY_LOCK]);
    const lines: string[] = [];
    const started = Date.now();
    await expect(deployMigrations(database.url, { migrationsDir: MIGRATIONS_DIR, lockTimeoutMs: 600, log: (line) => lines.push(line) })).rejects.toThrow(
      /Another migration holds the migrations' lock \(backend pid \d+, role \w+, application "another release".*\) and did not release it within 1 s/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines).toEqual([expect.stringMatching(/^waiting for the migrations' lock, held by backend pid \d+/)]);
  });

  it("is taken as soon as the holder lets go", async () => {
    const deploy = deployMigrations(database.url, { migrationsDir: MIGRATIONS_DIR, lockTimeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holder.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_ADVISORY_LOCK]);
    await expect(deploy).resolves.toEqual({ applied: [] });
  });
});

describe("migrationDatabaseUrl", () => {
  it("prefers the owner's connection, then the direct one, then DATABASE_URL", () => {
    const app = "postgresql://hustings_app@pgbouncer:6432/h";
    const direct = "postgresql://hustings_app@db:5432/h";
    const owner = "postgresql://hustings_owner@db:5432/h";
    expect(migrationDatabaseUrl({ DATABASE_URL: app, DIRECT_DATABASE_URL: direct, MIGRATION_DATABASE_URL: owner })).toBe(owner);
    expect(migrationDatabaseUrl({ DATABASE_URL: app, DIRECT_DATABASE_URL: direct, MIGRATION_DATABASE_URL: " " })).toBe(direct);
    expect(migrationDatabaseUrl({ DATABASE_URL: app })).toBe(app);
    expect(migrationDatabaseUrl({})).toBeUndefined();
  });
});
