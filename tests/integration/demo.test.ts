import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { hashRecoveryCode } from "@/lib/second-factor/recovery-core";
import { totpKeyFrom, unsealTotpSecretWith } from "@/lib/second-factor/totp-core";
import type { Actor } from "@/lib/auth/permissions";
import { getOwnCandidature } from "@/lib/candidates/own";
import { listConferencesForAdmin } from "@/lib/conferences/admin-queries";
import { costShares, snapshotStates } from "@/lib/costs/shares";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { sealingKeyFrom } from "@/lib/draw/seal-core";
import { seedHash } from "@/lib/draw/verifiable-draw";
import { verifyDrawsFile, verifyHearingDraws } from "@/lib/draw/verify-hearing";
import { getReviewQueue } from "@/lib/ethics/ethics-queries";
import { lookUpFollowToken } from "@/lib/forum/follow";
import { getOwnForumQueue } from "@/lib/forum/queries";
import { forumClosesAt, forumWindow } from "@/lib/forum/window";
import { readDrawsExport, readParity } from "@/lib/hearings/after-queries";
import { readOpenPool, readPublicWrittenAnswers } from "@/lib/hearings/after-hearing-queries";
import { writtenAnswerDeadline } from "@/lib/hearings/written-answer-rules";
import { parseChaptersVtt } from "@/lib/hearings/chapters";
import { getChairHearing } from "@/lib/hearings/chair-console";
import {
  approveQuestion,
  drawForCurrentCandidate,
  endHearing,
  markAnswered,
  nextCandidate,
  showQuestion,
  startHearing,
  startPresentation,
  startQa,
} from "@/lib/hearings/live";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { parityReport } from "@/lib/hearings/parity";
import { revealSeed } from "@/lib/hearings/reveal-seed";
import { webcastSourceValid } from "@/lib/hearings/rules";
import { hearingStage, STAGE_FIELDS } from "@/lib/hearings/stage";
import { startBlockers } from "@/lib/hearings/start-checks";
import { toLocalDateTime } from "@/lib/time/zones";
import { readPublicTranscript } from "@/lib/transcripts/queries";
import { liveHearingStart, LIVE_DEMO_SLUG, seedLiveDemo } from "@/prisma/demo/live";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed";
import { DEMO_CAPTIONER_KEY } from "@/prisma/demo/captions";
import { DEMO_FOLLOW_LINKS } from "@/prisma/demo/support";
import { PP18_POOL } from "@/prisma/demo/pool";
import { parseVtt } from "@/lib/captions/webvtt";
import { withAppDatabase } from "../support/app-database";

// The demo loader (prisma/seed.ts, seedDemo): what `npm start` loads into an empty database
// and `npm run demo:reset` loads again — the live demo conference dated from the load
// (prisma/demo/live.ts) and the real PP-18 as its archive (prisma/demo/pp18.ts). Loaded ONCE
// for the whole file (a load takes seconds, many on a busy machine): first what every demo
// account finds on landing and what each conference holds, then a second load that must
// change nothing, and last the chair's journey through the live hearing, which changes it.
const database = withAppDatabase();
let db: PrismaClient;
/** The key the app under test unseals with (vitest.config.ts), so the demo's seal is the app's. */
const secrets = { SEED_SEALING_KEY: process.env.SEED_SEALING_KEY };
// The demo's generated files go to a directory of this file's own, never the developer's .data/storage.
const storageDir = mkdtempSync(path.join(tmpdir(), "demo-test-"));
const previousStorageDir = process.env.STORAGE_DIR;
let loadedAt: Date;
let liveConferenceId: string;
let liveHearingId: string;

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
  process.env.STORAGE_DIR = storageDir;
  db = createDb(database.url());
  expect(await db.conference.count()).toBe(0);
  loadedAt = new Date();
  const started = performance.now();
  await seedDemo(database.url(), { secrets });
  console.log(`demo loaded into an empty database in ${Math.round(performance.now() - started)} ms`);
  const live = await db.conference.findUniqueOrThrow({ where: { slug: LIVE_DEMO_SLUG }, select: { id: true, hearings: { select: { id: true } } } });
  liveConferenceId = live.id;
  liveHearingId = live.hearings[0]?.id ?? "";
}, LOAD_TIMEOUT);

