import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getOwnCandidature } from "@/lib/candidates/own";
import { listConferencesForAdmin } from "@/lib/conferences/admin-queries";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { getReviewQueue } from "@/lib/ethics/ethics-queries";
import { getOwnForumQueue } from "@/lib/forum/queries";
import { getChairHearing } from "@/lib/hearings/chair-console";
import { hearingStage, STAGE_FIELDS } from "@/lib/hearings/stage";
import { startBlockers } from "@/lib/hearings/start-checks";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed";
import { withAppDatabase } from "../support/app-database";

// The demo loader (prisma/seed.ts, seedDemo): what `npm start` loads into an empty database
// and `npm run demo:reset` loads again. Behaviour only — what each demo account finds on
// landing — so the demo's content may change without these tests changing with it.
const database = withAppDatabase();
let db: PrismaClient;
/** The key the demo hearing's seed is sealed with, as an app with this AUTH_SECRET derives it. */
const secrets = { AUTH_SECRET: "seed-test-auth-secret-0123456789abcdef" };

/** Rows per table of the public schema: what "nothing changed" means for a second load. */
async function counts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const result: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`);
    result[name] = Number(rows[0]?.n ?? 0);
  }
  return result;
}

async function actorFor(role: string): Promise<Actor & { email: string; name: string }> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account with the role ${role}`);
  const user = await db.user.findUniqueOrThrow({
    where: { email: account.email },
    select: { id: true, role: true, candidateId: true, email: true, name: true },
  });
  return { ...user, disabled: false };
}

// Loading takes seconds (the files are generated and stored); on a busy machine, many.
const LOAD_TIMEOUT = 180_000;

beforeAll(async () => {
  db = createDb(database.url());
  expect(await db.conference.count()).toBe(0);
  const started = performance.now();
  await seedDemo(database.url(), { secrets });
  console.log(`demo loaded into an empty database in ${Math.round(performance.now() - started)} ms`);
}, LOAD_TIMEOUT);

describe("the demo loader", () => {
  it("loads an empty database: conferences, every ITU Member State, one account per demo role", async () => {
    expect(await db.conference.count()).toBeGreaterThan(0);
    expect(await db.conference.count({ where: { isCurrent: true } })).toBe(1);
    expect(await db.memberState.count()).toBe(194);
    const users = await db.user.findMany({ select: { email: true } });
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    // Every candidate is fictional and marked so.
    expect(await db.candidate.count()).toBeGreaterThan(0);
    expect(await db.candidate.count({ where: { isDemo: false } })).toBe(0);
  });

  it(
    "is idempotent: loading it again changes no count and no account",
    async () => {
      const before = await counts();
      const users = await db.user.findMany({ select: { email: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } });
      const started = performance.now();
      await seedDemo(database.url(), { secrets });
      console.log(`demo loaded again (nothing to do) in ${Math.round(performance.now() - started)} ms`);
      expect(await counts()).toEqual(before);
      expect(await db.user.findMany({ select: { email: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } })).toEqual(users);
    },
    LOAD_TIMEOUT,
  );
});

describe("every demo account lands on a populated area", () => {
  it("the secretariat: the conferences are listed", async () => {
    const rows = await listConferencesForAdmin(await actorFor("SECRETARIAT"));
    expect(rows.length).toBeGreaterThan(0);
  });

  it("the chair: a hearing to run, which nothing blocks from starting", async () => {
    const chair = await actorFor("CHAIR");
    const hearing = await getChairHearing(chair);
    expect(hearing).not.toBeNull();
    const row = await db.hearing.findUniqueOrThrow({
      where: { id: hearing?.id ?? "" },
      select: { ...STAGE_FIELDS, conference: { select: { isCurrent: true } } },
    });
    expect(row.conference.isCurrent).toBe(true);
    expect(hearingStage(row)).toBe("COMMITTED");
    expect(await startBlockers(db, hearing?.id ?? "")).toEqual([]);
  });

  it("the candidate: a formal candidature with a profile, and questions waiting in the forum's queue", async () => {
    const candidate = await actorFor("CANDIDATE");
    const own = await getOwnCandidature(candidate);
    expect(own?.status).toBe("FORMAL");
    expect(await db.candidateProfile.count({ where: { candidateId: own?.id ?? "" } })).toBeGreaterThan(0);
    expect(await getOwnForumQueue(candidate, { status: "PENDING" })).not.toHaveLength(0);
  });

  it("the member: the current conference's hearing", async () => {
    // As the members' area finds it (lib/hearings/after-queries.ts, resolvePublicHearingId), without its page cache.
    const current = await db.conference.findFirstOrThrow({ where: { isCurrent: true }, select: { id: true } });
    const hearing = await db.hearing.findFirst({ where: { conferenceId: current.id }, orderBy: { startsAt: "asc" }, select: { id: true } });
    expect(hearing).not.toBeNull();
  });

  it("the Ethics Office: a review waiting for its answer", async () => {
    const { pending } = await getReviewQueue(await actorFor("ETHICS_OFFICER"));
    expect(pending).not.toHaveLength(0);
  });
});
