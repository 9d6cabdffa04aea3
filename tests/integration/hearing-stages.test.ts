import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { unsealSeed } from "@/lib/draw/seal";
import { drawQuestions, verifyDraw } from "@/lib/draw/verifiable-draw";
import { closeRecord } from "@/lib/hearings/close-record";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { approveQuestion, drawForCurrentCandidate, endHearing, setAsideQuestion, startHearing, startPresentation, startQa } from "@/lib/hearings/live";
import { enterRoomQuestion, submitViewerQuestion } from "@/lib/hearings/questions";
import { refreshPresenters } from "@/lib/hearings/refresh-presenters";
import { reopenSetUp } from "@/lib/hearings/reopen-set-up";
import { revealSeed } from "@/lib/hearings/reveal-seed";
import { setRecording } from "@/lib/hearings/set-recording";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { startBlockers } from "@/lib/hearings/start-checks";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, unique, type TestUser } from "../support/factories";
import { someAddress } from "../support/factories-forum";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
import { makeHearingQuestion } from "../support/factories-live";
import { DICE, endedHearing, hearingReadyToStart, liveHearing } from "../support/hearing-stages";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";
import { onCurrent } from "../support/chair-moves";

// The hearing's stages (docs/decisions/014-hearing-record-integrity.md): the start re-checks
// everything in its own transaction; after the end, the reveal and the close, nothing that
// would rewrite the record is accepted; the chair is warned before drawing past waiting questions.

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  secretariat = await makeUser(db, "SECRETARIAT");
});

/** What a refused change must leave as it was: the hearing, its slots, draws and voided commitments. */
async function record(hearingId: string) {
  const [hearing, slots, draws, voided, questions] = await Promise.all([
    db.hearing.findUniqueOrThrow({ where: { id: hearingId } }),
    db.hearingSlot.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
    db.draw.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
    db.voidedCommitment.findMany({ where: { hearingId } }),
    db.hearingQuestion.findMany({ where: { hearingId }, orderBy: { id: "asc" } }),
  ]);
  return { hearing, slots, draws, voided, questions };
}

async function blockersOf(hearingId: string) {
  return (await db.$transaction((tx) => startBlockers(tx, hearingId))).map((b) => b.code);
}

/** The start is refused for `code` alone, listed in the message's values, and nothing changes. */
async function expectStartBlockedBy(ready: { hearingId: string; chair: TestUser }, code: string) {
  expect(await blockersOf(ready.hearingId)).toEqual([code]);
  const before = await record(ready.hearingId);
  const refused = await refusalOf(startHearing({ actor: asActor(ready.chair), input: await onCurrent({ hearingId: ready.hearingId, confirmed: "yes" }) }));
  expect(refused).toMatchObject({ code: "CONFLICT", messageKey: "hearingLive.startBlocked", values: { count: 1, [code]: "yes" } });
  const others = Object.entries(refused.values ?? {}).filter(([key, value]) => key !== code && value === "yes");
  expect(others).toEqual([]);
  expect(await record(ready.hearingId)).toEqual(before);
}