afterAll(async () => {
  await db.$disconnect();
  if (previousStorageDir === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = previousStorageDir;
  rmSync(storageDir, { recursive: true, force: true });
});

describe("the demo loader", () => {
  it("loads an empty database: conferences, every ITU Member State, one account per demo role", async () => {
    expect(await db.conference.count()).toBe(2);
    expect(await db.conference.count({ where: { isCurrent: true } })).toBe(1);
    expect(await db.memberState.count()).toBe(194);
    const users = await db.user.findMany({ select: { email: true } });
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    // Every candidate is fictional and marked so.
    expect(await db.candidate.count()).toBeGreaterThan(0);
    expect(await db.candidate.count({ where: { isDemo: false } })).toBe(0);
  });

  it("lets each demo account sign in with the password the README publishes", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, select: { passwordHash: true, role: true, disabledAt: true } });
      expect(user).toMatchObject({ role: account.role, disabledAt: null });
      expect(await verifyPassword(account.password, user.passwordHash ?? ""), account.email).toBe(true);
    }
  });

  it("enrols the staff accounts' second factor with the keys and recovery codes the README publishes (docs/decisions/023-second-factor.md)", async () => {
    const key = totpKeyFrom({ TOTP_SEALING_KEY: process.env.TOTP_SEALING_KEY });
    if (!key) throw new Error("the integration tests set TOTP_SEALING_KEY (vitest.config.ts)");
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { recoveryCodes: true } });
      if (!("totpSecret" in account)) {
        expect([user.role, user.totpSecret, user.totpEnabledAt], account.email).toEqual([account.role, null, null]);
        continue;
      }
      expect(user.totpEnabledAt, account.email).not.toBeNull();
      expect(unsealTotpSecretWith(key, user.id, user.totpSecret ?? "")).toBe(account.totpSecret);
      expect(user.recoveryCodes.map((r) => r.codeHash).sort()).toEqual(account.recoveryCodes.map((c) => hashRecoveryCode(user.id, c)).sort());
    }
  });

  it("stores every file a row names, and no other, in the app's storage", async () => {
    const [candidates, materials] = await Promise.all([
      db.candidate.findMany({ select: { photoKey: true, cvKey: true } }),
      db.material.findMany({ where: { fileKey: { not: null } }, select: { fileKey: true } }),
    ]);
    const named = [...candidates.flatMap((c) => [c.photoKey, c.cvKey]), ...materials.map((m) => m.fileKey)].filter((k): k is string => k !== null);
    const stored = readdirSync(storageDir).filter((f) => !f.endsWith(".type"));
    expect(stored.sort()).toEqual([...new Set(named)].sort());
  });
});

describe("every demo account lands on a populated area", () => {
  it("the secretariat: the conferences are listed", async () => {
    const rows = await listConferencesForAdmin(await actorFor("SECRETARIAT"));
    expect(rows.length).toBeGreaterThan(0);
  });

  it("the chair: a hearing to run, which nothing blocks from starting", async () => {
    const chair = await actorFor("CHAIR");
    const hearing = await getChairHearing(chair);
    expect(hearing?.id).toBe(liveHearingId);
    const row = await db.hearing.findUniqueOrThrow({
      where: { id: hearing?.id ?? "" },
      select: { ...STAGE_FIELDS, conference: { select: { isCurrent: true } } },
    });
    expect(row.conference.isCurrent).toBe(true);
    expect(hearingStage(row)).toBe("COMMITTED");
    expect(await startBlockers(db, hearing?.id ?? "")).toEqual([]);
  });

  it("the candidate: a formal candidature of the live conference with a profile, and questions waiting in the forum's queue", async () => {
    const candidate = await actorFor("CANDIDATE");
    const own = await getOwnCandidature(candidate);
    expect(own?.status).toBe("FORMAL");
    const row = await db.candidate.findUniqueOrThrow({ where: { id: own?.id ?? "" }, select: { conferenceId: true, contactEmail: true } });
    expect(row.conferenceId).toBe(liveConferenceId);
    // A campaign contact, never on the organisation's own domain.
    expect(row.contactEmail).not.toMatch(/@itu\.int$/);
    expect(await db.candidateProfile.count({ where: { candidateId: own?.id ?? "" } })).toBeGreaterThan(0);
    expect(await getOwnForumQueue(candidate, { status: "PENDING" })).not.toHaveLength(0);
  });

  it("the member: the current conference's hearing", async () => {
    // As the members' area finds it (lib/hearings/after-queries.ts, resolvePublicHearingId), without its page cache.
    const current = await db.conference.findFirstOrThrow({ where: { isCurrent: true }, select: { id: true } });
    const hearing = await db.hearing.findFirst({ where: { conferenceId: current.id }, orderBy: { startsAt: "asc" }, select: { id: true } });
    expect(hearing?.id).toBe(liveHearingId);
  });

  it("the Ethics Office: a review waiting for its answer", async () => {
    const { pending } = await getReviewQueue(await actorFor("ETHICS_OFFICER"));
    expect(pending).not.toHaveLength(0);
  });
});

