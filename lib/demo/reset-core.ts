// Resetting the demo to its starting state (docs/decisions/017-demo-reset.md): used by
// `npm run demo:reset` (scripts/demo-reset.ts) and by the secretariat's "Reset the demo" in a
// local demo (lib/demo/reset-service.ts). Relative imports and no server-only: tsx runs it.
import pg from "pg";
import { deployMigrations } from "../db/migrate";
import { STORAGE_KEY } from "../storage/storage";

/** Every demo account's address ends with this (prisma/demo-data.ts). */
export const DEMO_EMAIL_DOMAIN = "@demo.hustings.test";

export type DemoVerdict = { kind: "empty" } | { kind: "demo" } | { kind: "not-demo"; reason: "no-demo-account" | "real-candidates" | "no-schema" };

/**
 * Does this database hold the demo? Empty (no conference, no account): nothing to lose.
 * Otherwise it is the demo only when a demo account exists and every candidate is a demo one
 * (Candidate.isDemo): a database with a real candidature is never the demo.
 */
export async function inspectDemo(client: pg.ClientBase): Promise<DemoVerdict> {
  const { rows: schema } = await client.query<{ present: boolean }>(`SELECT to_regclass('"Conference"') IS NOT NULL AS present`);
  if (!schema[0]?.present) return { kind: "not-demo", reason: "no-schema" };
  const { rows } = await client.query<{ conferences: string; users: string; demo_users: string; real_candidates: string }>(
    `SELECT (SELECT count(*) FROM "Conference") AS conferences,
            (SELECT count(*) FROM "User") AS users,
            (SELECT count(*) FROM "User" WHERE lower(email) LIKE '%' || $1) AS demo_users,
            (SELECT count(*) FROM "Candidate" WHERE NOT "isDemo") AS real_candidates`,
    [DEMO_EMAIL_DOMAIN],
  );
  const row = rows[0];
  if (!row) return { kind: "not-demo", reason: "no-schema" };
  if (Number(row.conferences) === 0 && Number(row.users) === 0) return { kind: "empty" };
  if (Number(row.real_candidates) > 0) return { kind: "not-demo", reason: "real-candidates" };
  if (Number(row.demo_users) === 0) return { kind: "not-demo", reason: "no-demo-account" };
  return { kind: "demo" };
}

export class NotTheDemoError extends Error {
  constructor(readonly verdict: DemoVerdict) {
    super(
      verdict.kind === "not-demo"
        ? `this database does not hold the demo (${verdict.reason === "real-candidates" ? "it has a candidate not marked as demo" : verdict.reason === "no-demo-account" ? "it has no demo account" : "it has no Hustings tables"})`
        : "this database does not hold the demo",
    );
    this.name = "NotTheDemoError";
  }
}

/** Where the demo's files are: what lib/storage's Storage and the demo's own stores (prisma/demo/content.ts) can do. */
export type DemoFileStore = { delete(key: string): Promise<void> };

/**
 * Every stored file the database names: the values of its `…Key` columns (Candidate.photoKey
 * and cvKey, Material.fileKey, and any such column added later) that are stored names
 * (lib/storage/storage.ts), never anything else, so nothing but an upload's file is removed.
 */
export async function storedFileKeys(client: pg.ClientBase): Promise<string[]> {
  const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'text' AND column_name LIKE '%Key' ORDER BY table_name, column_name`,
  );
  const keys = new Set<string>();
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await client.query<{ key: string }>(
      `SELECT DISTINCT ${client.escapeIdentifier(column)} AS key FROM ${client.escapeIdentifier(table)} WHERE ${client.escapeIdentifier(column)} IS NOT NULL`,
    );
    for (const { key } of rows) if (STORAGE_KEY.test(key)) keys.add(key);
  }
  return [...keys].sort();
}

export interface ResetOptions {
  /** The secrets the app seals the demo hearing's seed with (lib/draw/seal-core.ts). */
  secrets: { AUTH_SECRET?: string; SEED_SEALING_KEY?: string };
  /** Reset even a database that does not look like the demo (the script's --force). */
  force?: boolean;
  log?: (line: string) => void;
  /** Where the demo's files are stored; by default the app's (STORAGE_DIR, or S3 when configured), as the demo loader stores them. */
  store?: DemoFileStore;
}

/**
 * As the tables' owner: brings the schema up to date, empties every table but the migrations'
 * history in one transaction — lifting the audit log's truncate guard for that transaction only,
 * as the owner may (docs/decisions/015-database-roles.md) — removes the stored files the emptied
 * rows named (the demo's generated files and whatever was uploaded since), then loads the demo
 * again with prisma/seed.ts's seedDemo. The audit log is emptied with the rest: no row about
 * the reset can survive it.
 */
export async function resetDemoDatabase(ownerUrl: string, options: ResetOptions): Promise<{ verdict: DemoVerdict; ms: number; filesRemoved: number }> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  await deployMigrations(ownerUrl, { log });
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on("error", (error) => log(`database connection error: ${error.message}`));
  await client.connect();
  let verdict: DemoVerdict;
  let keys: string[] = [];
  try {
    await client.query("BEGIN");
    try {
      // Waiting behind a long request is fine; waiting forever is not.
      await client.query("SET LOCAL lock_timeout = '15s'");
      verdict = await inspectDemo(client);
      if (verdict.kind === "not-demo" && !options.force) throw new NotTheDemoError(verdict);
      const { rows } = await client.query<{ name: string }>(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
      );
      // Read under the same snapshot as the truncate: exactly the files of the rows it removes.
      keys = await storedFileKeys(client);
      if (rows.length > 0) {
        await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_truncate"`);
        await client.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")} RESTART IDENTITY CASCADE`);
        await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_truncate"`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await client.end();
  }
  const filesRemoved = await removeFiles(keys, options.store, log);
  log(`emptied the database and removed ${filesRemoved} stored file(s); loading the demo`);
  const { seedDemo } = await import("../../prisma/seed");
  await seedDemo(ownerUrl, { secrets: options.secrets });
  return { verdict, ms: Math.round(performance.now() - started), filesRemoved };
}

/**
 * Removes the files once no row names them any more. One that cannot be removed is logged
 * and left: the reset itself has succeeded, and a leftover file is only disk space.
 */
async function removeFiles(keys: string[], given: DemoFileStore | undefined, log: (line: string) => void): Promise<number> {
  if (keys.length === 0) return 0;
  // The demo's own store (prisma/demo/content.ts): the one the loader wrote with, outside Next.
  const store = given ?? (await import("../../prisma/demo/content")).demoStore();
  let removed = 0;
  for (const key of keys) {
    try {
      await store.delete(key);
      removed += 1;
    } catch (error) {
      log(`could not remove the stored file ${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return removed;
}