describe("the start re-checks everything, on today's data, in its own transaction", () => {
  it("has nothing to block a hearing set up, committed and drawn through the services", async () => {
    const ready = await hearingReadyToStart(db);
    expect(await blockersOf(ready.hearingId)).toEqual([]);
  });

  it("refuses a chair who became a national of a presenting State after the set-up", async () => {
    const ready = await hearingReadyToStart(db);
    await db.user.update({ where: { id: ready.chair.id }, data: { nationalityId: ready.states[1]?.id } });
    await expectStartBlockedBy(ready, "chairNotImpartial");
  });

  it("refuses a chair who became a member of a presenting administration after the set-up", async () => {
    const ready = await hearingReadyToStart(db);
    await db.user.update({ where: { id: ready.chair.id }, data: { memberStateId: ready.states[0]?.id } });
    await expectStartBlockedBy(ready, "chairNotImpartial");
  });

  it("refuses a chair who became staff, or was disabled", async () => {
    const ready = await hearingReadyToStart(db);
    await db.user.update({ where: { id: ready.chair.id }, data: { isStaff: true } });
    expect(await db.$transaction((tx) => startBlockers(tx, ready.hearingId))).toEqual([{ code: "chairNotImpartial", problem: "isStaff" }]);
  });

  it("refuses when a formal candidature was added after the commitment", async () => {
    const ready = await hearingReadyToStart(db);
    await makeStandingCandidate(db, { conferenceId: ready.conferenceId, memberStateId: (await makeMemberState(db)).id });
    await expectStartBlockedBy(ready, "presentersChanged");
    expect(await db.$transaction((tx) => startBlockers(tx, ready.hearingId))).toEqual([{ code: "presentersChanged", added: 1, removed: 0 }]);
  });

  it("refuses when a presenter withdrew after the commitment", async () => {
    const ready = await hearingReadyToStart(db, { candidates: 3 });
    await db.candidate.update({ where: { id: ready.candidates[1]?.id }, data: { status: "WITHDRAWN" } });
    await expectStartBlockedBy(ready, "presentersChanged");
  });

  it("refuses when the order was not drawn: positions typed in without a draw, or not the draw's", async () => {
    const ready = await hearingReadyToStart(db, { candidates: 3 });
    const [first, second] = ready.candidates.map((c) => c.id) as [string, string];
    // Swapping two positions (as a database writer could) no longer matches the published draw.
    await db.$transaction(async (tx) => {
      await tx.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: ready.hearingId, candidateId: first } }, data: { position: null } });
      await tx.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: ready.hearingId, candidateId: second } }, data: { position: 1 } });
      await tx.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: ready.hearingId, candidateId: first } }, data: { position: 2 } });
    });
    await expectStartBlockedBy(ready, "orderNotDrawn");

    // Committed, never drawn: positions written by hand do not count.
    const conference = await makeHearingConference(db);
    for (let i = 0; i < 2; i++) await makeStandingCandidate(db, { conferenceId: conference.id, memberStateId: (await makeMemberState(db)).id });
    const chair = await makeChair(db);
    const hearing = await setUpHearing({ actor: asActor(secretariat), conferenceId: conference.id, input: hearingInput(chair.id) });
    await commitSeed({ actor: asActor(secretariat), conferenceId: conference.id, input: { confirmed: "yes" } });
    const slots = await db.hearingSlot.findMany({ where: { hearingId: hearing.id } });
    for (const [i, slot] of slots.entries()) await db.hearingSlot.update({ where: { id: slot.id }, data: { position: i + 1 } });
    await expectStartBlockedBy({ hearingId: hearing.id, chair }, "orderNotDrawn");
  });

  it("refuses when the seed is not committed, or was committed under the earlier algorithm", async () => {
    const conference = await makeHearingConference(db);
    for (let i = 0; i < 2; i++) await makeStandingCandidate(db, { conferenceId: conference.id, memberStateId: (await makeMemberState(db)).id });
    const chair = await makeChair(db);
    const hearing = await setUpHearing({ actor: asActor(secretariat), conferenceId: conference.id, input: hearingInput(chair.id) });
    const slots = await db.hearingSlot.findMany({ where: { hearingId: hearing.id } });
    for (const [i, slot] of slots.entries()) await db.hearingSlot.update({ where: { id: slot.id }, data: { position: i + 1 } });
    await expectStartBlockedBy({ hearingId: hearing.id, chair }, "notCommitted");

    const legacy = await hearingReadyToStart(db);
    await db.hearing.update({ where: { id: legacy.hearingId }, data: { seedCommittedAt: null } });
    await expectStartBlockedBy(legacy, "legacyCommitment");
  });

  it("lists every blocker at once", async () => {
    const ready = await hearingReadyToStart(db);
    await db.user.update({ where: { id: ready.chair.id }, data: { nationalityId: ready.states[0]?.id } });
    await makeStandingCandidate(db, { conferenceId: ready.conferenceId, memberStateId: (await makeMemberState(db)).id });
    const refused = await refusalOf(startHearing({ actor: asActor(ready.chair), input: await onCurrent({ hearingId: ready.hearingId, confirmed: "yes" }) }));
    expect(refused.values).toMatchObject({ count: 2, chairNotImpartial: "yes", presentersChanged: "yes", orderNotDrawn: "no", notCommitted: "no" });
  });

  it("records when it started and which States share the costs; a later withdrawal changes neither", async () => {
    const ready = await hearingReadyToStart(db, { candidates: 3 });
    // Two candidatures from one State: it is listed once.
    await db.candidate.update({ where: { id: ready.candidates[2]?.id }, data: { memberStateId: ready.candidates[0]?.memberStateId } });
    const before = Date.now();
    await startHearing({ actor: asActor(ready.chair), input: await onCurrent({ hearingId: ready.hearingId, confirmed: "yes" }) });
    const started = await db.hearing.findUniqueOrThrow({ where: { id: ready.hearingId }, select: { startedAt: true, costStateIds: true } });
    expect(started.startedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const presenting = await db.candidate.findMany({ where: { id: { in: ready.candidates.map((c) => c.id) } }, select: { memberStateId: true } });
    const expected = [...new Set(presenting.map((c) => c.memberStateId))].sort();
    expect(expected).toHaveLength(2);
    expect(started.costStateIds).toEqual(expected);
    const audit = (await auditRowsFor(db, "Hearing", ready.hearingId)).at(-1);
    expect(audit?.after).toMatchObject({ status: "LIVE", costStateIds: expected });

    await db.candidate.update({ where: { id: ready.candidates[1]?.id }, data: { status: "WITHDRAWN" } });
    await endHearing({ actor: asActor(ready.chair), input: await onCurrent({ hearingId: ready.hearingId, confirmed: "yes" }) });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: ready.hearingId }, select: { costStateIds: true } })).toEqual({ costStateIds: expected });
    expect(await refusalOf(refreshPresenters({ actor: asActor(secretariat), conferenceId: ready.conferenceId, input: {} }))).toMatchObject({
      messageKey: "adminHearing.presentersFrozen",
    });
  });
});

