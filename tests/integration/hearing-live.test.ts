import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { unsealSeed } from "@/lib/draw/seal";
import { drawQuestions, sortIds, verifyDraw } from "@/lib/draw/verifiable-draw";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import {
  approveQuestion,
  drawForCurrentCandidate,
  endHearing,
  extendPhase,
  markAnswered,
  nextCandidate,
  pauseHearing,
  resumeHearing,
  setAsideQuestion,
  showQuestion,
  startHearing,
  startPresentation,
  startQa,
} from "@/lib/hearings/live";
import { getPublicHearingState } from "@/lib/hearings/live-state";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
import { makeHearingQuestion, makeReadyHearing } from "../support/factories-live";
import { DICE } from "../support/hearing-stages";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";
import { onCurrent } from "../support/chair-moves";

/** Every move the chair can make, by name. */
const MOVES = {
  startHearing,
  startPresentation,
  startQa,
  pauseHearing,
  resumeHearing,
  extendPhase,
  nextCandidate,
  endHearing,
  approveQuestion,
  setAsideQuestion,
  drawForCurrentCandidate,
  showQuestion,
  markAnswered,
};

const database = withAppDatabase();
let db: PrismaClient;
let conferenceId: string;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
});

/** Everything a refused move must leave as it was. */
async function footprint(hearingId: string) {
  const [hearing, events, audit, slots, questions, draws, extensions] = await Promise.all([
    db.hearing.findUniqueOrThrow({ where: { id: hearingId } }),
    db.hearingEvent.count({ where: { hearingId } }),
    db.auditEvent.count(),
    db.hearingSlot.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
    db.hearingQuestion.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
    db.draw.count({ where: { hearingId } }),
    db.hearingExtension.count(),
  ]);
  return { hearing, events, audit, slots, questions, draws, extensions };
}

async function expectRefusedUnchanged(
  hearingId: string,
  call: () => Promise<unknown>,
  expected: { code?: string; messageKey?: string; fieldErrors?: object; values?: object },
) {
  const before = await footprint(hearingId);
  // A rule's refusal is a CONFLICT unless said otherwise.
  expect(await refusalOf(call())).toMatchObject({ code: "CONFLICT", ...expected });
  expect(await footprint(hearingId)).toEqual(before);
}

