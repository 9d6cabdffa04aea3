// The app's own database role, hustings_app, on real PostgreSQL (docs/decisions/015-database-roles.md):
// it adds to the audit log and reads it, and can neither change, disable nor bypass it.
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { APP_ROLE, inspectRolePowers } from "@/lib/db/roles";
import { MIGRATIONS_DIR, appRoleUrl, createTestDatabase, testServerUrl, type TestDatabase } from "../support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const asApp = <T>(fn: (client: pg.Client) => Promise<T>) => withClient(appRoleUrl(database.url), fn);
const asOwner = <T>(fn: (client: pg.Client) => Promise<T>) => withClient(database.url, fn);

/** PostgreSQL's insufficient_privilege: refused for want of a right, not by the trigger (55000). */
const denied = { code: "42501" };

async function auditCount(): Promise<number> {
  return asOwner(async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent"`)).rows[0]?.n));
}

/** The migration that sets the role up: its blocks, run on their own in the tests of its guards. */
async function roleMigration(): Promise<string> {
  const [folder] = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith("_application_role"));
  if (!folder) throw new Error("no *_application_role migration");
  return readFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8");
}

function doBlocks(script: string): string[] {
  return script.match(/^DO \$\$[\s\S]*?^\$\$;/gm) ?? [];
}