describe("questions still awaiting a decision at the draw", () => {
  it("refuses the draw with the number waiting, then draws on confirmation and records the queue's counts", async () => {
    const live = await liveHearing(db);
    const { hearingId, chair } = live;
    const candidateId = live.candidates[0]?.id as string;
    const actor = asActor(chair);
    await startPresentation({ actor, input: await onCurrent({ hearingId }) });
    await startQa({ actor, input: await onCurrent({ hearingId }) });
    for (let i = 0; i < 3; i++) await makeHearingQuestion(db, { hearingId, candidateId, status: "APPROVED" });
    await makeHearingQuestion(db, { hearingId, candidateId, status: "SET_ASIDE" });
    const waiting = [await makeHearingQuestion(db, { hearingId, candidateId }), await makeHearingQuestion(db, { hearingId, candidateId })];

    const before = await record(hearingId);
    expect(await refusalOf(drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: DICE }) }))).toEqual({
      code: "CONFLICT",
      messageKey: "hearingLive.pendingQuestions",
      values: { count: 2 },
      fieldErrors: undefined,
    });
    expect(await refusalOf(drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: DICE, confirmPending: "false" }) }))).toMatchObject({
      messageKey: "hearingLive.pendingQuestions",
    });
    expect(await record(hearingId)).toEqual(before);

    // Deciding on one leaves one waiting: still refused, with the new count.
    await setAsideQuestion({ actor, input: await onCurrent({ hearingId, questionId: waiting[0]?.id, reason: "Not a question for this post" }) });
    expect((await refusalOf(drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: DICE }) }))).values).toEqual({ count: 1 });

    const drawn = await drawForCurrentCandidate({ actor, input: await onCurrent({ hearingId, entropy: "6 6 6 1", confirmPending: true }) });
    const draw = await db.draw.findUniqueOrThrow({ where: { id: drawn.draw?.id } });
    expect(draw).toMatchObject({ pendingCount: 1, setAsideCount: 2, entropy: "6661", seedHash: live.seedHash, algorithm: "hustings-draw-v2" });
    // The waiting question is not among the eligible: it can never be drawn for this candidate.
    expect(draw.eligibleIds).not.toContain(waiting[1]?.id);
    const { sealedSeed } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { sealedSeed: true } });
    const seed = unsealSeed(sealedSeed ?? "");
    expect(draw.result).toEqual(drawQuestions({ seed, kind: "QUESTIONS", hearingId, candidateId, entropy: "6661", eligibleIds: draw.eligibleIds, count: 3 }));
    // Approving it later changes nothing drawn.
    await approveQuestion({ actor, input: await onCurrent({ hearingId, questionId: waiting[1]?.id }) });
    expect(await db.draw.count({ where: { hearingId, kind: "QUESTIONS" } })).toBe(1);
  });

  it("refuses a question draw without valid dice digits, with the field's message", async () => {
    const live = await liveHearing(db);
    for (const entropy of [undefined, "12", "dice"]) {
      expect(
        await refusalOf(drawForCurrentCandidate({ actor: asActor(live.chair), input: await onCurrent({ hearingId: live.hearingId, entropy }) })),
      ).toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { entropy: "hearingLive.entropyInvalid" },
      });
    }
  });

  it("refuses question draws under a commitment from the earlier algorithm", async () => {
    const live = await liveHearing(db);
    await makeHearingQuestion(db, { hearingId: live.hearingId, candidateId: live.candidates[0]?.id as string, status: "APPROVED" });
    await db.hearing.update({ where: { id: live.hearingId }, data: { seedCommittedAt: null } });
    expect(
      await refusalOf(drawForCurrentCandidate({ actor: asActor(live.chair), input: await onCurrent({ hearingId: live.hearingId, entropy: DICE }) })),
    ).toMatchObject({
      messageKey: "hearingLive.legacyCommitment",
    });
    expect(await db.draw.count({ where: { hearingId: live.hearingId, kind: "QUESTIONS" } })).toBe(0);
  });
});

