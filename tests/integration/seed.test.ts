import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { sealingKeyFrom, unsealSeedWith } from "@/lib/draw/seal-core";
import { seedHash } from "@/lib/draw/verifiable-draw";
import { verifyHearingDraws, type PublishedDraw } from "@/lib/draw/verify-hearing";
import { candidatureDeadline } from "@/lib/elections/deadline";
import { hearingStage, STAGE_FIELDS } from "@/lib/hearings/stage";
import { startBlockers } from "@/lib/hearings/start-checks";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: PrismaClient;
/** The key the demo hearing's seed is sealed with, as an app with this AUTH_SECRET derives it. */
const secrets = { AUTH_SECRET: "seed-test-auth-secret-0123456789abcdef" };
const sealingKey = sealingKeyFrom(secrets) as Buffer;

async function counts() {
  return {
    memberStates: await db.memberState.count(),
    conferences: await db.conference.count(),
    posts: await db.post.count(),
    candidates: await db.candidate.count(),
    profiles: await db.candidateProfile.count(),
    history: await db.candidateStatusChange.count(),
    users: await db.user.count(),
    hearings: await db.hearing.count(),
    slots: await db.hearingSlot.count(),
    draws: await db.draw.count(),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  await seedDemo(database.url, { secrets });
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("the PP-18 demo seed", () => {
  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    const users = await db.user.findMany({ select: { email: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } });
    await seedDemo(database.url, { secrets });
    expect(await counts()).toEqual(before);
    expect(await db.user.findMany({ select: { email: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } })).toEqual(users);
  });

  it("loads every ITU Member State with its region, Palau marked as admitted after PP-18", async () => {
    expect(await db.memberState.count()).toBe(194);
    const byRegion = await db.memberState.groupBy({ by: ["region"], _count: true, orderBy: { region: "asc" } });
    expect(byRegion.map((r) => [r.region, r._count])).toEqual([
      ["A", 35],
      ["B", 33],
      ["C", 21],
      ["D", 54],
      ["E", 51],
    ]);
    const palau = await db.memberState.findUniqueOrThrow({ where: { iso3: "PLW" } });
    expect(palau.admittedOn?.toISOString().slice(0, 10)).toBe("2024-09-19");
  });

  it("sets up PP-18 with the GR170 deadline of 1 October 2018", async () => {
    const pp18 = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
    // The demo is what the public home shows (docs/decisions/012), and it is open.
    expect(pp18).toMatchObject({ city: "Dubai", timeZone: "Asia/Dubai", isCurrent: true, closedAt: null });
    expect(pp18.opensOn.toISOString().slice(0, 10)).toBe("2018-10-29");
    expect(pp18.closesOn.toISOString().slice(0, 10)).toBe("2018-11-16");
    expect(candidatureDeadline(pp18)).toMatchObject({ source: "GR170", at: new Date("2018-10-01T21:59:00Z") });
  });

  it("has the five elected posts, one unopposed and the others with two or three demo candidates", async () => {
    const posts = await db.post.findMany({
      where: { kind: "ELECTED_OFFICIAL" },
      select: { code: true, candidates: { select: { isDemo: true } } },
    });
    expect(posts.map((p) => p.code).sort()).toEqual(["BDT", "BR", "DSG", "SG", "TSB"]);
    const sizes = posts.map((p) => p.candidates.length).sort();
    expect(sizes).toEqual([1, 2, 2, 2, 3]);
    expect(posts.flatMap((p) => p.candidates).every((c) => c.isDemo)).toBe(true);
    expect(await db.candidate.count()).toBe(10);
  });

  it("models RRB and Council seats by region", async () => {
    const rrb = await db.post.findMany({ where: { kind: "RRB_SEAT" }, select: { region: true, seats: true } });
    const council = await db.post.findMany({ where: { kind: "COUNCIL_SEAT" }, select: { region: true, seats: true } });
    expect(rrb.reduce((n, p) => n + p.seats, 0)).toBe(12);
    expect(council.reduce((n, p) => n + p.seats, 0)).toBe(48);
    expect(new Set(rrb.map((p) => p.region))).toEqual(new Set(["A", "B", "C", "D", "E"]));
  });

  it("marks every vision statement as fictional demo content", async () => {
    const profiles = await db.candidateProfile.findMany({ select: { vision: true } });
    expect(profiles.length).toBeGreaterThan(0);
    for (const p of profiles) expect(p.vision).toMatch(/Demo|démonstration|fictional|fictif/i);
  });

  it("schedules one hearing on 28 October 2018 with equal 15/15-minute slots and an impartial chair", async () => {
    const hearing = await db.hearing.findFirstOrThrow({
      select: {
        startsAt: true,
        presentationMinutes: true,
        qaMinutes: true,
        chair: { select: { isStaff: true, memberStateId: true, nationalityId: true } },
        slots: { select: { candidate: { select: { memberStateId: true, status: true } } } },
      },
    });
    expect(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Dubai" }).format(hearing.startsAt)).toBe("2018-10-28");
    expect([hearing.presentationMinutes, hearing.qaMinutes]).toEqual([15, 15]);
    expect(hearing.slots.length).toBe(9);
    expect(hearing.slots.every((s) => s.candidate.status === "FORMAL")).toBe(true);
    expect(hearing.chair?.isStaff).toBe(false);
    const presenting = new Set(hearing.slots.map((s) => s.candidate.memberStateId));
    expect(presenting.has(hearing.chair?.memberStateId ?? "")).toBe(false);
    expect(presenting.has(hearing.chair?.nationalityId ?? "")).toBe(false);
  });

  it("commits the hearing's seed sealed, dated and published, with the running order drawn under it with the dice's digits", async () => {
    const hearing = await db.hearing.findFirstOrThrow({
      select: {
        id: true,
        ...STAGE_FIELDS,
        seed: true,
        sealedSeed: true,
        seedCommittedAt: true,
        slots: { select: { candidateId: true, position: true } },
        draws: { select: { kind: true, seedHash: true, entropy: true, algorithm: true, eligibleIds: true, result: true, createdAt: true } },
      },
    });
    // Committed, not started: the chair of the demo can start it (docs/decisions/014-hearing-record-integrity.md).
    expect(hearingStage(hearing)).toBe("COMMITTED");
    expect(hearing.seed).toBeNull();
    expect(hearing.sealedSeed).toMatch(/^v2:/);
    const seed = unsealSeedWith(sealingKey, hearing.sealedSeed ?? "");
    expect(hearing.sealedSeed).not.toContain(seed);
    expect(seedHash(seed)).toBe(hearing.seedHash);
    expect(hearing.seedCommittedAt).not.toBeNull();

    expect(hearing.draws).toHaveLength(1);
    const [order] = hearing.draws;
    expect(order).toMatchObject({ kind: "RUNNING_ORDER", seedHash: hearing.seedHash, entropy: "351624", algorithm: "hustings-draw-v2" });
    expect(order?.createdAt.getTime()).toBeGreaterThanOrEqual(hearing.seedCommittedAt?.getTime() ?? Infinity);
    // The slots' places are the drawn order.
    const byPlace = [...hearing.slots].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((s) => s.candidateId);
    expect(byPlace).toEqual(order?.result);
    expect([...(order?.eligibleIds ?? [])].sort()).toEqual(hearing.slots.map((s) => s.candidateId).sort());
    // Nothing blocks the start: the demo chair can open the hearing.
    expect(await startBlockers(db, hearing.id)).toEqual([]);
  });

  it("has draws that every check passes: pending while the seed is sealed, matching once it is revealed", async () => {
    const hearing = await db.hearing.findFirstOrThrow({
      select: {
        id: true,
        questionsPerCandidate: true,
        seedHash: true,
        sealedSeed: true,
        seedCommittedAt: true,
        draws: {
          select: {
            id: true,
            kind: true,
            candidateId: true,
            algorithm: true,
            seedHash: true,
            entropy: true,
            eligibleIds: true,
            count: true,
            result: true,
            createdAt: true,
          },
        },
      },
    });
    const draws: PublishedDraw[] = hearing.draws.map((d) => ({ ...d, drawnAt: d.createdAt.toISOString() }));
    const active = { seedHash: hearing.seedHash ?? "", committedAt: hearing.seedCommittedAt?.toISOString() ?? null };
    const published = verifyHearingDraws({
      hearingId: hearing.id,
      questionsPerCandidate: hearing.questionsPerCandidate,
      active: { ...active, seed: null, revealedAt: null },
      draws,
    });
    // As the verification page shows it today: nothing wrong, nothing checkable yet.
    expect(published.allMatch).toBeNull();
    expect(published.draws.every((d) => d.problems.length === 0)).toBe(true);
    // As it will show it once the secretariat reveals the seed.
    const revealed = verifyHearingDraws({
      hearingId: hearing.id,
      questionsPerCandidate: hearing.questionsPerCandidate,
      active: { ...active, seed: unsealSeedWith(sealingKey, hearing.sealedSeed ?? ""), revealedAt: new Date().toISOString() },
      draws,
    });
    expect(revealed.draws.length).toBeGreaterThan(0);
    expect(revealed.draws.map((d) => d.problems)).toEqual(revealed.draws.map(() => []));
    expect(revealed.allMatch).toBe(true);
  });

  it("creates one demo user per role, the candidate bound to a candidature", async () => {
    const users = await db.user.findMany({ select: { email: true, role: true, candidateId: true } });
    expect(users.map((u) => u.role).sort()).toEqual(["CANDIDATE", "CHAIR", "ETHICS_OFFICER", "MEMBER", "SECRETARIAT"]);
    expect(users.find((u) => u.role === "CANDIDATE")?.candidateId).toBeTruthy();
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });
});