describe("a two-candidate hearing, run by its chair from start to end", () => {
  let hearingId: string;
  let chair: Actor;
  let order: string[];
  const results: Record<string, Awaited<ReturnType<typeof startHearing>>> = {};

  beforeAll(async () => {
    // Through the secretariat's own set-up, seed and running-order draw.
    for (let i = 0; i < 2; i++) await makeStandingCandidate(db, { conferenceId, memberStateId: (await makeMemberState(db)).id });
    const chairUser = await makeChair(db);
    chair = asActor(chairUser);
    hearingId = (
      await setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(chairUser.id, { presentationMinutes: "15", qaMinutes: "10" }) })
    ).id;
    await commitSeed({ actor: asActor(secretariat), conferenceId, input: { confirmed: "yes" } });
    order = (await drawRunningOrder({ actor: asActor(secretariat), conferenceId, input: { entropy: DICE } })).result;
  });

  it("goes live at the first candidate of the drawn order, idle, and announces it", async () => {
    const state = await startHearing({ actor: chair, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    expect(state).toMatchObject({ hearingId, version: 1, status: "LIVE", phase: "IDLE", phaseStartedAt: null, durationMs: null, question: null, draw: null });
    expect(state.candidate?.id).toBe(order[0]);
    expect(state.candidate?.position).toBe(1);
    const event = await db.hearingEvent.findUniqueOrThrow({ where: { hearingId_version: { hearingId, version: 1 } } });
    expect(event.type).toBe("hearing-started");
    expect(event.payload).toEqual(state);
    const current = await getPublicHearingState(hearingId);
    expect({ ...current, serverTime: state.serverTime }).toEqual(state);
    results.start = state;
  });

  it("runs the presentation with pause, resume and a logged extension", async () => {
    const presenting = await startPresentation({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(presenting).toMatchObject({ version: 2, phase: "PRESENTATION", durationMs: 15 * 60_000, pausedAt: null });
    const paused = await pauseHearing({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(paused.pausedAt).not.toBeNull();
    const resumed = await resumeHearing({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(resumed.pausedAt).toBeNull();
    // The pause moved the phase's start forward by its length.
    expect(Date.parse(resumed.phaseStartedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(presenting.phaseStartedAt ?? ""));
    const extended = await extendPhase({
      actor: chair,
      input: await onCurrent({ hearingId, minutes: "2", reason: "The interpretation channel dropped for a minute." }),
    });
    expect(extended).toMatchObject({ version: 5, durationMs: 17 * 60_000 });
    const extension = await db.hearingExtension.findFirstOrThrow({ where: { slot: { hearingId } } });
    expect(extension).toMatchObject({ phase: "PRESENTATION", addedMs: 120_000, reason: "The interpretation channel dropped for a minute.", actorId: chair.id });
  });

  it("moves to Q&A, recording the presentation's actual length, with the Q&A's own clock", async () => {
    const qa = await startQa({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(qa).toMatchObject({ version: 6, phase: "QA", durationMs: 10 * 60_000 });
    const slot = await db.hearingSlot.findFirstOrThrow({ where: { hearingId, candidateId: order[0] } });
    expect(slot.presentationStartedAt).not.toBeNull();
    expect(slot.presentationActualMs).toBeGreaterThanOrEqual(0);
    expect(slot.qaStartedAt).not.toBeNull();
  });

  it("approves and sets aside questions without announcing anything", async () => {
    const candidateId = order[0] as string;
    const questions = [];
    for (let i = 0; i < 5; i++) questions.push(await makeHearingQuestion(db, { hearingId, candidateId, source: i % 2 ? "ROOM" : "WEBCAST" }));
    // A question for the next candidate is not eligible now.
    await makeHearingQuestion(db, { hearingId, candidateId: order[1] as string, status: "APPROVED" });
    for (const q of questions.slice(0, 4))
      expect(await approveQuestion({ actor: chair, input: await onCurrent({ hearingId, questionId: q.id }) })).toEqual({ id: q.id, status: "APPROVED" });
    expect(
      await setAsideQuestion({ actor: chair, input: await onCurrent({ hearingId, questionId: questions[4]?.id, reason: "Asked twice in other words" }) }),
    ).toMatchObject({
      status: "SET_ASIDE",
    });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).stateVersion).toBe(6);
    expect((await auditRowsFor(db, "HearingQuestion", questions[0]?.id ?? "")).map((r) => r.action)).toEqual(["question-approved"]);
  });

  it("draws three of the approved questions, deterministically from the seed and the dice, and publishes the list", async () => {
    const candidateId = order[0] as string;
    const approved = await db.hearingQuestion.findMany({ where: { hearingId, candidateId, status: "APPROVED" }, select: { id: true } });
    const stored = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { sealedSeed: true, seedHash: true } });
    const seed = unsealSeed(stored.sealedSeed ?? "");
    const seedHash = stored.seedHash;
    const entropy = "662154";
    const expected = drawQuestions({ seed, kind: "QUESTIONS", hearingId, candidateId, entropy, eligibleIds: approved.map((q) => q.id), count: 3 });

    const state = await drawForCurrentCandidate({ actor: chair, input: await onCurrent({ hearingId, entropy: "66 21 54" }) });
    expect(state.draw).toMatchObject({ eligibleIds: sortIds(approved.map((q) => q.id)), result: expected, requested: 3, drawn: 3, shortfall: false });
    const draw = await db.draw.findUniqueOrThrow({ where: { id: state.draw?.id } });
    expect(draw).toMatchObject({ seedHash, entropy, pendingCount: 0, setAsideCount: 1, algorithm: "hustings-draw-v2" });
    expect(
      verifyDraw({
        seed,
        seedHash: seedHash ?? "",
        kind: "QUESTIONS",
        hearingId,
        candidateId,
        entropy,
        eligibleIds: draw.eligibleIds,
        count: draw.count,
        result: draw.result,
      }),
    ).toBe(true);
    const drawn = await db.hearingQuestion.findMany({
      where: { drawId: draw.id },
      orderBy: { drawPosition: "asc" },
      select: { id: true, status: true, drawPosition: true },
    });
    expect(drawn).toEqual(expected.map((id, i) => ({ id, status: "DRAWN", drawPosition: i + 1 })));
    expect(await refusalOf(drawForCurrentCandidate({ actor: chair, input: await onCurrent({ hearingId, entropy: DICE }) }))).toMatchObject({
      messageKey: "hearingLive.alreadyDrawn",
    });
  });

  it("shows the drawn questions in order, each marked answered before the next", async () => {
    const draw = await db.draw.findFirstOrThrow({ where: { hearingId, kind: "QUESTIONS" } });
    for (const id of draw.result) {
      const shown = await showQuestion({ actor: chair, input: await onCurrent({ hearingId }) });
      const q = await db.hearingQuestion.findUniqueOrThrow({ where: { id } });
      expect(shown.question).toEqual({ id, text: q.body, askerName: q.askerName, source: q.source, position: q.drawPosition });
      expect(await refusalOf(showQuestion({ actor: chair, input: await onCurrent({ hearingId }) }))).toMatchObject({
        messageKey: "hearingLive.answerCurrentFirst",
      });
      const answered = await markAnswered({ actor: chair, input: await onCurrent({ hearingId }) });
      expect(answered.question).toBeNull();
      expect(await db.hearingQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ANSWERED" });
    }
    expect(await refusalOf(showQuestion({ actor: chair, input: await onCurrent({ hearingId }) }))).toMatchObject({ messageKey: "hearingLive.noQuestionLeft" });
  });

  it("moves to the second candidate, whose draw takes all approved when fewer than configured", async () => {
    const next = await nextCandidate({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(next).toMatchObject({ phase: "IDLE", candidate: { id: order[1], position: 2 }, question: null, draw: null });
    const first = await db.hearingSlot.findFirstOrThrow({ where: { hearingId, candidateId: order[0] } });
    expect(first.qaActualMs).toBeGreaterThanOrEqual(0);
    expect(first.finishedAt).not.toBeNull();

    await startPresentation({ actor: chair, input: await onCurrent({ hearingId }) });
    await startQa({ actor: chair, input: await onCurrent({ hearingId }) });
    const drawn = await drawForCurrentCandidate({ actor: chair, input: await onCurrent({ hearingId, entropy: DICE }) });
    expect(drawn.draw).toMatchObject({ requested: 3, drawn: 1, shortfall: true });
    const shown = await showQuestion({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(shown.question?.id).toBe(drawn.draw?.result[0]);
  });

  it("ends the hearing, recording the last Q&A and clearing the screen", async () => {
    const ended = await endHearing({ actor: chair, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    expect(ended).toMatchObject({ status: "ENDED", candidate: null, phase: "IDLE", question: null });
    const slots = await db.hearingSlot.findMany({ where: { hearingId }, orderBy: { position: "asc" } });
    for (const slot of slots) {
      expect(slot).toMatchObject({ presentationActualMs: expect.any(Number), qaActualMs: expect.any(Number), finishedAt: expect.any(Date) });
    }
    expect(await refusalOf(startHearing({ actor: chair, input: await onCurrent({ hearingId, confirmed: "yes" }) }))).toMatchObject({
      messageKey: "hearingLive.notScheduled",
    });
    expect(await refusalOf(approveQuestion({ actor: chair, input: await onCurrent({ hearingId, questionId: "x" }) }))).toMatchObject({
      messageKey: "hearingLive.hearingEnded",
    });
  });

  it("kept one event per version, without gaps, and one audit row per move", async () => {
    const events = await db.hearingEvent.findMany({ where: { hearingId }, orderBy: { version: "asc" }, select: { version: true, type: true } });
    const hearing = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: hearing.stateVersion }, (_, i) => i + 1));
    expect(events.map((e) => e.type)).toEqual([
      "hearing-started",
      "presentation-started",
      "paused",
      "resumed",
      "extended",
      "qa-started",
      "questions-drawn",
      "question-shown",
      "question-answered",
      "question-shown",
      "question-answered",
      "question-shown",
      "question-answered",
      "next-candidate",
      "presentation-started",
      "qa-started",
      "questions-drawn",
      "question-shown",
      "hearing-ended",
    ]);
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.actorId === chair.id);
    expect(audit.map((r) => r.action)).toEqual(events.map((e) => e.type));
    expect(audit.every((r) => r.area === "hearing" && r.actorRole === "CHAIR")).toBe(true);
    const extended = audit.find((r) => r.action === "extended");
    expect(extended?.after).toMatchObject({ extension: { addedMs: 120_000, reason: "The interpretation channel dropped for a minute." } });
    const drawAudit = audit.find((r) => r.action === "questions-drawn");
    expect(drawAudit?.after).toMatchObject({ entropy: "662154", pendingCount: 0, setAsideCount: 1 });
    const { sealedSeed } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { sealedSeed: true } });
    expect(JSON.stringify(audit.map((r) => [r.before, r.after]))).not.toContain(unsealSeed(sealedSeed ?? ""));
  });
});

describe("illegal moves: refused, nothing changed, nothing announced", () => {
  it("refuses each move out of turn with its reason", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db);
    const actor = asActor(chair);
    const call =
      (fn: typeof startHearing, input: object = {}) =>
      async () =>
        fn({ actor, input: await onCurrent({ hearingId, entropy: DICE, confirmed: "yes", ...input }) });

    for (const fn of [startPresentation, startQa, pauseHearing, resumeHearing, nextCandidate, endHearing]) {
      await expectRefusedUnchanged(hearingId, call(fn), { code: "CONFLICT", messageKey: "hearingLive.notLive" });
    }
    for (const fn of [drawForCurrentCandidate, showQuestion, markAnswered]) {
      await expectRefusedUnchanged(hearingId, call(fn), { code: "CONFLICT", messageKey: "hearingLive.notLive" });
    }
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await expectRefusedUnchanged(hearingId, call(startHearing), { messageKey: "hearingLive.notScheduled" });
    await expectRefusedUnchanged(hearingId, call(startQa), { messageKey: "hearingLive.notInPresentation" });
    await expectRefusedUnchanged(hearingId, call(pauseHearing), { messageKey: "hearingLive.nothingRunning" });
    await expectRefusedUnchanged(hearingId, call(resumeHearing), { messageKey: "hearingLive.notPaused" });
    await expectRefusedUnchanged(hearingId, call(nextCandidate), { messageKey: "hearingLive.qaNotStarted" });
    await expectRefusedUnchanged(hearingId, call(extendPhase, { minutes: 2, reason: "A long enough reason" }), { messageKey: "hearingLive.nothingRunning" });
    await expectRefusedUnchanged(hearingId, call(drawForCurrentCandidate), { messageKey: "hearingLive.noApprovedQuestions" });

    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await expectRefusedUnchanged(hearingId, call(startPresentation), { messageKey: "hearingLive.notIdle" });
    await expectRefusedUnchanged(hearingId, call(showQuestion), { messageKey: "hearingLive.notInQa" });
    await expectRefusedUnchanged(hearingId, call(markAnswered), { messageKey: "hearingLive.noQuestionShown" });
    await pauseHearing({ actor, input: await onCurrent({ hearingId }) });
    await expectRefusedUnchanged(hearingId, call(pauseHearing), { messageKey: "hearingLive.alreadyPaused" });

    await startQa({ actor, input: await onCurrent({ hearingId }) });
    await expectRefusedUnchanged(hearingId, call(showQuestion), { messageKey: "hearingLive.noQuestionLeft" });
    await nextCandidate({ actor, input: await onCurrent({ hearingId }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await startQa({ actor, input: await onCurrent({ hearingId }) });
    await expectRefusedUnchanged(hearingId, call(nextCandidate), { messageKey: "hearingLive.lastCandidate" });
    expect(candidates).toHaveLength(2);
  });

  it("refuses an extension without a real reason or a sensible length", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    const extend = (input: object) => async () => extendPhase({ actor, input: await onCurrent({ hearingId, ...input }) });
    await expectRefusedUnchanged(hearingId, extend({ minutes: 2, reason: "   short   " }), {
      code: "INVALID_INPUT",
      fieldErrors: { reason: "hearingLive.reasonTooShort:10" },
    });
    await expectRefusedUnchanged(hearingId, extend({ minutes: 0, reason: "Technical problem with the microphones" }), {
      code: "INVALID_INPUT",
      fieldErrors: { minutes: "tooSmall:1" },
    });
    await expectRefusedUnchanged(hearingId, extend({ minutes: 31, reason: "Technical problem with the microphones" }), {
      code: "INVALID_INPUT",
      fieldErrors: { minutes: "tooBig:30" },
    });
    await expectRefusedUnchanged(hearingId, extend({ minutes: "two", reason: "Technical problem with the microphones" }), {
      code: "INVALID_INPUT",
      fieldErrors: { minutes: "number" },
    });
    await expectRefusedUnchanged(hearingId, () => startQa({ actor, input: {} }), { code: "INVALID_INPUT", fieldErrors: { hearingId: "required" } });
  });

  it("refuses to moderate a question twice, one of another hearing, or one already drawn", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db, { questionsPerCandidate: 2 });
    const other = await makeReadyHearing(db);
    const actor = asActor(chair);
    const candidateId = (candidates[0] as { id: string }).id;
    const q1 = await makeHearingQuestion(db, { hearingId, candidateId, status: "APPROVED" });
    const q2 = await makeHearingQuestion(db, { hearingId, candidateId, status: "SET_ASIDE" });
    const foreign = await makeHearingQuestion(db, { hearingId: other.hearingId, candidateId: (other.candidates[0] as { id: string }).id });
    await expectRefusedUnchanged(hearingId, async () => approveQuestion({ actor, input: await onCurrent({ hearingId, questionId: q1.id }) }), {
      messageKey: "hearingLive.alreadyApproved",
    });
    await expectRefusedUnchanged(
      hearingId,
      async () => setAsideQuestion({ actor, input: await onCurrent({ hearingId, questionId: q2.id, reason: "Off topic" }) }),
      {
        messageKey: "hearingLive.alreadySetAside",
      },
    );
    await expectRefusedUnchanged(hearingId, async () => approveQuestion({ actor, input: await onCurrent({ hearingId, questionId: foreign.id }) }), {
      code: "NOT_FOUND",
      messageKey: "hearingLive.questionNotFound",
    });
    // A set-aside question may be reconsidered before the draw.
    expect(await approveQuestion({ actor, input: await onCurrent({ hearingId, questionId: q2.id }) })).toMatchObject({ status: "APPROVED" });
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const drawn = await drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: DICE }) });
    expect(drawn.draw).toMatchObject({ drawn: 2, shortfall: false });
    await expectRefusedUnchanged(
      hearingId,
      async () => setAsideQuestion({ actor, input: await onCurrent({ hearingId, questionId: q1.id, reason: "Off topic" }) }),
      {
        messageKey: "hearingLive.questionDrawn",
      },
    );
  });

  it("refuses a question draw when no seed was committed", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db);
    const actor = asActor(chair);
    await makeHearingQuestion(db, { hearingId, candidateId: (candidates[0] as { id: string }).id, status: "APPROVED" });
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await db.hearing.update({ where: { id: hearingId }, data: { sealedSeed: null, seedHash: null } });
    await expectRefusedUnchanged(hearingId, async () => drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: DICE }) }), {
      messageKey: "hearingLive.seedNotCommitted",
    });
  });

  it("serialises simultaneous moves on the hearing row: one pause wins, the other, made on the same version, is refused", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    const seen = await onCurrent({ hearingId });
    const outcomes = await Promise.allSettled([pauseHearing({ actor, input: seen }), pauseHearing({ actor, input: seen })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" && (refused.reason as { messageKey?: string }).messageKey).toBe("hearingLive.staleMove");
    const events = await db.hearingEvent.findMany({ where: { hearingId }, orderBy: { version: "asc" }, select: { version: true } });
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it("refuses to go live without a complete running order", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    await db.hearingSlot.updateMany({ where: { hearingId, position: 2 }, data: { position: null } });
    await expectRefusedUnchanged(hearingId, async () => startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) }), {
      messageKey: "hearingLive.startBlocked",
      values: expect.objectContaining({ orderNotDrawn: "yes", count: 1 }),
    });
  });
});