describe("after the end, the reveal and the close, the record cannot be rewritten", () => {
  it("refuses every rewrite after the end and after the reveal, and the record stays as it was", async () => {
    const ended = await endedHearing(db, { candidates: 3 });
    const { hearingId, conferenceId, chair } = ended;
    const actor = asActor(secretariat);
    // What the sceptical delegate did: a withdrawal, a late formal candidature, then "update" and "draw".
    await db.candidate.update({ where: { id: ended.candidates[0]?.id }, data: { status: "WITHDRAWN" } });
    await makeStandingCandidate(db, { conferenceId, memberStateId: (await makeMemberState(db)).id });
    const question = await makeHearingQuestion(db, { hearingId, candidateId: ended.candidates[1]?.id as string });

    const rewrites = async (stage: "ENDED" | "REVEALED") => {
      const before = await record(hearingId);
      expect(await refusalOf(refreshPresenters({ actor, conferenceId, input: {} }))).toMatchObject({ messageKey: "adminHearing.presentersFrozen" });
      expect(await refusalOf(drawRunningOrder({ actor, conferenceId, input: { entropy: DICE } }))).toMatchObject({
        messageKey: stage === "ENDED" ? "adminHearing.orderFrozen" : "adminHearing.noDrawAfterReveal",
      });
      expect(await refusalOf(drawForCurrentCandidate({ actor: asActor(chair), input: await onCurrent({ hearingId, entropy: DICE }) }))).toMatchObject({
        messageKey: "hearingLive.notLive",
      });
      expect(await refusalOf(commitSeed({ actor, conferenceId, input: { confirmed: "yes" } }))).toMatchObject({ messageKey: "adminHearing.seedExists" });
      expect(await refusalOf(reopenSetUp({ actor, conferenceId, input: { reason: "Let us draw the order again." } }))).toMatchObject({
        messageKey: "adminHearing.reopenStarted",
      });
      expect(await refusalOf(startHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) }))).toMatchObject({
        messageKey: "hearingLive.notScheduled",
      });
      expect(await refusalOf(approveQuestion({ actor: asActor(chair), input: await onCurrent({ hearingId, questionId: question.id }) }))).toMatchObject({
        messageKey: "hearingLive.hearingEnded",
      });
      expect(
        await refusalOf(
          enterRoomQuestion({
            actor,
            conferenceId,
            input: { hearingId, candidateId: ended.candidates[2]?.id, askerName: "Delegate", body: unique("A late question from the floor") },
          }),
        ),
      ).toMatchObject({ messageKey: "hearingLive.questionsClosed" });
      expect(
        await refusalOf(
          submitViewerQuestion({
            actor: null,
            input: { hearingId, candidateId: ended.candidates[2]?.id, askerName: "Viewer", body: unique("A late question from afar") },
            client: { ip: someAddress() },
          }),
        ),
      ).toMatchObject({ messageKey: "hearingLive.questionsClosed" });
      // The date and the chair are frozen after the start; the venue may still change.
      expect(
        await refusalOf(setUpHearing({ actor, conferenceId, input: hearingInput(chair.id, { startsAt: "2030-10-27T11:00", questionsPerCandidate: "2" }) })),
      ).toMatchObject({
        messageKey: "adminHearing.frozenOnceStarted",
        fieldErrors: { startsAt: expect.any(String), questionsPerCandidate: expect.any(String) },
      });
      expect(await record(hearingId)).toEqual(before);
    };

    await rewrites("ENDED");
    const slots = await db.hearingSlot.findMany({ where: { hearingId }, orderBy: { position: "asc" }, select: { candidateId: true, position: true } });
    await revealSeed({ actor, conferenceId, input: { hearingId, confirmed: "yes" } });
    await rewrites("REVEALED");
    expect(await db.hearingSlot.findMany({ where: { hearingId }, orderBy: { position: "asc" }, select: { candidateId: true, position: true } })).toEqual(slots);

    // The revealed seed re-runs the one running-order draw exactly.
    const revealed = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect(revealed).toMatchObject({ sealedSeed: null, seedHash: ended.seedHash });
    const [order] = await db.draw.findMany({ where: { hearingId } });
    expect(
      order &&
        verifyDraw({
          seed: revealed.seed ?? "",
          seedHash: ended.seedHash,
          kind: "RUNNING_ORDER",
          hearingId,
          candidateId: null,
          entropy: order.entropy ?? "",
          eligibleIds: order.eligibleIds,
          count: order.count,
          result: order.result,
        }),
    ).toBe(true);
  });

  it("reveals the sealed seed into the record only at the reveal", async () => {
    const live = await liveHearing(db);
    const { hearingId, conferenceId } = live;
    const sealed = (await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { sealedSeed: true } })).sealedSeed ?? "";
    const seed = unsealSeed(sealed);
    expect(await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } }))).toMatchObject({
      messageKey: "hearingPublic.admin.revealNotEnded",
    });
    const [row] = await db.$queryRaw<{ text: string }[]>`SELECT row_to_json(h)::text AS text FROM "Hearing" h WHERE id = ${hearingId}`;
    expect(row?.text).not.toContain(seed);
    await endHearing({ actor: asActor(live.chair), input: await onCurrent({ hearingId, confirmed: "yes" }) });
    await revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seed: true, sealedSeed: true } })).toEqual({ seed, sealedSeed: null });
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit?.action).toBe("seed-revealed");
    expect(JSON.stringify([audit?.before, audit?.after])).not.toContain(seed);
  });

  it("closes the record after the reveal only, and then refuses everything", async () => {
    const ended = await endedHearing(db);
    const { hearingId, conferenceId, chair } = ended;
    const actor = asActor(secretariat);
    expect(await refusalOf(closeRecord({ actor, conferenceId, input: { hearingId } }))).toMatchObject({ messageKey: "adminHearing.closeNotRevealed" });
    await revealSeed({ actor, conferenceId, input: { hearingId, confirmed: "yes" } });
    await expectOnlyRoleAllowed("SECRETARIAT", (someone) => closeRecord({ actor: someone, conferenceId, input: { hearingId } }));
    await closeRecord({ actor, conferenceId, input: { hearingId } });
    const closed = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { closedAt: true } });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect((await auditRowsFor(db, "Hearing", hearingId)).at(-1)).toMatchObject({ action: "record-closed", actorId: secretariat.id });

    const before = await record(hearingId);
    const recordClosed = { code: "CONFLICT", messageKey: "adminHearing.recordClosed" };
    expect(await refusalOf(closeRecord({ actor, conferenceId, input: { hearingId } }))).toMatchObject(recordClosed);
    expect(await refusalOf(setUpHearing({ actor, conferenceId, input: hearingInput(chair.id, { venue: "Another hall" }) }))).toMatchObject(recordClosed);
    expect(await refusalOf(setRecording({ actor, conferenceId, input: { hearingId, recordingUrl: "https://video.example.org/hearing.mp4" } }))).toMatchObject(
      recordClosed,
    );
    expect(await refusalOf(refreshPresenters({ actor, conferenceId, input: {} }))).toMatchObject(recordClosed);
    expect(await refusalOf(commitSeed({ actor, conferenceId, input: { confirmed: "yes" } }))).toMatchObject(recordClosed);
    expect(await refusalOf(reopenSetUp({ actor, conferenceId, input: { reason: "A reason that is long enough." } }))).toMatchObject(recordClosed);
    expect(await refusalOf(drawRunningOrder({ actor, conferenceId, input: { entropy: DICE } }))).toMatchObject(recordClosed);
    expect(await refusalOf(revealSeed({ actor, conferenceId, input: { hearingId, confirmed: "yes" } }))).toMatchObject({
      messageKey: "hearingPublic.admin.revealAlready",
    });
    expect(await refusalOf(endHearing({ actor: asActor(chair), input: await onCurrent({ hearingId, confirmed: "yes" }) }))).toMatchObject({
      messageKey: "hearingLive.recordClosed",
    });
    expect(await record(hearingId)).toEqual(before);
  });
});