describe("the live demo", () => {
  it("is the current conference, opening about three weeks after the load", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { id: liveConferenceId } });
    expect(conference.isCurrent).toBe(true);
    expect(conference.closedAt).toBeNull();
    const days = (conference.opensOn.getTime() - loadedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(19);
    expect(days).toBeLessThan(22);
  });

  it("holds its hearing today (or tomorrow morning near midnight), ready for the chair to start", async () => {
    const hearing = await db.hearing.findUniqueOrThrow({ where: { id: liveHearingId }, include: { conference: true } });
    const { today } = liveHearingStart(loadedAt);
    const localNow = toLocalDateTime(loadedAt, hearing.conference.timeZone).slice(0, 10);
    const localStart = toLocalDateTime(hearing.startsAt, hearing.conference.timeZone).slice(0, 10);
    if (today) expect(localStart).toBe(localNow);
    expect(hearing.startsAt.getTime()).toBeGreaterThan(loadedAt.getTime());
    expect(hearing.startsAt.getTime() - loadedAt.getTime()).toBeLessThan(36 * 3_600_000);
    expect([hearing.presentationMinutes, hearing.qaMinutes, hearing.questionsPerCandidate]).toEqual([15, 15, 3]);
    expect(hearing.status).toBe("SCHEDULED");
    expect(hearing.seed).toBeNull();
    expect(hearing.sealedSeed).toMatch(/^v2:/);
  });

  it("starts tomorrow at 09:30 when loaded late in the evening", () => {
    const late = liveHearingStart(new Date("2026-03-10T22:30:00Z"), "Europe/Zurich");
    expect(late.today).toBe(false);
    expect(late.startsAt.toISOString()).toBe("2026-03-11T08:30:00.000Z");
  });

  it("has every elected post contested by formal candidates with a portrait and two languages, all with open forums", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { id: liveConferenceId } });
    const closesAt = forumClosesAt(conference);
    const posts = await db.post.findMany({
      where: { conferenceId: liveConferenceId, kind: "ELECTED_OFFICIAL" },
      include: { candidates: { include: { profiles: true } } },
    });
    expect(posts).toHaveLength(5);
    for (const post of posts) {
      const formal = post.candidates.filter((c) => c.status === "FORMAL");
      expect(formal.length).toBeGreaterThanOrEqual(2);
      for (const c of formal) {
        expect(c.isDemo).toBe(true);
        expect(c.photoKey).not.toBeNull();
        expect(c.profiles.length).toBeGreaterThanOrEqual(2);
        expect(forumWindow({ candidateStatus: c.status, closesAt, conferenceClosedAt: conference.closedAt, now: loadedAt }).open).toBe(true);
      }
    }
    // Regional seats partly contested.
    const regional = await db.post.findMany({
      where: { conferenceId: liveConferenceId, kind: { not: "ELECTED_OFFICIAL" } },
      include: { _count: { select: { candidates: true } } },
    });
    expect(regional.some((p) => p._count.candidates > p.seats)).toBe(true);
    expect(regional.some((p) => p._count.candidates > 0 && p._count.candidates <= p.seats)).toBe(true);
  });

  it("sets a limit per question and per answer, allows a split that one candidate chose, and has one accommodation (docs/fairness.md#finer-clocks)", async () => {
    const hearing = await db.hearing.findUniqueOrThrow({
      where: { id: liveHearingId },
      select: {
        questionLimitSeconds: true,
        answerLimitSeconds: true,
        splitAllowed: true,
        slots: { select: { plannedPresentationMs: true, plannedQaMs: true } },
      },
    });
    expect(hearing).toMatchObject({ questionLimitSeconds: 60, answerLimitSeconds: 180, splitAllowed: true });
    expect(hearing.slots.filter((s) => s.plannedPresentationMs !== null)).toEqual([{ plannedPresentationMs: 600_000, plannedQaMs: 1_200_000 }]);
    expect(await db.hearingExtension.count({ where: { slot: { hearingId: liveHearingId }, kind: "DISABILITY" } })).toBe(1);
  });

  it("shows supports on several forum questions, in varied numbers kept with their rows, and follow links that open their questions (docs/decisions/049)", async () => {
    const supported = await db.forumQuestion.findMany({
      where: { candidate: { conferenceId: liveConferenceId }, supportCount: { gt: 0 } },
      select: { status: true, supportCount: true, _count: { select: { supports: true } } },
    });
    expect(supported.length).toBeGreaterThanOrEqual(5);
    expect(new Set(supported.map((q) => q.supportCount)).size).toBeGreaterThanOrEqual(4);
    for (const q of supported) expect(q).toMatchObject({ status: "PUBLISHED", supportCount: q._count.supports });
    const states: string[] = [];
    for (const { token } of DEMO_FOLLOW_LINKS) {
      const found = await lookUpFollowToken(token, { ip: "192.0.2.1" });
      expect("found" in found, token).toBe(true);
      if ("found" in found) states.push(found.found.answer ? "ANSWERED" : found.found.status);
    }
    expect(states.sort()).toEqual(["ANSWERED", "DECLINED", "PENDING", "PUBLISHED"]);
  });

  it("has questions in every state, a review in progress, a takedown, brochures and a video", async () => {
    const where = { candidate: { conferenceId: liveConferenceId } };
    const hearingId = liveHearingId;
    expect(await db.forumQuestion.count({ where: { ...where, status: "PENDING" } })).toBeGreaterThan(0);
    expect(await db.forumQuestion.count({ where: { ...where, status: "PUBLISHED", answer: { not: null } } })).toBeGreaterThan(0);
    expect(await db.forumQuestion.count({ where: { ...where, status: "PUBLISHED", answer: null } })).toBeGreaterThan(0);
    expect(await db.forumQuestion.count({ where: { ...where, status: "DECLINED" } })).toBeGreaterThan(0);
    expect(await db.hearingQuestion.count({ where: { hearingId, status: "PENDING" } })).toBeGreaterThan(0);
    expect(await db.hearingQuestion.count({ where: { hearingId, status: "APPROVED", source: "WEBCAST" } })).toBeGreaterThan(0);
    expect(await db.hearingQuestion.count({ where: { hearingId, status: "APPROVED", source: "ROOM" } })).toBeGreaterThan(0);
    expect(await db.ethicsReview.count({ where: { ...where, status: "PENDING", answeredAt: null } })).toBe(1);
    expect(await db.material.count({ where: { ...where, state: "TAKEN_DOWN", takedownReason: { not: null } } })).toBe(1);
    expect(await db.material.count({ where: { ...where, state: "PUBLISHED", kind: "BROCHURE" } })).toBeGreaterThanOrEqual(10);
    expect(await db.material.count({ where: { ...where, state: "PUBLISHED", kind: "VIDEO" } })).toBe(1);
  });
});

