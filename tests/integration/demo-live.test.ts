import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { sealingKeyFrom } from "@/lib/draw/seal-core";
import { forumClosesAt, forumWindow } from "@/lib/forum/window";
import { startBlockers } from "@/lib/hearings/start-checks";
import { toLocalDateTime } from "@/lib/time/zones";
import { localDemoStore } from "@/prisma/demo/content";
import { liveHearingStart, seedLiveDemo, LIVE_DEMO_SLUG } from "@/prisma/demo/live";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: PrismaClient;
const sealingKey = sealingKeyFrom({ AUTH_SECRET: "demo-live-test-auth-secret-0123456789" }) as Buffer;
const now = new Date();
let conferenceId: string;
let hearingId: string | null;
const storageDir = mkdtempSync(path.join(tmpdir(), "demo-live-"));
const store = localDemoStore(storageDir);

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  const result = await seedLiveDemo(db, { sealingKey, now, store });
  conferenceId = result.conferenceId;
  hearingId = result.hearingId;
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("the live demo", () => {
  it("is the current conference, opening about three weeks after the load", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    expect(conference.slug).toBe(LIVE_DEMO_SLUG);
    expect(conference.isCurrent).toBe(true);
    expect(conference.closedAt).toBeNull();
    const days = (conference.opensOn.getTime() - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(19);
    expect(days).toBeLessThan(22);
    expect(await db.conference.count({ where: { isCurrent: true } })).toBe(1);
  });

  it("holds its hearing today (or tomorrow morning near midnight), ready for the chair to start", async () => {
    const hearing = await db.hearing.findUniqueOrThrow({ where: { id: hearingId! }, include: { conference: true } });
    const { today } = liveHearingStart(now);
    const localNow = toLocalDateTime(now, hearing.conference.timeZone).slice(0, 10);
    const localStart = toLocalDateTime(hearing.startsAt, hearing.conference.timeZone).slice(0, 10);
    if (today) expect(localStart).toBe(localNow);
    expect(hearing.startsAt.getTime()).toBeGreaterThan(now.getTime());
    expect(hearing.startsAt.getTime() - now.getTime()).toBeLessThan(36 * 3_600_000);
    expect([hearing.presentationMinutes, hearing.qaMinutes, hearing.questionsPerCandidate]).toEqual([15, 15, 3]);
    expect(hearing.status).toBe("SCHEDULED");
    expect(hearing.seed).toBeNull();
    expect(hearing.sealedSeed).toMatch(/^v2:/);
    expect(await db.$transaction((tx) => startBlockers(tx, hearing.id))).toEqual([]);
    const chair = await db.user.findUniqueOrThrow({ where: { email: "chair@demo.hustings.test" } });
    expect(hearing.chairId).toBe(chair.id);
  });

  it("has every elected post contested by formal candidates, all with open forums", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { id: conferenceId } });
    const closesAt = forumClosesAt(conference);
    const posts = await db.post.findMany({ where: { conferenceId, kind: "ELECTED_OFFICIAL" }, include: { candidates: { include: { profiles: true } } } });
    expect(posts).toHaveLength(5);
    for (const post of posts) {
      const formal = post.candidates.filter((c) => c.status === "FORMAL");
      expect(formal.length).toBeGreaterThanOrEqual(2);
      for (const c of formal) {
        expect(c.isDemo).toBe(true);
        expect(c.photoKey).not.toBeNull();
        expect(c.profiles.length).toBeGreaterThanOrEqual(2);
        expect(forumWindow({ candidateStatus: c.status, closesAt, conferenceClosedAt: conference.closedAt, now }).open).toBe(true);
      }
    }
    // Regional seats partly contested.
    const regional = await db.post.findMany({
      where: { conferenceId, kind: { not: "ELECTED_OFFICIAL" } },
      include: { _count: { select: { candidates: true } } },
    });
    expect(regional.some((p) => p._count.candidates > p.seats)).toBe(true);
    expect(regional.some((p) => p._count.candidates > 0 && p._count.candidates <= p.seats)).toBe(true);
  });

  it("has questions in every state, a review in progress and a takedown", async () => {
    const where = { candidate: { conferenceId } };
    expect(await db.forumQuestion.count({ where: { ...where, status: "PENDING" } })).toBeGreaterThan(0);
    expect(await db.forumQuestion.count({ where: { ...where, status: "PUBLISHED", answer: { not: null } } })).toBeGreaterThan(0);
    expect(await db.forumQuestion.count({ where: { ...where, status: "PUBLISHED", answer: null } })).toBeGreaterThan(0);
    expect(await db.forumQuestion.count({ where: { ...where, status: "DECLINED" } })).toBeGreaterThan(0);
    expect(await db.hearingQuestion.count({ where: { hearingId: hearingId!, status: "PENDING" } })).toBeGreaterThan(0);
    expect(await db.hearingQuestion.count({ where: { hearingId: hearingId!, status: "APPROVED", source: "WEBCAST" } })).toBeGreaterThan(0);
    expect(await db.hearingQuestion.count({ where: { hearingId: hearingId!, status: "APPROVED", source: "ROOM" } })).toBeGreaterThan(0);
    expect(await db.ethicsReview.count({ where: { ...where, status: "PENDING", answeredAt: null } })).toBe(1);
    expect(await db.material.count({ where: { ...where, state: "TAKEN_DOWN", takedownReason: { not: null } } })).toBe(1);
    expect(await db.material.count({ where: { ...where, state: "PUBLISHED", kind: "BROCHURE" } })).toBeGreaterThanOrEqual(10);
    expect(await db.material.count({ where: { ...where, state: "PUBLISHED", kind: "VIDEO" } })).toBe(1);
  });

  it("binds the candidate account to a live candidate with a non-corporate contact", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "candidate@demo.hustings.test" }, include: { candidate: true } });
    expect(user.candidate?.conferenceId).toBe(conferenceId);
    expect(user.candidate?.contactEmail).not.toMatch(/@itu\.int$/);
    expect(await db.forumQuestion.count({ where: { candidateId: user.candidateId!, status: "PENDING" } })).toBeGreaterThan(0);
  });

  it("is idempotent", async () => {
    const before = await db.candidate.count();
    const again = await seedLiveDemo(db, { sealingKey, now, store });
    expect(again).toMatchObject({ conferenceId, created: false });
    expect(await db.candidate.count()).toBe(before);
  });

  it("starts tomorrow at 09:30 when loaded late in the evening", () => {
    const late = liveHearingStart(new Date("2026-03-10T22:30:00Z"), "Europe/Zurich");
    expect(late.today).toBe(false);
    expect(late.startsAt.toISOString()).toBe("2026-03-11T08:30:00.000Z");
  });
});
