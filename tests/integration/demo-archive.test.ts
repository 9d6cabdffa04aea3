import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costShares, snapshotStates } from "@/lib/costs/shares";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { seedHash } from "@/lib/draw/verifiable-draw";
import { verifyHearingDraws } from "@/lib/draw/verify-hearing";
import { parseChaptersVtt } from "@/lib/hearings/chapters";
import { parityReport } from "@/lib/hearings/parity";
import { webcastSourceValid } from "@/lib/hearings/rules";
import { hearingStage, STAGE_FIELDS } from "@/lib/hearings/stage";
import { seedDemo } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The real PP-18 as the demo's completed, archived conference (prisma/demo/pp18.ts).

let database: TestDatabase;
let db: PrismaClient;
const secrets = { AUTH_SECRET: "demo-archive-test-auth-secret-0123456789" };
// The demo's generated files go to a directory of this file's own.
const storageDir = mkdtempSync(path.join(tmpdir(), "demo-archive-"));
const previousStorageDir = process.env.STORAGE_DIR;

beforeAll(async () => {
  process.env.STORAGE_DIR = storageDir;
  database = await createTestDatabase();
  db = createDb(database.url);
  await seedDemo(database.url, { secrets });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  if (previousStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = previousStorageDir;
  rmSync(storageDir, { recursive: true, force: true });
});

async function archivedHearing() {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" }, select: { id: true } });
  return db.hearing.findFirstOrThrow({
    where: { conferenceId: conference.id },
    select: {
      id: true,
      ...STAGE_FIELDS,
      presentationMinutes: true,
      qaMinutes: true,
      questionsPerCandidate: true,
      startsAt: true,
      startedAt: true,
      seed: true,
      sealedSeed: true,
      seedCommittedAt: true,
      costStateIds: true,
      recordingUrl: true,
      chaptersVtt: true,
      slots: {
        select: {
          candidateId: true,
          position: true,
          presentationStartedAt: true,
          presentationActualMs: true,
          qaStartedAt: true,
          qaActualMs: true,
          finishedAt: true,
          candidate: { select: { name: true } },
          extensions: { select: { phase: true, addedMs: true, reason: true, at: true } },
        },
      },
      draws: true,
      questions: { select: { candidateId: true, status: true, drawId: true, shownAt: true, answeredAt: true } },
      costItems: { select: { amountMinor: true, currency: true } },
    },
  });
}

describe("the PP-18 archive", () => {
  it("is a closed conference of Dubai, 29 October – 16 November 2018, and not the current one", async () => {
    const pp18 = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
    expect(pp18).toMatchObject({ city: "Dubai", timeZone: "Asia/Dubai", isCurrent: false });
    expect(pp18.opensOn.toISOString().slice(0, 10)).toBe("2018-10-29");
    expect(pp18.closesOn.toISOString().slice(0, 10)).toBe("2018-11-16");
    expect(pp18.closedAt?.getTime()).toBeGreaterThan(pp18.closesOn.getTime());
    const formal = await db.candidate.findMany({ where: { conferenceId: pp18.id, status: "FORMAL" }, select: { photoKey: true } });
    expect(formal.length).toBeGreaterThan(0);
    expect(formal.every((c) => c.photoKey !== null)).toBe(true);
  });

  it("has its hearing's record closed, in 2018 order: committed, drawn, started, revealed, closed", async () => {
    const h = await archivedHearing();
    expect(hearingStage(h)).toBe("CLOSED");
    expect(h.status).toBe("ENDED");
    expect(h.sealedSeed).toBeNull();
    expect(seedHash(h.seed ?? "")).toBe(h.seedHash);
    const order = h.draws.find((d) => d.kind === "RUNNING_ORDER");
    const lastFinish = Math.max(...h.slots.map((s) => s.finishedAt?.getTime() ?? Infinity));
    const times = [h.seedCommittedAt, order?.createdAt, h.startedAt, new Date(lastFinish), h.seedRevealedAt, h.closedAt].map((d) => d?.getTime() ?? NaN);
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? Infinity))).toBe(true);
    expect(h.startedAt?.getTime()).toBe(h.startsAt.getTime());
    expect(new Date(times[0] ?? 0).getUTCFullYear()).toBe(2018);
  });

  it("has every draw verified against the revealed seed", async () => {
    const h = await archivedHearing();
    const verification = verifyHearingDraws({
      hearingId: h.id,
      questionsPerCandidate: h.questionsPerCandidate,
      active: {
        seedHash: h.seedHash ?? "",
        seed: h.seed,
        committedAt: h.seedCommittedAt?.toISOString() ?? null,
        revealedAt: h.seedRevealedAt?.toISOString() ?? null,
      },
      draws: h.draws.map((d) => ({ ...d, drawnAt: d.createdAt.toISOString() })),
    });
    expect(verification.allMatch).toBe(true);
    expect(verification.draws.every((d) => d.matches === true)).toBe(true);
    expect(h.draws.filter((d) => d.kind === "QUESTIONS")).toHaveLength(h.slots.length);
    expect(h.draws.some((d) => (d.pendingCount ?? 0) > 0)).toBe(true);
    expect(h.draws.some((d) => (d.setAsideCount ?? 0) > 0)).toBe(true);
  });

  it("shows every candidate in the parity report with equal time, the questions drawn and answered, and one reasoned extension", async () => {
    const h = await archivedHearing();
    const report = parityReport({
      presentationMinutes: h.presentationMinutes,
      qaMinutes: h.qaMinutes,
      questionsPerCandidate: h.questionsPerCandidate,
      slots: h.slots.map((s) => ({
        ...s,
        name: s.candidate.name,
        drawnQuestions: h.questions.filter((q) => q.candidateId === s.candidateId && q.drawId !== null),
      })),
    });
    expect(report.rows).toHaveLength(9);
    expect(report.rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const row of report.rows) {
      expect(row.questions).toEqual({ drawn: 3, answered: 3 });
      expect(row.presentation.actualMs).not.toBeNull();
      expect(row.presentation.differenceMs ?? 1).toBeLessThanOrEqual(0);
      expect(Math.abs(row.qa.differenceMs ?? Infinity) - row.qa.extendedMs).toBeLessThanOrEqual(60_000);
    }
    const extensions = report.rows.flatMap((r) => r.extensions);
    expect(extensions).toHaveLength(1);
    expect(extensions[0]?.reason).not.toBe("");
    expect(h.questions.filter((q) => q.status === "ANSWERED").every((q) => q.shownAt && q.answeredAt && q.answeredAt > q.shownAt)).toBe(true);
  });

  it("has a recording with one chapter per candidate, in running order", async () => {
    const h = await archivedHearing();
    expect(webcastSourceValid("URL", h.recordingUrl)).toBe(true);
    const chapters = parseChaptersVtt(h.chaptersVtt ?? "");
    const order = [...h.slots].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((s) => s.candidateId);
    expect(chapters.map((c) => c.candidateId)).toEqual(order);
    expect(chapters.every((c, i) => c.endMs > c.startMs && (i === 0 || c.startMs >= (chapters[i - 1]?.endMs ?? Infinity)))).toBe(true);
  });

  it("shares its costs in Swiss francs among the presenting states, the shares adding up to the total", async () => {
    const h = await archivedHearing();
    const states = await db.memberState.findMany({ where: { id: { in: h.costStateIds } }, select: { id: true, iso3: true, iso2: true, nameEn: true } });
    const presenting = await db.candidate.findMany({ where: { id: { in: h.slots.map((s) => s.candidateId) } }, select: { memberStateId: true } });
    expect([...h.costStateIds].sort()).toEqual([...new Set(presenting.map((c) => c.memberStateId))].sort());
    const [chf, ...others] = costShares(h.costItems, snapshotStates(h.costStateIds, states));
    expect(others).toEqual([]);
    expect(chf?.currency).toBe("CHF");
    expect(chf?.shares).toHaveLength(h.costStateIds.length);
    expect(chf?.shares.reduce((sum, s) => sum + s.amountMinor, 0n)).toBe(chf?.totalMinor);
    expect(chf?.totalMinor).toBeGreaterThan(0n);
  });

  it("is written once: a second load changes nothing of it", async () => {
    const before = await archivedHearing();
    await seedDemo(database.url, { secrets });
    expect(await archivedHearing()).toEqual(before);
  });
});