describe("every move names the state version it was made on", () => {
  it("applies one of 20 simultaneous one-minute extensions made on the same version, and refuses the others", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const presenting = await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    const seen = await onCurrent({ hearingId, minutes: "1", reason: "The interpretation channel dropped." });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => extendPhase({ actor, input: seen })));
    const applied = outcomes.filter((o) => o.status === "fulfilled");
    expect(applied).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", messageKey: "hearingLive.staleMove" });
    }
    const state = await getPublicHearingState(hearingId);
    expect(state).toMatchObject({ version: presenting.version + 1, durationMs: (presenting.durationMs ?? 0) + 60_000 });
    expect(await db.hearingExtension.count({ where: { slot: { hearingId } } })).toBe(1);
    expect(await db.hearingEvent.count({ where: { hearingId } })).toBe(presenting.version + 1);
  });

  it("refuses every kind of move made on another version, says where the hearing is, and changes nothing", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db);
    const actor = asActor(chair);
    const question = await makeHearingQuestion(db, { hearingId, candidateId: (candidates[0] as { id: string }).id });
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await pauseHearing({ actor, input: await onCurrent({ hearingId }) });
    const { expectedVersion: now } = await onCurrent({ hearingId });
    const rest = { hearingId, questionId: question.id, minutes: "1", reason: "A reason long enough", entropy: DICE, confirmed: "yes" };
    for (const service of Object.values(MOVES) as ((call: { actor: Actor; input: unknown }) => Promise<unknown>)[]) {
      // An older view (a second press, a tab left open) and one from nowhere (a forged version), as a form sends them.
      for (const expectedVersion of [now - 1, String(now + 3)]) {
        await expectRefusedUnchanged(hearingId, () => service({ actor, input: { ...rest, expectedVersion } }), {
          code: "CONFLICT",
          messageKey: "hearingLive.staleMove",
          values: { status: "LIVE", phase: "PRESENTATION", paused: "yes", candidate: candidates[0]?.name, version: now },
        });
      }
    }
  });

  it("takes several queue decisions made on one view, since a decision does not change the version", async () => {
    const { hearingId, chair, candidates } = await makeReadyHearing(db);
    const actor = asActor(chair);
    const candidateId = (candidates[0] as { id: string }).id;
    const [q1, q2] = [await makeHearingQuestion(db, { hearingId, candidateId }), await makeHearingQuestion(db, { hearingId, candidateId })];
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const seen = await onCurrent({ hearingId });
    await approveQuestion({ actor, input: { ...seen, questionId: q1?.id } });
    await setAsideQuestion({ actor, input: { ...seen, questionId: q2?.id, reason: "Off topic" } });
    expect(await db.hearingQuestion.findMany({ where: { hearingId }, orderBy: { createdAt: "asc" }, select: { status: true } })).toEqual([
      { status: "APPROVED" },
      { status: "SET_ASIDE" },
    ]);
    expect((await onCurrent({ hearingId })).expectedVersion).toBe(seen.expectedVersion);
  });

  it("refuses a move that names no version, or not a version", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    for (const expectedVersion of [undefined, "", "one", -1, 1.5]) {
      await expectRefusedUnchanged(hearingId, () => startHearing({ actor, input: { hearingId, expectedVersion, confirmed: "yes" } }), {
        code: "CONFLICT",
        messageKey: "hearingLive.versionMissing",
      });
    }
  });

  it("refuses to open the hearing unless the start is confirmed", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    for (const confirmed of [undefined, "", "no", "true", "on"]) {
      await expectRefusedUnchanged(hearingId, async () => startHearing({ actor, input: await onCurrent({ hearingId, confirmed }) }), {
        code: "INVALID_INPUT",
        fieldErrors: { confirmed: "hearingLive.startNotConfirmed" },
      });
    }
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { startedAt: true, costStateIds: true } })).toEqual({
      startedAt: null,
      costStateIds: [],
    });
    expect(await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) })).toMatchObject({ status: "LIVE" });
  });

  it("refuses to end the hearing unless the end is confirmed", async () => {
    const { hearingId, chair } = await makeReadyHearing(db);
    const actor = asActor(chair);
    await startHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    for (const confirmed of [undefined, "", "no", "true", "on"]) {
      await expectRefusedUnchanged(hearingId, async () => endHearing({ actor, input: await onCurrent({ hearingId, confirmed }) }), {
        code: "INVALID_INPUT",
        fieldErrors: { confirmed: "hearingLive.endNotConfirmed" },
      });
    }
    expect(await endHearing({ actor, input: await onCurrent({ hearingId, confirmed: "yes" }) })).toMatchObject({ status: "ENDED" });
  });
});