describe("the app's role and the audit log", () => {
  it("adds an event, as the app does (INSERT … RETURNING through Prisma), and reads the log", async () => {
    const db = createDb(appRoleUrl(database.url));
    try {
      const row = await db.auditEvent.create({ data: { area: "test", action: "created", entity: "Thing", entityId: "role-test" } });
      expect(row.id).toBeGreaterThan(0n);
      expect(await db.auditEvent.count({ where: { entityId: "role-test" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET action = 'nothing happened'`],
    ["DELETE", `DELETE FROM "AuditEvent"`],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`],
    ["ALTER TABLE … DISABLE TRIGGER", `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`],
    ["ALTER TABLE … DISABLE TRIGGER ALL", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`],
    ["SET session_replication_role", `SET session_replication_role = replica`],
    ["SET LOCAL session_replication_role", `BEGIN; SET LOCAL session_replication_role = replica`],
    ["DROP TRIGGER", `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`],
    ["CREATE TRIGGER", `CREATE TRIGGER "swallow" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"()`],
    [
      "replacing the guard's function",
      `CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$`,
    ],
    ["DROP TABLE", `DROP TABLE "AuditEvent"`],
    ["ALTER TABLE … OWNER TO", `ALTER TABLE "AuditEvent" OWNER TO ${APP_ROLE}`],
    ["CREATE TABLE", `CREATE TABLE "Shadow" (id int)`],
    ["reading the migration history", `SELECT * FROM _prisma_migrations`],
  ])("is refused %s", async (_name, sql) => {
    await asOwner((client) => client.query(`INSERT INTO "AuditEvent" (area, action, entity, "entityId") VALUES ('test', 'kept', 'Thing', 'refusals')`));
    const before = await auditCount();
    await asApp(async (client) => {
      await expect(client.query(sql)).rejects.toMatchObject(denied);
    });
    expect(await auditCount()).toBe(before);
    // The guard is still in place and enabled.
    const triggers = await asOwner((client) =>
      client.query<{ tgname: string; tgenabled: string }>(
        `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`,
      ),
    );
    expect(triggers.rows).toEqual([
      { tgname: "AuditEvent_append_only", tgenabled: "O" },
      { tgname: "AuditEvent_no_truncate", tgenabled: "O" },
    ]);
  });

  it("owns nothing, is no superuser, and can grant itself nothing", async () => {
    const { rows } = await asOwner((client) =>
      client.query<{ owned: number; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean; rolreplication: boolean }>(
        `SELECT (SELECT count(*)::int FROM pg_shdepend d
                  WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid AND d.deptype = 'o'
                    AND d.dbid IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))) AS owned,
                r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication
           FROM pg_roles r WHERE r.rolname = $1`,
        [APP_ROLE],
      ),
    );
    expect(rows).toEqual([{ owned: 0, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false }]);
    expect(await inspectRolePowers(appRoleUrl(database.url))).toEqual({ role: APP_ROLE, powers: [] });
  });

  it("still reads and writes the application's tables", async () => {
    await asApp(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "Conference" (id, slug, name, city, "opensOn", "closesOn", "timeZone", "updatedAt")
         VALUES ($1, $1, 'Role test', 'Geneva', '2031-01-01', '2031-01-02', 'UTC', now()) RETURNING id`,
        [`role-${randomBytes(4).toString("hex")}`],
      );
      const id = rows[0]?.id;
      await client.query(`UPDATE "Conference" SET city = 'Bern' WHERE id = $1`, [id]);
      await client.query(`DELETE FROM "Conference" WHERE id = $1`, [id]);
    });
  });
});

describe("a table a later migration adds", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hustings-role-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "29991231000000_later_table"));
    await writeFile(
      path.join(dir, "29991231000000_later_table", "migration.sql"),
      `CREATE TABLE "LaterThing" ("id" BIGSERIAL NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "LaterThing_pkey" PRIMARY KEY ("id"));\n`,
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("is the app's to read and write, by the default privileges the migrations set", async () => {
    expect(await deployMigrations(database.url, { migrationsDir: dir })).toEqual({ applied: ["29991231000000_later_table"] });
    const names = await asApp(async (client) => {
      await client.query(`INSERT INTO "LaterThing" (name) VALUES ('one'), ('two')`);
      await client.query(`UPDATE "LaterThing" SET name = 'first' WHERE name = 'one'`);
      await client.query(`DELETE FROM "LaterThing" WHERE name = 'two'`);
      return (await client.query<{ name: string }>(`SELECT name FROM "LaterThing"`)).rows.map((row) => row.name);
    });
    expect(names).toEqual(["first"]);
    // …and still not its own.
    await asApp(async (client) => {
      await expect(client.query(`ALTER TABLE "LaterThing" ADD COLUMN x int`)).rejects.toMatchObject(denied);
    });
  });
});

describe("the migration that sets the role up", () => {
  const probe = `hustings_probe_${randomBytes(4).toString("hex")}`;
  afterAll(() => withClient(testServerUrl(), (client) => client.query(`DROP ROLE IF EXISTS ${probe}`)));

  it("creates the server-wide role once when databases are migrated side by side", async () => {
    const [create] = doBlocks(await roleMigration());
    expect(create).toContain("CREATE ROLE hustings_app");
    const script = create?.replaceAll(APP_ROLE, probe) ?? "";
    // Two transactions race: the second CREATE ROLE waits for the first to commit, then fails
    // with unique_violation, which the block takes as "already there".
    const [first, second] = [new pg.Client({ connectionString: database.url }), new pg.Client({ connectionString: database.url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      await Promise.all([first.query("BEGIN"), second.query("BEGIN")]);
      await first.query(script);
      const racing = second.query(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query("COMMIT");
      await racing;
      await second.query("COMMIT");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const { rowCount } = await asOwner((client) => client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [probe]));
    expect(rowCount).toBe(1);
  });

  it("says to have the role created first when the owner may not create roles", async () => {
    const [create] = doBlocks(await roleMigration());
    const owner = `${probe}_owner`;
    await asOwner(async (client) => {
      await client.query(`CREATE ROLE ${owner} NOLOGIN`);
      try {
        await client.query(`SET ROLE ${owner}`);
        await expect(client.query(create?.replaceAll(APP_ROLE, `${probe}_absent`) ?? "")).rejects.toThrow(/does not exist, and .* may not create it/);
      } finally {
        await client.query("RESET ROLE");
        await client.query(`DROP ROLE ${owner}`);
      }
    });
  });

  it("fails when the role could bypass the guard whatever is granted (here: CREATEROLE)", async () => {
    const blocks = doBlocks(await roleMigration());
    const check = blocks[blocks.length - 1] ?? "";
    expect(check).toContain("could alter or bypass the audit log");
    await asOwner((client) => client.query(`ALTER ROLE ${probe} CREATEROLE`));
    await asOwner(async (client) => {
      await expect(client.query(check.replaceAll(APP_ROLE, probe))).rejects.toThrow(/has CREATEROLE/);
    });
  });
});
