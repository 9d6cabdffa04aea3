import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { readPublicCostShares } from "@/lib/costs/public-shares";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { getConference } from "@/lib/elections/queries";
import { getChairHearing } from "@/lib/hearings/chair-console";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { readChaptersVtt, readDrawsExport, readHearingReplay, readParity, resolvePublicHearingId } from "@/lib/hearings/after-queries";
import { readOpenPool, readPublicWrittenAnswers } from "@/lib/hearings/after-hearing-queries";
import { approveQuestion, drawForCurrentCandidate, endHearing, startHearing, startPresentation, startQa } from "@/lib/hearings/live";
import { readPublicRecord } from "@/lib/hearings/public-record";
import { enterRoomQuestion, submitViewerQuestion } from "@/lib/hearings/questions";
import { purgeRehearsal } from "@/lib/hearings/rehearsal-purge";
import { startRehearsal } from "@/lib/hearings/rehearsal-start";
import { revealSeed } from "@/lib/hearings/reveal-seed";
import { readWebcastView } from "@/lib/hearings/webcast";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { someAddress } from "../support/factories-forum";
import { DICE, hearingReadyToStart } from "../support/hearing-stages";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// Rehearsals (docs/decisions/018-rehearsal-hearings.md): the secretariat alone starts and
// purges one; it runs through the same services as the real hearing without touching it; no
// public read ever returns it; the purge takes everything it owns and leaves the audit log.

// The pages read through Next's data cache; here the readers are called as they are.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  secretariat = await makeUser(db, "SECRETARIAT");
});

const CONFIRMED = { confirmed: "yes" } as const;

/** Everything a hearing owns, to compare before and after. */
async function record(hearingId: string) {
  const [hearing, slots, draws, voided, questions, events, costs] = await Promise.all([
    db.hearing.findUnique({ where: { id: hearingId } }),
    db.hearingSlot.findMany({ where: { hearingId }, orderBy: { id: "asc" }, include: { extensions: true } }),
    db.draw.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
    db.voidedCommitment.findMany({ where: { hearingId } }),
    db.hearingQuestion.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
    db.hearingEvent.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
    db.costItem.findMany({ where: { hearingId } }),
  ]);
  return { hearing, slots, draws, voided, questions, events, costs };
}

/** A conference whose real hearing is set up, committed and drawn, and a rehearsal of it. */
async function withRehearsal() {
  const ready = await hearingReadyToStart(db, { secretariat });
  const { hearingId } = await startRehearsal({ actor: asActor(secretariat), conferenceId: ready.conferenceId, input: {} });
  return { ...ready, rehearsalId: hearingId };
}

/** A chair's move on `hearingId`, made against its current version, confirmed where a move asks. */
async function move(fn: (call: { actor: Actor; input: unknown }) => Promise<unknown>, chair: TestUser, hearingId: string, extra: Record<string, unknown> = {}) {
  const { stateVersion } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } });
  return fn({ actor: asActor(chair), input: { hearingId, expectedVersion: stateVersion, ...CONFIRMED, ...extra } });
}

/** The rehearsal run through every stage by the same services: commit, draw, start, a question drawn, end, reveal. */
async function runThrough(r: Awaited<ReturnType<typeof withRehearsal>>) {
  const actor = asActor(secretariat);
  await commitSeed({ actor, conferenceId: r.conferenceId, input: CONFIRMED, rehearsal: true });
  await drawRunningOrder({ actor, conferenceId: r.conferenceId, input: { entropy: DICE }, rehearsal: true });
  await move(startHearing, r.chair, r.rehearsalId);
  const first = await db.hearing.findUniqueOrThrow({ where: { id: r.rehearsalId }, select: { currentSlot: { select: { candidateId: true } } } });
  const candidateId = first.currentSlot?.candidateId ?? "";
  const { id: questionId } = await enterRoomQuestion({
    actor,
    conferenceId: r.conferenceId,
    input: { hearingId: r.rehearsalId, candidateId, askerName: "Practice asker", body: "A practice question for the rehearsal?" },
  });
  await move(approveQuestion, r.chair, r.rehearsalId, { questionId });
  await move(startPresentation, r.chair, r.rehearsalId);
  await move(startQa, r.chair, r.rehearsalId);
  await move(drawForCurrentCandidate, r.chair, r.rehearsalId, { entropy: "2 4 6 1" });
  await move(endHearing, r.chair, r.rehearsalId);
  await revealSeed({ actor, conferenceId: r.conferenceId, input: { hearingId: r.rehearsalId, ...CONFIRMED } });
}

