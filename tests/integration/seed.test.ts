import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { candidatureDeadline } from "@/lib/elections/deadline";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: PrismaClient;

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
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  await seedDemo(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("the PP-18 demo seed", () => {
  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    const users = await db.user.findMany({ select: { email: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } });
    await seedDemo(database.url);
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
        chair: { select: { isStaff: true, memberStateId: true } },
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
  });

  it("creates one demo user per role, the candidate bound to a candidature", async () => {
    const users = await db.user.findMany({ select: { email: true, role: true, candidateId: true } });
    expect(users.map((u) => u.role).sort()).toEqual(["CANDIDATE", "CHAIR", "ETHICS_OFFICER", "MEMBER", "SECRETARIAT"]);
    expect(users.find((u) => u.role === "CANDIDATE")?.candidateId).toBeTruthy();
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });
});