describe("only the hearing's own chair runs it", () => {
  let mine: Awaited<ReturnType<typeof makeReadyHearing>>;
  let theirs: Awaited<ReturnType<typeof makeReadyHearing>>;
  let input: Record<string, unknown>;

  beforeAll(async () => {
    mine = await makeReadyHearing(db);
    theirs = await makeReadyHearing(db);
    const q = await makeHearingQuestion(db, { hearingId: mine.hearingId, candidateId: (mine.candidates[0] as { id: string }).id });
    input = { hearingId: mine.hearingId, expectedVersion: 0, confirmed: "yes", questionId: q.id, minutes: 2, reason: "A reason long enough", entropy: DICE };
  });

  it.each(Object.entries(MOVES))("%s: refused to anonymous, disabled chairs and every other role", async (_name, service) => {
    const before = await footprint(mine.hearingId);
    await expectOnlyRoleAllowed("CHAIR", (actor) => service({ actor, input }));
    expect(await footprint(mine.hearingId)).toEqual(before);
  });

  it.each(Object.entries(MOVES))("%s: refused to the chair of another hearing, to the secretariat, on an unknown hearing", async (_name, service) => {
    const before = await footprint(mine.hearingId);
    expect(await refusalOf(service({ actor: asActor(theirs.chair), input }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(service({ actor: asActor(secretariat), input }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(service({ actor: asActor(mine.chair), input: { ...input, hearingId: "no-such-hearing" } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await footprint(mine.hearingId)).toEqual(before);
  });

  it("lets anyone read the public state, and nothing secret is in it", async () => {
    const { hearingId, chair, seed } = await makeReadyHearing(db);
    await startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) });
    const state = await getPublicHearingState(hearingId);
    expect(state).toMatchObject({ hearingId, status: "LIVE", version: 1 });
    expect(JSON.stringify(state)).not.toContain(seed);
    expect(await getPublicHearingState("no-such-hearing")).toBeNull();
  });
});
