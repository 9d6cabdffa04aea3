import { createHash } from "node:crypto";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confidentialView } from "../../lib/audit/confidential";
import { deployMigrations } from "../../lib/db/migrate";
import { SCHEMA_PATH, applyMigrations, diagnose, diffMigrationsToSchema } from "../../scripts/db/engine";
import { MIGRATIONS_DIR, createEmptyTestDatabase, createTestDatabase, testServerUrl, type TestDatabase } from "../support/database";

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

async function localMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A copy of the migrations folder a test may edit. */
async function copyOfMigrations(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hustings-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

describe("deployMigrations on an empty database", () => {
  let database: TestDatabase;
  let first: { applied: string[] };

  beforeAll(async () => {
    database = await createEmptyTestDatabase();
    first = await deployMigrations(database.url, { migrationsDir: MIGRATIONS_DIR });
  });
  afterAll(() => database?.drop());

  it("applies every migration, in folder order", async () => {
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.applied).toEqual(await localMigrations());
  });

  it("applies nothing the second time", async () => {
    expect(await deployMigrations(database.url, { migrationsDir: MIGRATIONS_DIR })).toEqual({ applied: [] });
  });

  it("records each migration in _prisma_migrations as Prisma does", async () => {
    const rows = await withClient(database.url, (client) =>
      client.query<MigrationRow>("SELECT * FROM _prisma_migrations ORDER BY started_at").then((result) => result.rows),
    );
    const expected = await Promise.all(
      (await localMigrations()).map(async (name) => ({
        name,
        checksum: createHash("sha256")
          .update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql")))
          .digest("hex"),
      })),
    );
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(expected);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const copy = await copyOfMigrations();
    try {
      const [firstName] = await localMigrations(copy.dir);
      await appendFile(path.join(copy.dir, String(firstName), "migration.sql"), "\n-- an afterthought\n");
      await expect(deployMigrations(database.url, { migrationsDir: copy.dir })).rejects.toThrow(/changed after they were applied/);
    } finally {
      await copy.remove();
    }
  });

  it("accepts the same file checked out with CRLF line endings, as Prisma does", async () => {
    const copy = await copyOfMigrations();
    try {
      for (const name of await localMigrations(copy.dir)) {
        const file = path.join(copy.dir, name, "migration.sql");
        await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
      }
      expect(await deployMigrations(database.url, { migrationsDir: copy.dir })).toEqual({ applied: [] });
    } finally {
      await copy.remove();
    }
  });
});

describe("deployMigrations after a failed migration", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it("refuses to go on, as prisma migrate deploy does (P3009)", async () => {
    await withClient(database.url, (client) =>
      client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)
         VALUES (gen_random_uuid(), repeat('0', 64), '29991231000000_broken', 'syntax error', now(), 0)`,
      ),
    );
    await expect(deployMigrations(database.url, { migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(/29991231000000_broken failed/);
  });
});

describe("the AuditEvent table", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await withClient(database.url, (client) =>
      client.query(`INSERT INTO "AuditEvent" (area, action, entity, "entityId") VALUES ('test', 'create', 'thing', 't1')`),
    );
  });
  afterAll(() => database?.drop());

  const refusal = { code: "55000", message: expect.stringContaining("audit events are append-only") };

  it("refuses UPDATE", async () => {
    await withClient(database.url, async (client) => {
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'edited'`)).rejects.toMatchObject(refusal);
    });
  });

  it("refuses DELETE", async () => {
    await withClient(database.url, async (client) => {
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toMatchObject(refusal);
    });
  });

  it("refuses TRUNCATE", async () => {
    await withClient(database.url, async (client) => {
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toMatchObject(refusal);
    });
  });

  it("still accepts new events, and keeps the old one unchanged", async () => {
    const rows = await withClient(database.url, async (client) => {
      await client.query(`INSERT INTO "AuditEvent" (area, action, entity, "entityId") VALUES ('test', 'update', 'thing', 't1')`);
      return (await client.query<{ action: string }>(`SELECT action FROM "AuditEvent" ORDER BY id`)).rows;
    });
    expect(rows.map((row) => row.action)).toEqual(["create", "update"]);
  });
});