describe("starting a rehearsal", () => {
  it("is for the secretariat alone", async () => {
    const ready = await hearingReadyToStart(db, { secretariat });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => startRehearsal({ actor, conferenceId: ready.conferenceId, input: {} }));
    expect(await db.hearing.count({ where: { conferenceId: ready.conferenceId, rehearsal: true } })).toBe(0);
  });

  it("copies the real set-up and today's presenters, starts now, and says so in the audit log", async () => {
    const before = Date.now();
    const r = await withRehearsal();
    const [real, rehearsal] = await Promise.all([
      db.hearing.findUniqueOrThrow({ where: { id: r.hearingId }, include: { slots: true } }),
      db.hearing.findUniqueOrThrow({ where: { id: r.rehearsalId }, include: { slots: true } }),
    ]);
    expect(rehearsal).toMatchObject({
      rehearsal: true,
      status: "SCHEDULED",
      seedHash: null,
      chairId: real.chairId,
      presentationMinutes: real.presentationMinutes,
      qaMinutes: real.qaMinutes,
      questionsPerCandidate: real.questionsPerCandidate,
      venue: real.venue,
      webcastKind: real.webcastKind,
      webcastSource: real.webcastSource,
      webcastAccess: real.webcastAccess,
    });
    expect(rehearsal.startsAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(rehearsal.slots.map((s) => s.candidateId).sort()).toEqual(real.slots.map((s) => s.candidateId).sort());
    expect(rehearsal.slots.every((s) => s.position === null)).toBe(true);
    const [row] = await db.auditEvent.findMany({ where: { entity: "Hearing", entityId: r.rehearsalId, action: "rehearsal-started" } });
    expect(row?.after).toMatchObject({ rehearsal: true, copiedFrom: r.hearingId });
  });

  it("refuses a second rehearsal while one exists", async () => {
    const r = await withRehearsal();
    expect(await refusalOf(startRehearsal({ actor: asActor(secretariat), conferenceId: r.conferenceId, input: {} }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "rehearsal.refusals.exists",
    });
    expect(await db.hearing.count({ where: { conferenceId: r.conferenceId, rehearsal: true } })).toBe(1);
  });

  it("refuses on a closed conference, without a real hearing, and while the real hearing runs", async () => {
    const actor = asActor(secretariat);
    const closed = await hearingReadyToStart(db, { secretariat });
    await db.conference.update({ where: { id: closed.conferenceId }, data: { closedAt: new Date() } });
    expect(await refusalOf(startRehearsal({ actor, conferenceId: closed.conferenceId, input: {} }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "conferences.CONFERENCE_CLOSED",
    });

    const empty = await db.conference.create({
      data: {
        slug: `rehearsal-${Date.now()}`,
        name: "No hearing",
        city: "Geneva",
        opensOn: new Date("2031-10-01"),
        closesOn: new Date("2031-10-20"),
        timeZone: "Europe/Zurich",
      },
    });
    expect(await refusalOf(startRehearsal({ actor, conferenceId: empty.id, input: {} }))).toMatchObject({ messageKey: "rehearsal.refusals.noHearing" });

    const live = await hearingReadyToStart(db, { secretariat });
    await move(startHearing, live.chair, live.hearingId);
    expect(await refusalOf(startRehearsal({ actor, conferenceId: live.conferenceId, input: {} }))).toMatchObject({ messageKey: "rehearsal.refusals.realLive" });
    expect(await db.hearing.count({ where: { conferenceId: { in: [closed.conferenceId, empty.id, live.conferenceId] }, rehearsal: true } })).toBe(0);
  });
});

describe("running a rehearsal", () => {
  it("goes through every stage with the same services and leaves the real hearing as it was", async () => {
    const r = await withRehearsal();
    const realBefore = await record(r.hearingId);
    // The chair's console goes to the rehearsal the secretariat started.
    expect(await getChairHearing(asActor(r.chair))).toMatchObject({ id: r.rehearsalId, rehearsal: true });

    await runThrough(r);

    const after = await record(r.rehearsalId);
    expect(after.hearing).toMatchObject({ status: "ENDED", rehearsal: true });
    expect(after.hearing?.seedRevealedAt).not.toBeNull();
    expect(after.draws.map((d) => d.kind).sort()).toEqual(["QUESTIONS", "RUNNING_ORDER"]);
    expect(after.questions).toHaveLength(1);
    expect(after.events.length).toBeGreaterThan(0);
    expect(await record(r.hearingId)).toEqual(realBefore);
    // Once the rehearsal has ended, the console goes back to the real hearing.
    expect(await getChairHearing(asActor(r.chair))).toMatchObject({ id: r.hearingId, rehearsal: false });
  });

  it("marks every audit row about the rehearsal, its questions included", async () => {
    const r = await withRehearsal();
    await runThrough(r);
    const questionIds = (await db.hearingQuestion.findMany({ where: { hearingId: r.rehearsalId }, select: { id: true } })).map((q) => q.id);
    const rows = await db.auditEvent.findMany({
      where: {
        OR: [
          { entity: "Hearing", entityId: r.rehearsalId },
          { entity: "HearingQuestion", entityId: { in: questionIds } },
        ],
      },
    });
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        "rehearsal-started",
        "seed-committed",
        "running-order-drawn",
        "hearing-started",
        "room-question-entered",
        "question-approved",
        "hearing-ended",
        "seed-revealed",
      ]),
    );
    for (const row of rows) expect(row.after, row.action).toMatchObject({ rehearsal: true });
    // The real hearing's rows do not say so.
    const real = await db.auditEvent.findMany({ where: { entity: "Hearing", entityId: r.hearingId } });
    expect(real.length).toBeGreaterThan(0);
    for (const row of real) expect((row.after as Record<string, unknown> | null)?.rehearsal).toBeUndefined();
  });

  it("is never returned by a public read: record, verify, draws export, parity, replay, costs, calendar, member area, home page", async () => {
    const r = await withRehearsal();
    await db.conference.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
    const conference = await db.conference.update({ where: { id: r.conferenceId }, data: { isCurrent: true }, select: { slug: true } });
    await runThrough(r);
    await db.hearing.update({ where: { id: r.rehearsalId }, data: { chaptersVtt: "WEBVTT\n", recordingUrl: "https://video.example.org/rehearsal.mp4" } });

    // /hearing/<id>, /hearing/verify/<id>, /hearing/parity/<id> and /api/hearings/<id>/draws resolve the id first.
    expect(await resolvePublicHearingId(r.rehearsalId)).toBeNull();
    expect(await resolvePublicHearingId(r.hearingId)).toBe(r.hearingId);
    // The unprefixed pages and the members' area: the current conference's real hearing.
    expect(await resolvePublicHearingId(undefined)).toBe(r.hearingId);
    expect(await readPublicRecord(r.rehearsalId)).toBeNull();
    expect(await readDrawsExport(r.rehearsalId)).toBeNull();
    expect(await readParity(r.rehearsalId)).toBeNull();
    expect(await readHearingReplay(r.rehearsalId)).toBeNull();
    expect(await readChaptersVtt(r.rehearsalId)).toBeNull();
    expect(await readPublicCostShares(r.rehearsalId)).toBeNull();
    // The written answers on the hearing's page and the open pool (docs/decisions/048-written-answers-and-open-pool.md).
    expect(await readPublicWrittenAnswers(r.rehearsalId)).toBeNull();
    expect(await readOpenPool(r.rehearsalId)).toBeNull();
    // The webcast view feeds the webcast page, its API, the calendar file and the members' area.
    expect(await readWebcastView(r.rehearsalId)).toBeNull();
    expect(await readWebcastView(r.hearingId)).toMatchObject({ hearingId: r.hearingId });
    // The home page's hearing.
    expect((await getConference(conference.slug))?.hearing?.id).toBe(r.hearingId);
  });

  it("takes no question from the public", async () => {
    const r = await withRehearsal();
    const candidateId = (await db.hearingSlot.findFirstOrThrow({ where: { hearingId: r.rehearsalId } })).candidateId;
    const refused = await refusalOf(
      submitViewerQuestion({
        actor: null,
        input: { hearingId: r.rehearsalId, candidateId, askerName: "Visitor", body: "Is this the real hearing?" },
        client: { ip: someAddress() },
      }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    expect(await db.hearingQuestion.count({ where: { hearingId: r.rehearsalId } })).toBe(0);
  });
});

describe("purging a rehearsal", () => {
  it("is for the secretariat alone", async () => {
    const r = await withRehearsal();
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      purgeRehearsal({ actor, conferenceId: r.conferenceId, input: { hearingId: r.rehearsalId, confirm: "PURGE" } }),
    );
    expect(await db.hearing.count({ where: { id: r.rehearsalId } })).toBe(1);
  });

  it("needs the word typed", async () => {
    const r = await withRehearsal();
    for (const confirm of [undefined, "", "purge", "PURGER", "yes"]) {
      const refused = await refusalOf(
        purgeRehearsal({ actor: asActor(secretariat), conferenceId: r.conferenceId, input: { hearingId: r.rehearsalId, confirm } }),
      );
      expect(refused).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { confirm: "rehearsal.refusals.wordMismatch" } });
    }
    expect(await db.hearing.count({ where: { id: r.rehearsalId } })).toBe(1);
  });

  it("refuses the real hearing whatever the input, and a rehearsal named on another conference's page", async () => {
    const r = await withRehearsal();
    const before = await record(r.hearingId);
    const actor = asActor(secretariat);
    for (const confirm of ["PURGE", "purge", ""]) {
      const refused = await refusalOf(purgeRehearsal({ actor, conferenceId: r.conferenceId, input: { hearingId: r.hearingId, confirm } }));
      expect(["CONFLICT", "INVALID_INPUT"]).toContain(refused.code);
    }
    expect(await refusalOf(purgeRehearsal({ actor, conferenceId: r.conferenceId, input: { hearingId: r.hearingId, confirm: "PURGE" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "rehearsal.refusals.notRehearsal",
    });
    const other = await hearingReadyToStart(db, { secretariat });
    expect(await refusalOf(purgeRehearsal({ actor, conferenceId: other.conferenceId, input: { hearingId: r.rehearsalId, confirm: "PURGE" } }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await record(r.hearingId)).toEqual(before);
    expect(await db.hearing.count({ where: { id: r.rehearsalId } })).toBe(1);
  });

  it("deletes the rehearsal with everything it owns, keeps the audit rows, and leaves the real hearing intact", async () => {
    const r = await withRehearsal();
    await runThrough(r);
    // An extension and a voided commitment are the rehearsal's too, whatever made them.
    const slot = await db.hearingSlot.findFirstOrThrow({ where: { hearingId: r.rehearsalId } });
    await db.hearingExtension.create({ data: { slotId: slot.id, phase: "QA", addedMs: 60_000, reason: "Practice extension" } });
    await db.voidedCommitment.create({
      data: { hearingId: r.rehearsalId, seedHash: "0".repeat(64), seed: "1".repeat(64), committedAt: new Date(), reason: "Practice re-opening" },
    });
    const realBefore = await record(r.hearingId);
    const auditBefore = await db.auditEvent.count({ where: { entity: "Hearing", entityId: r.rehearsalId } });

    const result = await purgeRehearsal({ actor: asActor(secretariat), conferenceId: r.conferenceId, input: { hearingId: r.rehearsalId, confirm: " PURGE " } });
    expect(result.deleted).toMatchObject({ questions: 1, draws: 2, extensions: 1, voidedCommitments: 1, costItems: 0 });

    const gone = await record(r.rehearsalId);
    expect(gone).toEqual({ hearing: null, slots: [], draws: [], voided: [], questions: [], events: [], costs: [] });
    expect(await db.hearingExtension.count({ where: { slotId: slot.id } })).toBe(0);
    expect(await record(r.hearingId)).toEqual(realBefore);
    // Append-only: the rehearsal's rows stay, and the purge adds its own.
    expect(await db.auditEvent.count({ where: { entity: "Hearing", entityId: r.rehearsalId } })).toBe(auditBefore + 1);
    const [purged] = await db.auditEvent.findMany({ where: { entity: "Hearing", entityId: r.rehearsalId, action: "rehearsal-purged" } });
    expect(purged?.after).toMatchObject({ rehearsal: true, deleted: { questions: 1, draws: 2 } });

    // A new rehearsal may follow.
    const again = await startRehearsal({ actor: asActor(secretariat), conferenceId: r.conferenceId, input: {} });
    expect(again.hearingId).not.toBe(r.rehearsalId);
  });
});
