import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { inspectDemo, NotTheDemoError, resetDemoDatabase } from "@/lib/demo/reset-core";
import { resetDemo } from "@/lib/demo/reset-service";
import { isDomainError } from "@/lib/errors/domain-error";
import { seedDemo } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeCandidate, makeConference, makeMemberState, makePost } from "../support/factories";
import { actorOf, expectOnlyRoleAllowed } from "../support/roles";

// The reset as `npm run demo:reset` and the console run it (docs/decisions/017-demo-reset.md),
// as the tables' owner: the test server's superuser, like the embedded demo's.
const secrets = { AUTH_SECRET: "demo-reset-test-auth-secret-0123456789" };
let database: TestDatabase;
let db: PrismaClient;
const storageDir = mkdtempSync(path.join(tmpdir(), "demo-reset-"));
const previousStorageDir = process.env.STORAGE_DIR;

async function counts() {
  return {
    conferences: await db.conference.count(),
    candidates: await db.candidate.count(),
    users: await db.user.count(),
    hearings: await db.hearing.count(),
    draws: await db.draw.count(),
    questions: await db.forumQuestion.count(),
  };
}

async function verdict(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await inspectDemo(client);
  } finally {
    await client.end();
  }
}

/** The files the database names: the demo's portraits, brochures and video, and any upload since. */
async function namedFiles(): Promise<string[]> {
  const [candidates, materials] = await Promise.all([
    db.candidate.findMany({ select: { photoKey: true, cvKey: true } }),
    db.material.findMany({ where: { fileKey: { not: null } }, select: { fileKey: true } }),
  ]);
  return [...candidates.flatMap((c) => [c.photoKey, c.cvKey]), ...materials.map((m) => m.fileKey)].filter((k): k is string => k !== null).sort();
}

/** What is in the storage directory, each file once (its `.type` beside it left out). */
function storedFiles(): string[] {
  return readdirSync(storageDir)
    .filter((f) => !f.endsWith(".type"))
    .sort();
}