// docs/audit.md#the-scrub: rows written before audit rows kept ids and statuses only are rewritten,
// by the table's owner with the append-only trigger set aside for the statement and restored.
describe("the confidential audit scrub", () => {
  const SCRUB = "20261202114719_scrub_confidential_audit";
  let database: TestDatabase;
  let copy: { dir: string; remove(): Promise<void> };
  const secrets = [
    "Secret draft title",
    "Secret draft body",
    "https://secret.example/link",
    "https://secret.example/video.m3u8",
    "0123456789abcdef0123456789abcdef.pdf",
    "Secret file.pdf",
    "SecretPlaybackId",
    "Secret biography",
    "Secret vision",
    "secret-contact@example.org",
    "fedcba9876543210fedcba9876543210.jpg",
    "ADVICE",
    "CLEARED",
  ];
  // Rows as the application wrote them before the scrub, and one row of another area it must not touch.
  const rows: { area: string; action: string; entity: string; before?: unknown; after?: unknown }[] = [
    {
      area: "material",
      action: "updated",
      entity: "Material",
      before: {
        id: "m1",
        candidateId: "c1",
        kind: "STATEMENT",
        title: "Secret draft title",
        language: "en",
        body: "Secret draft body",
        url: null,
        fileKey: null,
        videoSource: null,
        muxPlaybackId: null,
        declaredNoSymbols: false,
        declaredNoResources: false,
        state: "DRAFT",
        publishedAt: null,
        takenDownAt: null,
        takedownReason: null,
      },
      after: {
        id: "m1",
        candidateId: "c1",
        kind: "LINK",
        title: "x",
        body: null,
        url: "https://secret.example/link",
        state: "DRAFT",
        publishedAt: "2026-11-30T10:00:00.000Z",
      },
    },
    {
      area: "material",
      action: "file-attached",
      entity: "Material",
      before: { fileKey: null, fileName: null, mimeType: null, sizeBytes: null },
      after: { fileKey: "0123456789abcdef0123456789abcdef.pdf", fileName: "Secret file.pdf", mimeType: "application/pdf", sizeBytes: "1234" },
    },
    {
      area: "material",
      action: "video-ready",
      entity: "Material",
      before: {
        videoSource: "URL",
        url: "https://secret.example/video.m3u8",
        fileKey: null,
        muxUploadId: "u1",
        muxAssetId: "a1",
        muxPlaybackId: null,
        videoError: "failed once",
      },
      after: { videoSource: "MUX", url: null, fileKey: null, muxUploadId: "u1", muxAssetId: "a1", muxPlaybackId: "SecretPlaybackId", videoError: null },
    },
    {
      area: "material",
      action: "taken-down",
      entity: "Material",
      after: { id: "m2", state: "TAKEN_DOWN", takedownReason: "Uses the emblem.", title: "Secret draft title" },
    },
    { area: "material", action: "weird", entity: "Material", after: "Secret draft body" },
    {
      area: "ethics",
      action: "review-answered",
      entity: "EthicsReview",
      before: { id: "r1", materialId: "m1", candidateId: "c1", status: "PENDING" },
      after: { id: "r1", materialId: "m1", candidateId: "c1", status: "ADVICE" },
    },
    {
      area: "ethics",
      action: "review-answered",
      entity: "EthicsReview",
      after: { id: "r2", materialId: "m1", candidateId: "c1", status: "CLEARED", answer: "Secret vision" },
    },
    {
      area: "candidate",
      action: "profile-updated",
      entity: "Candidate",
      before: { languages: ["English"], website: null, contactEmail: null, version: null },
      after: {
        languages: ["English"],
        website: "https://secret.example/link",
        contactEmail: "secret-contact@example.org",
        version: { locale: "en", biography: "Secret biography", vision: "Secret vision", visionFormat: "MARKDOWN", publishedAt: null },
      },
    },
    {
      area: "candidate",
      action: "photo-set",
      entity: "Candidate",
      before: { photoKey: null },
      after: { photoKey: "fedcba9876543210fedcba9876543210.jpg", fileName: "Secret file.pdf", mime: "image/jpeg", size: 10 },
    },
    {
      area: "candidate",
      action: "profile-published",
      entity: "CandidateProfile",
      before: { locale: "en", publishedAt: null },
      after: { id: "p1", locale: "en", publishedAt: "2026-11-30T10:00:00.000Z" },
    },
    { area: "candidate", action: "updated", entity: "Candidate", before: { name: "Ada Lovelace" }, after: { name: "Ada King" } },
    { area: "post", action: "created", entity: "Post", after: { code: "SG", title: "Secret draft title" } },
  ];

  beforeAll(async () => {
    database = await createEmptyTestDatabase();
    copy = await copyOfMigrations();
    // The history up to the scrub, without it (and without anything after it).
    for (const name of await localMigrations(copy.dir)) if (name >= SCRUB) await rm(path.join(copy.dir, name), { recursive: true });
    await deployMigrations(database.url, { migrationsDir: copy.dir });
    await withClient(database.url, async (client) => {
      for (const [i, row] of rows.entries()) {
        await client.query(`INSERT INTO "AuditEvent" (area, action, entity, "entityId", before, after) VALUES ($1, $2, $3, $4, $5, $6)`, [
          row.area,
          row.action,
          row.entity,
          `e${i}`,
          row.before === undefined ? null : JSON.stringify(row.before),
          row.after === undefined ? null : JSON.stringify(row.after),
        ]);
      }
    });
    const { applied } = await deployMigrations(database.url, { migrationsDir: MIGRATIONS_DIR });
    expect(applied).toContain(SCRUB);
  });
  afterAll(async () => {
    await copy?.remove();
    await database?.drop();
  });

  const scrubbed = () =>
    withClient(database.url, (client) =>
      client
        .query<{ entityId: string; area: string; action: string; before: unknown; after: unknown }>(
          `SELECT "entityId", area, action, before, after FROM "AuditEvent" ORDER BY id`,
        )
        .then((r) => r.rows),
    );

  it("leaves no draft's words, address, file or playback id, no profile's words and no Ethics outcome", async () => {
    const written = JSON.stringify((await scrubbed()).filter((r) => r.area !== "post" && r.action !== "updated"));
    for (const secret of secrets) expect(written, secret).not.toContain(secret);
  });

  it("rewrites each row to what the application writes now, and touches no other row", async () => {
    const after = await scrubbed();
    expect(after).toHaveLength(rows.length);
    for (const [i, row] of rows.entries()) {
      const expected = (value: unknown) => (value === undefined ? null : (confidentialView(row.area, row.action, value) ?? null));
      expect(after[i], `${row.area} ${row.action}`).toEqual({
        entityId: `e${i}`,
        area: row.area,
        action: row.action,
        before: expected(row.before),
        after: expected(row.after),
      });
    }
    expect(after[0]?.after).toEqual({ id: "m1", candidateId: "c1", kind: "LINK", state: "DRAFT", publishedAt: "2026-11-30T10:00:00.000Z" });
    expect(after[1]?.after).toEqual({ hasFile: true });
    expect(after[2]).toMatchObject({
      before: { videoSource: "URL", hasFile: false, hasPlaybackId: false, videoFailed: true },
      after: { videoSource: "MUX", hasPlaybackId: true },
    });
    expect(after[3]?.after).toEqual({ id: "m2", state: "TAKEN_DOWN", takedownReason: "Uses the emblem." });
    expect(after[4]?.after).toBeNull();
    expect(after[5]).toMatchObject({ before: { status: "PENDING" }, after: { id: "r1", materialId: "m1", candidateId: "c1", status: "ANSWERED" } });
    expect(after[7]).toMatchObject({ before: { version: null }, after: { version: { locale: "en", publishedAt: null } } });
    expect(after[8]).toMatchObject({ before: { hasPhoto: false }, after: { hasPhoto: true } });
    expect(after[10]).toMatchObject({ before: { name: "Ada Lovelace" }, after: { name: "Ada King" } });
    expect(after[11]?.after).toEqual({ code: "SG", title: "Secret draft title" });
  });

  it("restores the append-only trigger and leaves no helper function behind", async () => {
    await withClient(database.url, async (client) => {
      const trigger = await client.query<{ tgenabled: string }>(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'AuditEvent_append_only'`);
      expect(trigger.rows).toEqual([{ tgenabled: "O" }]);
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'edited'`)).rejects.toMatchObject({ code: "55000" });
      const helpers = await client.query(`SELECT proname FROM pg_proc WHERE proname LIKE 'audit_scrub%'`);
      expect(helpers.rows).toEqual([]);
    });
  });
});