describe("the set-up under a commitment", () => {
  it("freezes the slot times and the number of questions; the date, chair and webcast may still change", async () => {
    const ready = await hearingReadyToStart(db);
    const actor = asActor(secretariat);
    const input = (overrides: Record<string, string>) => hearingInput(ready.chair.id, overrides);
    expect(
      await refusalOf(setUpHearing({ actor, conferenceId: ready.conferenceId, input: input({ questionsPerCandidate: "2", qaMinutes: "20" }) })),
    ).toMatchObject({
      code: "CONFLICT",
      messageKey: "adminHearing.frozenOnceCommitted",
      fieldErrors: { questionsPerCandidate: "adminHearing.frozenOnceCommitted", qaMinutes: "adminHearing.frozenOnceCommitted" },
    });
    const otherChair = await makeChair(db);
    const changed = await setUpHearing({
      actor,
      conferenceId: ready.conferenceId,
      input: hearingInput(otherChair.id, { startsAt: "2030-10-27T10:00", webcastAccess: "MEMBERS" }),
    });
    expect(changed).toMatchObject({ chairId: otherChair.id, webcastAccess: "MEMBERS", seedHash: ready.seedHash });
    // A chair who is a national of a presenting State is refused here too.
    const national = await makeChair(db);
    await db.user.update({ where: { id: national.id }, data: { nationalityId: ready.states[0]?.id } });
    expect(await refusalOf(setUpHearing({ actor, conferenceId: ready.conferenceId, input: hearingInput(national.id) }))).toMatchObject({
      messageKey: "adminHearing.chairPresentingNationality",
      fieldErrors: { chairId: "adminHearing.chairPresentingNationality" },
    });
  });
});
