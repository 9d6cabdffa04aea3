import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { prune } from "@/lib/db/prune";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeReadyHearing } from "../support/factories-live";

// `npm run db:prune` (docs/deploy.md#retention): counts by default, deletes with --apply, and
// only what the retention lets go — never pending mail, never a hearing's latest event.

const NOW = new Date("2031-06-01T00:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

describe("db:prune", () => {
  let database: TestDatabase;
  let db: PrismaClient;
  let client: pg.Client;
  let hearingId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The hearing's factory seals its seed with the app's key, which reads the app's environment.
    process.env.DATABASE_URL ??= database.url;
    db = createDb(database.url);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    ({ hearingId } = await makeReadyHearing(db));
    await client.query(
      `INSERT INTO "LoginAttempt" (email, ip, succeeded, at) VALUES ('old@example.org', '192.0.2.1', false, $1), ('new@example.org', '192.0.2.2', true, $2)`,
      [daysAgo(31), daysAgo(1)],
    );
    await client.query(
      `INSERT INTO "OutboxMessage" (id, "toAddress", subject, body, kind, status, "createdAt") VALUES
         ('sent-old', 'a@example.org', 's', 'b', 'k', 'SENT', $1), ('failed-old', 'a@example.org', 's', 'b', 'k', 'FAILED', $1),
         ('pending-old', 'a@example.org', 's', 'b', 'k', 'PENDING', $1), ('sent-new', 'a@example.org', 's', 'b', 'k', 'SENT', $2)`,
      [daysAgo(91), daysAgo(10)],
    );
    await client.query(`DELETE FROM "HearingEvent" WHERE "hearingId" = $1`, [hearingId]);
    await client.query(
      `INSERT INTO "HearingEvent" ("hearingId", version, type, payload, at) VALUES ($1, 1, 'start', '{}', $2), ($1, 2, 'next', '{}', $2), ($1, 3, 'end', '{}', $2)`,
      [hearingId, daysAgo(200)],
    );
  });
  afterAll(async () => {
    await client?.end();
    await db?.$disconnect();
    await database?.drop();
  });

  const remaining = async () => ({
    attempts: (await client.query<{ email: string }>(`SELECT email FROM "LoginAttempt" ORDER BY email`)).rows.map((r) => r.email),
    mail: (await client.query<{ id: string }>(`SELECT id FROM "OutboxMessage" ORDER BY id`)).rows.map((r) => r.id),
    events: (await client.query<{ version: number }>(`SELECT version FROM "HearingEvent" WHERE "hearingId" = $1 ORDER BY version`, [hearingId])).rows.map(
      (r) => r.version,
    ),
  });

  it("counts without deleting unless asked to apply", async () => {
    const before = await remaining();
    const counts = await prune(database.url, { dryRun: true, now: NOW });
    expect(Object.fromEntries(counts.map((c) => [c.name, c.rows]))).toMatchObject({
      "sign-in attempts": 1,
      "sent or failed mail": 2,
      "hearing events (each hearing's latest kept)": 2,
    });
    expect(await remaining()).toEqual(before);
  });

  it("deletes what the retention lets go, and keeps pending mail and each hearing's latest event", async () => {
    await prune(database.url, { dryRun: false, now: NOW });
    expect(await remaining()).toEqual({ attempts: ["new@example.org"], mail: ["pending-old", "sent-new"], events: [3] });
  });

  it("takes other retention periods", async () => {
    const later = new Date(NOW.getTime() + 60_000);
    const counts = await prune(database.url, { dryRun: true, now: later, days: { loginAttempts: 1 } });
    // The attempt made a day before NOW is a day and a minute old.
    expect(counts.find((c) => c.name === "sign-in attempts")).toMatchObject({ rows: 1, olderThan: new Date(daysAgo(1).getTime() + 60_000) });
  });
});