// The real PP-18 as the demo's completed, archived conference (prisma/demo/pp18.ts).
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

  it("gives every candidate who presented a published brochure, a PDF stored as an upload", async () => {
    const h = await archivedHearing();
    const brochures = await db.material.findMany({
      where: { candidateId: { in: h.slots.map((s) => s.candidateId) }, kind: "BROCHURE" },
      select: { candidateId: true, state: true, mimeType: true, fileKey: true, publishedAt: true },
    });
    expect(new Set(brochures.map((b) => b.candidateId))).toEqual(new Set(h.slots.map((s) => s.candidateId)));
    for (const b of brochures) {
      expect(b).toMatchObject({ state: "PUBLISHED", mimeType: "application/pdf", fileKey: expect.stringMatching(/\.pdf$/) });
      // Published during the 2018 campaign, before the hearing.
      expect(b.publishedAt?.getTime()).toBeLessThan(h.startsAt.getTime());
    }
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
    // Time ran out before the third question of two candidates (prisma/demo/pool.ts).
    const notReached = (candidateId: string) => h.questions.filter((q) => q.candidateId === candidateId && q.drawId !== null && q.status !== "ANSWERED").length;
    expect(h.questions.filter((q) => q.drawId !== null && q.status !== "ANSWERED")).toHaveLength(PP18_POOL.notReached);
    for (const row of report.rows) {
      expect(row.questions).toEqual({ drawn: 3, answered: 3 - notReached(row.candidateId) });
      expect(row.presentation.actualMs).not.toBeNull();
      expect(row.presentation.differenceMs ?? 1).toBeLessThanOrEqual(0);
      expect(Math.abs(row.qa.differenceMs ?? Infinity) - row.qa.extendedMs).toBeLessThanOrEqual(60_000);
    }
    const extensions = report.rows.flatMap((r) => r.extensions);
    expect(extensions).toHaveLength(1);
    expect(extensions[0]?.reason).not.toBe("");
    expect(h.questions.filter((q) => q.status === "ANSWERED").every((q) => q.shownAt && q.answeredAt && q.answeredAt > q.shownAt)).toBe(true);
  });

  it("publishes a written answer to a drawn question not reached, given within the deadline and before the record closed, and its open pool (docs/fairness.md#after-the-hearing)", async () => {
    const h = await archivedHearing();
    const written = await readPublicWrittenAnswers(h.id);
    const questions = written?.candidates.flatMap((c) => c.questions) ?? [];
    expect(questions).toHaveLength(PP18_POOL.notReached);
    const answers = questions.flatMap((q) => q.answers);
    expect(answers.map((a) => a.locale).sort()).toEqual(["en", "fr"]);
    const lastFinish = new Date(Math.max(...h.slots.map((s) => s.finishedAt?.getTime() ?? 0)));
    for (const a of answers) {
      expect(new Date(a.submittedAt).getTime()).toBeGreaterThan(lastFinish.getTime());
      expect(new Date(a.submittedAt).getTime()).toBeLessThan(Math.min(writtenAnswerDeadline(lastFinish).getTime(), h.closedAt?.getTime() ?? 0));
    }
    const pool = await readOpenPool(h.id);
    const outcomes = new Set(pool?.questions.map((q) => q.outcome));
    for (const outcome of ["ANSWERED_LIVE", "ANSWERED_IN_WRITING", "NOT_REACHED", "APPROVED_NOT_DRAWN", "SET_ASIDE"]) expect(outcomes).toContain(outcome);
    expect(pool?.counts.some((c) => c.withheld > 0)).toBe(true);
  });

  it("has a recording with one chapter per candidate, in running order", async () => {
    const h = await archivedHearing();
    expect(webcastSourceValid("URL", h.recordingUrl)).toBe(true);
    const chapters = parseChaptersVtt(h.chaptersVtt ?? "");
    const order = [...h.slots].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((s) => s.candidateId);
    expect(chapters.map((c) => c.candidateId)).toEqual(order);
    expect(chapters.every((c, i) => c.endMs > c.startMs && (i === 0 || c.startMs >= (chapters[i - 1]?.endMs ?? Infinity)))).toBe(true);
    // The stand-in recording lasts past the last chapter (lib/media/stand-in.ts).
    const seconds = Number(/^\/media\/stand-in\/(\d+)\/master\.m3u8$/.exec(h.recordingUrl ?? "")?.[1]);
    expect(seconds * 1000).toBeGreaterThan(chapters.at(-1)?.endMs ?? Infinity);
  });

  it("has captions for the recording on the floor and in French, and for the live demo's video; the live hearing has its captioner key (docs/decisions/040-captions.md)", async () => {
    const h = await archivedHearing();
    const tracks = await db.hearingCaptionTrack.findMany({ where: { hearingId: h.id }, orderBy: { language: "asc" } });
    expect(tracks.map((t) => t.language)).toEqual(["floor", "fr"]);
    for (const track of tracks) expect(parseVtt(track.vtt)).toMatchObject({ ok: true, vtt: track.vtt });
    const video = await db.materialCaptionTrack.findMany({
      where: { material: { candidate: { conferenceId: liveConferenceId } } },
      orderBy: { language: "asc" },
    });
    expect(video.map((t) => t.language)).toEqual(["en", "fr"]);
    const key = await db.captionerKey.findUniqueOrThrow({ where: { keyHash: createHash("sha256").update(DEMO_CAPTIONER_KEY).digest("hex") } });
    expect(key).toMatchObject({ hearingId: liveHearingId, revokedAt: null });
  });

  it("has a transcript of the floor, official, and one of the French interpretation, not official, each with a part per presentation and per question", async () => {
    const h = await archivedHearing();
    const [floor, fr] = await Promise.all([readPublicTranscript(h.id, "floor"), readPublicTranscript(h.id, "fr")]);
    expect(floor?.officialAt).not.toBeNull();
    expect(fr?.officialAt).toBeNull();
    const asked = await db.hearingQuestion.count({ where: { hearingId: h.id, drawId: { not: null }, shownAt: { not: null } } });
    for (const transcript of [floor, fr]) {
      expect(transcript?.segments.filter((s) => s.kind === "PRESENTATION")).toHaveLength(h.slots.length);
      expect(transcript?.segments.filter((s) => s.kind === "QUESTION")).toHaveLength(asked);
      expect(transcript?.segments.every((s) => s.text.length > 0)).toBe(true);
    }
    expect(fr?.segments.filter((s) => s.edited)).toHaveLength(1);
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
});