// The WebAssembly schema engine (scripts/db), checked against the same migrations.
describe("Prisma's schema engine", () => {
  it("finds schema.prisma and the committed migrations in agreement (db:migrate:check)", async () => {
    const diff = await diffMigrationsToSchema({ serverUrl: testServerUrl(), script: true });
    expect(diff.stdout).toContain("empty migration");
    expect(diff.exitCode).toBe(0);
  });

  it("reports drift when schema.prisma gains a model no migration creates", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hustings-schema-"));
    try {
      const schemaPath = path.join(dir, "schema.prisma");
      await writeFile(schemaPath, `${await readFile(SCHEMA_PATH, "utf8")}\nmodel DriftProbe {\n  id Int @id\n}\n`);
      const diff = await diffMigrationsToSchema({ serverUrl: testServerUrl(), script: true, schemaPath });
      expect(diff.exitCode).toBe(2);
      expect(diff.stdout).toContain(`CREATE TABLE "DriftProbe"`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe("and the pg runner share one history", () => {
    let byRunner: TestDatabase;
    let byEngine: TestDatabase;
    beforeAll(async () => {
      [byRunner, byEngine] = await Promise.all([createTestDatabase(), createEmptyTestDatabase()]);
    });
    afterAll(() => Promise.all([byRunner?.drop(), byEngine?.drop()]));

    it("the engine reads a database the runner migrated as up to date (db:migrate:status)", async () => {
      expect(await diagnose(byRunner.url, MIGRATIONS_DIR)).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
    });

    it("the runner finds nothing to do on a database the engine migrated (db:migrate:deploy)", async () => {
      const { appliedMigrationNames } = await applyMigrations(byEngine.url, MIGRATIONS_DIR);
      expect(appliedMigrationNames).toEqual(await localMigrations());
      expect(await deployMigrations(byEngine.url, { migrationsDir: MIGRATIONS_DIR })).toEqual({ applied: [] });
    });
  });
});