beforeAll(async () => {
  // The demo's files, and the reset's removal of them, in a directory of this file's own.
  process.env.STORAGE_DIR = storageDir;
  database = await createTestDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  if (previousStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = previousStorageDir;
  rmSync(storageDir, { recursive: true, force: true });
});

// Each reset loads the demo again: seconds, many on a busy machine. Three loads in all: the
// first, the forced reset and the console's.
describe("resetting the demo", { timeout: 180_000 }, () => {
  it("recognises an empty database, then the loaded demo", async () => {
    expect(await verdict(database.url)).toEqual({ kind: "empty" });
    await seedDemo(database.url, { secrets });
    expect(await verdict(database.url)).toEqual({ kind: "demo" });
    expect(storedFiles()).toEqual(await namedFiles());
  });

  it("refuses a database with a real candidature, changing nothing; forced, it puts back the starting state, audit log and files included", async () => {
    const start = await counts();
    const startFiles = storedFiles();
    // What people do in a demo: change things, upload, leave audit rows — and here a real candidature.
    await db.auditEvent.create({ data: { area: "test", action: "tried", entity: "Test", entityId: "x" } });
    await db.user.deleteMany({ where: { email: "member@demo.hustings.test" } });
    const uploaded = "0123456789abcdef0123456789abcdef.pdf";
    writeFileSync(path.join(storageDir, uploaded), "%PDF-1.4 uploaded during the demo");
    writeFileSync(path.join(storageDir, `${uploaded}.type`), "application/pdf");
    const bound = await db.candidate.findFirstOrThrow({ where: { user: { email: "candidate@demo.hustings.test" } }, select: { id: true } });
    await db.candidate.update({ where: { id: bound.id }, data: { cvKey: uploaded } });
    // A file no row names is not the database's to remove.
    const stray = "fedcba9876543210fedcba9876543210.png";
    writeFileSync(path.join(storageDir, stray), "not the demo's");
    const conference = await makeConference(db);
    const post = await makePost(db, conference.id);
    const state = await makeMemberState(db);
    await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id });
    const before = await counts();
    expect(await verdict(database.url)).toEqual({ kind: "not-demo", reason: "real-candidates" });
    await expect(resetDemoDatabase(database.url, { secrets })).rejects.toBeInstanceOf(NotTheDemoError);
    expect(await counts()).toEqual(before);
    expect(storedFiles()).toEqual([...startFiles, uploaded, stray].sort());

    const { ms, filesRemoved } = await resetDemoDatabase(database.url, { secrets, force: true });
    console.log(`demo reset in ${ms} ms`);
    expect(await counts()).toEqual(start);
    expect(await db.candidate.count({ where: { isDemo: false } })).toBe(0);
    expect(await db.auditEvent.count({ where: { area: "test" } })).toBe(0);
    expect(await db.user.count({ where: { email: "member@demo.hustings.test" } })).toBe(1);
    // The old demo's files and the upload are gone; the new demo's are there, and the stray file is untouched.
    expect(filesRemoved).toBe(startFiles.length + 1);
    const newFiles = await namedFiles();
    expect(newFiles.some((f) => startFiles.includes(f))).toBe(false);
    expect(storedFiles()).toEqual([...newFiles, stray].sort());
    expect(readdirSync(storageDir)).not.toContain(`${uploaded}.type`);

    // The truncate guard is back on, even for the owner.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
      const { rows } = await client.query<{ tgenabled: string }>(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'AuditEvent_no_truncate'`);
      expect(rows[0]?.tgenabled).toBe("O");
    } finally {
      await client.end();
    }
  });

  it("refuses a database with accounts but none of the demo's", async () => {
    await db.$executeRaw`UPDATE "User" SET email = replace(email, '@demo.hustings.test', '@example.org')`;
    expect(await verdict(database.url)).toEqual({ kind: "not-demo", reason: "no-demo-account" });
    await expect(resetDemoDatabase(database.url, { secrets })).rejects.toBeInstanceOf(NotTheDemoError);
  });
});

async function refusal(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the secretariat's Reset the demo", { timeout: 180_000 }, () => {
  const secretariat = actorOf("SECRETARIAT");
  const confirmed = { confirm: "RESET" };

  it("is the secretariat's alone, refused to everyone else before anything is read", async () => {
    process.env.DEMO_RESET_DATABASE_URL = database.url;
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => resetDemo({ actor, input: confirmed }));
  });

  it("is refused outside the local demo, where the app has no owner's connection", async () => {
    delete process.env.DEMO_RESET_DATABASE_URL;
    expect(await refusal(() => resetDemo({ actor: secretariat, input: confirmed }))).toMatchObject({
      code: "FORBIDDEN",
      messageKey: "admin.demoReset.unavailable",
    });
  });

  it("needs the word typed, and refuses a database that is not the demo", async () => {
    process.env.DEMO_RESET_DATABASE_URL = database.url;
    for (const input of [{}, { confirm: "" }, { confirm: "reset" }, { confirm: "yes" }]) {
      expect(await refusal(() => resetDemo({ actor: secretariat, input }))).toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { confirm: expect.any(String) },
      });
    }
    // The previous test left accounts that are none of the demo's.
    expect(await refusal(() => resetDemo({ actor: secretariat, input: confirmed }))).toMatchObject({ code: "CONFLICT", messageKey: "admin.demoReset.notDemo" });
  });

  it("resets the demo when confirmed", async () => {
    // Undo the earlier test's renaming: the database is the demo again (no full reload needed).
    await db.$executeRaw`UPDATE "User" SET email = replace(email, '@example.org', '@demo.hustings.test')`;
    const start = await counts();
    await db.auditEvent.create({ data: { area: "test", action: "tried", entity: "Test", entityId: "y" } });
    process.env.DEMO_RESET_DATABASE_URL = database.url;
    process.env.AUTH_SECRET = secrets.AUTH_SECRET;
    const oldFiles = await namedFiles();
    await resetDemo({ actor: secretariat, input: { confirm: " RESET " } });
    expect(await counts()).toEqual(start);
    expect(await db.auditEvent.count({ where: { area: "test" } })).toBe(0);
    // `npm run demo:reset` itself ran, with the app's storage: the old files went with the old rows.
    const newFiles = await namedFiles();
    expect(newFiles.some((f) => oldFiles.includes(f))).toBe(false);
    expect(storedFiles()).toEqual([...newFiles, "fedcba9876543210fedcba9876543210.png"].sort());
  });
});