describe("the demo hearings' question sources (docs/fairness.md#question-sources)", () => {
  it("say who asked: all four sources, Member States of several regions, some checked, consents and set-aside reasons, never the candidate's own state", async () => {
    for (const where of [{ hearingId: liveHearingId }, { hearing: { conference: { slug: { not: LIVE_DEMO_SLUG } } } }]) {
      const questions = await db.hearingQuestion.findMany({
        where,
        select: {
          askerKind: true,
          askerStateId: true,
          askerRegion: true,
          askerVerified: true,
          askerOrigin: true,
          publishConsent: true,
          status: true,
          setAsideReason: true,
          candidate: { select: { memberStateId: true } },
        },
      });
      expect(new Set(questions.map((q) => q.askerKind))).toEqual(new Set(["MEMBER_STATE", "SECTOR_MEMBER", "PUBLIC", "PRESS"]));
      const states = questions.filter((q) => q.askerKind === "MEMBER_STATE");
      expect(new Set(states.map((q) => q.askerRegion)).size).toBeGreaterThanOrEqual(3);
      expect(states.every((q) => q.askerStateId !== null && q.askerStateId !== q.candidate.memberStateId)).toBe(true);
      expect(states.some((q) => q.askerVerified) && states.some((q) => !q.askerVerified)).toBe(true);
      expect(questions.filter((q) => q.askerKind === "SECTOR_MEMBER" || q.askerKind === "PRESS").every((q) => q.askerOrigin)).toBe(true);
      expect(questions.some((q) => q.publishConsent) && questions.some((q) => !q.publishConsent)).toBe(true);
      expect(questions.filter((q) => q.status === "SET_ASIDE").every((q) => q.setAsideReason)).toBe(true);
    }
    expect(await db.hearingQuestion.count({ where: { status: "SET_ASIDE", setAsideReason: { not: null } } })).toBeGreaterThan(0);
  });
});

describe("loading again", () => {
  it(
    "changes no row of any table, no account, no stored file and nothing of the archive",
    async () => {
      const before = await counts();
      const users = await db.user.findMany({ select: { email: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } });
      const archive = await archivedHearing();
      const files = readdirSync(storageDir).sort();
      const started = performance.now();
      await seedDemo(database.url(), { secrets });
      console.log(`demo loaded again (nothing to do) in ${Math.round(performance.now() - started)} ms`);
      expect(await counts()).toEqual(before);
      expect(await db.user.findMany({ select: { email: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } })).toEqual(users);
      expect(await archivedHearing()).toEqual(archive);
      expect(readdirSync(storageDir).sort()).toEqual(files);
      // The live demo on its own says it found its conference.
      const key = sealingKeyFrom(secrets);
      expect(
        await seedLiveDemo(db, {
          sealingKey: key,
          store: { put: () => Promise.reject(new Error("nothing to store")), delete: () => Promise.reject(new Error("nothing to delete")) },
        }),
      ).toMatchObject({
        conferenceId: liveConferenceId,
        hearingId: liveHearingId,
        created: false,
      });
    },
    LOAD_TIMEOUT,
  );
});

// The chair's console calls these services (app/[locale]/chair/actions.ts), with the hearing's
// version the page was rendered at and the confirmation of an irreversible move; the
// secretariat's "after the hearing" page reveals the seed.
describe("the demo hearing, run end to end by the demo chair", { timeout: 120_000 }, () => {
  let chair: Actor;
  let version: number;
  /** The digits of the dice rolled in the room for each candidate's draw. */
  const dice = ["3 1 4 1", "5 6 2 6", "5 3 5 2", "6 1 6 3", "2 3 4 4", "6 2 6 4"];

  const move = async (service: (call: { actor: Actor | null; input: unknown }) => Promise<PublicHearingState>, extra: object = {}) => {
    const state = await service({ actor: chair, input: { hearingId: liveHearingId, expectedVersion: String(version), ...extra } });
    version = state.version;
    return state;
  };

  beforeAll(async () => {
    chair = await actorFor("CHAIR");
    version = (await db.hearing.findUniqueOrThrow({ where: { id: liveHearingId }, select: { stateVersion: true } })).stateVersion;
  });

  it("starts at the first candidate of the drawn order and takes every candidate through presentation, Q&A and the drawn questions", async () => {
    const order = await db.hearingSlot.findMany({
      where: { hearingId: liveHearingId },
      orderBy: { position: "asc" },
      select: { candidateId: true, position: true },
    });
    expect(order.every((s, i) => s.position === i + 1)).toBe(true);
    const started = await move(startHearing, { confirmed: "yes" });
    expect(started).toMatchObject({ status: "LIVE", phase: "IDLE", candidate: { id: order[0]?.candidateId, position: 1 } });

    let confirmedPending = 0;
    for (const [index, slot] of order.entries()) {
      if (index > 0) expect(await move(nextCandidate)).toMatchObject({ phase: "IDLE", candidate: { id: slot.candidateId, position: index + 1 } });
      // The candidate's own split of the equal slot and an accommodation granted in advance count (prisma/demo/clocks.ts).
      const plan = await db.hearingSlot.findFirstOrThrow({
        where: { hearingId: liveHearingId, candidateId: slot.candidateId },
        select: { plannedPresentationMs: true, plannedQaMs: true, extensions: { select: { phase: true, addedMs: true } } },
      });
      const added = (phase: string) => plan.extensions.filter((e) => e.phase === phase).reduce((sum, e) => sum + e.addedMs, 0);
      expect(await move(startPresentation)).toMatchObject({
        phase: "PRESENTATION",
        durationMs: (plan.plannedPresentationMs ?? 15 * 60_000) + added("PRESENTATION"),
      });
      expect(await move(startQa)).toMatchObject({ phase: "QA", durationMs: (plan.plannedQaMs ?? 15 * 60_000) + added("QA") });

      // The chair's queue for this candidate: with nothing approved, the chair approves what waits.
      const queue = await db.hearingQuestion.findMany({
        where: { hearingId: liveHearingId, candidateId: slot.candidateId },
        select: { id: true, status: true },
      });
      if (queue.length === 0) continue;
      if (!queue.some((q) => q.status === "APPROVED")) {
        for (const q of queue.filter((q) => q.status === "PENDING"))
          await approveQuestion({ actor: chair, input: { hearingId: liveHearingId, questionId: q.id, expectedVersion: String(version) } });
      }
      const pending = await db.hearingQuestion.count({ where: { hearingId: liveHearingId, candidateId: slot.candidateId, status: "PENDING" } });
      if (pending > 0) confirmedPending += 1;
      const drawn = await move(drawForCurrentCandidate, { entropy: dice[index % dice.length], confirmPending: pending > 0 ? "true" : undefined });
      expect(drawn.draw).toMatchObject({ requested: 3, pendingCount: pending });
      for (const id of drawn.draw?.result ?? []) {
        expect((await move(showQuestion)).question?.id).toBe(id);
        expect((await move(markAnswered)).question).toBeNull();
      }
    }
    // Some candidates still had questions waiting: the chair confirmed drawing without them.
    expect(confirmedPending).toBeGreaterThan(0);

    const ended = await move(endHearing, { confirmed: "yes" });
    expect(ended).toMatchObject({ status: "ENDED", phase: "IDLE" });
    const slots = await db.hearingSlot.findMany({
      where: { hearingId: liveHearingId },
      select: { finishedAt: true, presentationActualMs: true, qaActualMs: true },
    });
    expect(slots.every((s) => s.finishedAt !== null && s.presentationActualMs !== null && s.qaActualMs !== null)).toBe(true);
  });

  it("publishes the parity report: every candidate, each drawn question answered", async () => {
    const parity = await readParity(liveHearingId);
    expect(parity?.status).toBe("ENDED");
    const rows = parity?.report?.rows ?? [];
    expect(rows).toHaveLength(await db.hearingSlot.count({ where: { hearingId: liveHearingId } }));
    for (const row of rows) expect(row.questions.answered).toBe(row.questions.drawn);
    // The accommodation granted in advance is shown as such, apart from extensions; the split is compared on its total.
    expect(rows.flatMap((r) => r.accommodations)).toEqual([expect.objectContaining({ kind: "DISABILITY", phase: "PRESENTATION", addedMs: 180_000 })]);
    expect(rows.flatMap((r) => r.extensions)).toEqual([]);
    expect(parity?.report?.splitsDiffer).toBe(true);
  });

  it("is revealed by the secretariat, after which every draw of the day verifies from the public export", async () => {
    const before = await readDrawsExport(liveHearingId);
    expect(before?.seed).toBeNull();
    const secretariat = await actorFor("SECRETARIAT");
    await revealSeed({ actor: secretariat, conferenceId: liveConferenceId, input: { hearingId: liveHearingId, confirmed: "yes" } });
    const file = await readDrawsExport(liveHearingId);
    if (!file) throw new Error("no draws export");
    expect(seedHash(file.seed ?? "")).toBe(file.seedHash);
    const verification = verifyDrawsFile(file);
    expect(verification.allMatch).toBe(true);
    expect(verification.draws.map((d) => d.matches)).toEqual(file.draws.map(() => true));
    // The running order and one question draw per candidate who had questions.
    expect(file.draws.filter((d) => d.kind === "RUNNING_ORDER")).toHaveLength(1);
    expect(file.draws.filter((d) => d.kind === "QUESTIONS").length).toBeGreaterThanOrEqual(5);
    // The hearing has a question quota (prisma/demo/quota.ts): its question draws are stratified (docs/decisions/045-quota-draws.md).
    expect(file.draws.filter((d) => d.kind === "QUESTIONS").every((d) => d.algorithm === "hustings-draw-v3" && d.quota && d.strata)).toBe(true);
    const hearing = await db.hearing.findUniqueOrThrow({ where: { id: liveHearingId }, select: STAGE_FIELDS });
    expect(hearingStage(hearing)).toBe("REVEALED");
  });
});
