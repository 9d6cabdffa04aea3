import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { getClocksForAdmin, getOwnSplit, grantAccommodation, setClocks, setSplit } from "@/lib/hearings/clocks-admin";
import {
  beginAnswer,
  drawForCurrentCandidate,
  extendPhase,
  markAnswered,
  pauseHearing,
  resumeHearing,
  showQuestion,
  startHearing,
  startPresentation,
  startQa,
} from "@/lib/hearings/live";
import { getPublicHearingState } from "@/lib/hearings/live-state";
import { startRehearsal } from "@/lib/hearings/rehearsal-start";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
import { makeHearingQuestion, makeReadyHearing } from "../support/factories-live";
import { DICE } from "../support/hearing-stages";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";
import { onCurrent } from "../support/chair-moves";

// Finer clocks, splits and accommodations (docs/fairness.md#finer-clocks, #accommodation,
// docs/decisions/046-finer-clocks-and-accommodation.md).

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: Actor;

beforeAll(async () => {
  db = createDb(database.url());
  secretariat = asActor(await makeUser(db, "SECRETARIAT"));
});

/** A hearing still at its set-up (no commitment), with two presenters and an account for each. */
async function makeSetUpHearing() {
  const conferenceId = (await makeHearingConference(db)).id;
  const chair = await makeChair(db);
  const candidates = [];
  for (let i = 0; i < 2; i++) candidates.push(await makeStandingCandidate(db, { conferenceId, memberStateId: (await makeMemberState(db)).id }));
  const hearing = await db.hearing.create({
    data: {
      conferenceId,
      startsAt: new Date("2030-10-27T05:30:00Z"),
      presentationMinutes: 15,
      qaMinutes: 15,
      chairId: chair.id,
      slots: { create: candidates.map((c) => ({ candidateId: c.id })) },
    },
    select: { id: true },
  });
  const accounts: TestUser[] = [];
  for (const c of candidates) accounts.push(await makeUser(db, "CANDIDATE", { candidateId: c.id }));
  return { hearingId: hearing.id, conferenceId, chair: asActor(chair), candidates, accounts };
}

const clocks = (hearingId: string, extra: Record<string, string> = {}) => ({
  hearingId,
  questionLimitSeconds: "60",
  answerLimitSeconds: "180",
  splitAllowed: "on",
  minPresentationMinutes: "5",
  minQaMinutes: "10",
  ...extra,
});

describe("the secretariat's clocks and the candidates' splits, before the commitment", () => {
  let h: Awaited<ReturnType<typeof makeSetUpHearing>>;

  beforeAll(async () => {
    h = await makeSetUpHearing();
  });

  it("is set by the secretariat only, and audited", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => setClocks({ actor, conferenceId: h.conferenceId, input: clocks(h.hearingId) }));
    expect(await setClocks({ actor: secretariat, conferenceId: h.conferenceId, input: clocks(h.hearingId) })).toEqual({
      hearingId: h.hearingId,
      changed: true,
    });
    expect(await setClocks({ actor: secretariat, conferenceId: h.conferenceId, input: clocks(h.hearingId) })).toEqual({
      hearingId: h.hearingId,
      changed: false,
    });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: h.hearingId } })).toMatchObject({
      questionLimitSeconds: 60,
      answerLimitSeconds: 180,
      splitAllowed: true,
      minPresentationMinutes: 5,
      minQaMinutes: 10,
    });
    expect((await auditRowsFor(db, "Hearing", h.hearingId)).map((r) => r.action)).toEqual(["clocks-set"]);
  });

  it("refuses invalid limits and bounds longer than the slot, with translated keys, changing nothing", async () => {
    expect(
      await refusalOf(setClocks({ actor: secretariat, conferenceId: h.conferenceId, input: clocks(h.hearingId, { questionLimitSeconds: "5" }) })),
    ).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { questionLimitSeconds: "tooSmall:10" },
    });
    expect(
      await refusalOf(
        setClocks({ actor: secretariat, conferenceId: h.conferenceId, input: clocks(h.hearingId, { minPresentationMinutes: "25", minQaMinutes: "10" }) }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT", messageKey: "hearingClocks.errors.boundsTooLarge" });
    // A hearing of another conference is not this console's.
    const other = await makeHearingConference(db);
    expect(await refusalOf(setClocks({ actor: secretariat, conferenceId: other.id, input: clocks(h.hearingId) }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: h.hearingId } })).toMatchObject({ questionLimitSeconds: 60, minPresentationMinutes: 5 });
  });

  it("lets a candidate choose their own split, within the bounds, the total equal", async () => {
    const [first] = h.accounts;
    const input = { hearingId: h.hearingId, candidateId: h.candidates[0]?.id, presentationMinutes: "10" };
    expect(await setSplit({ actor: asActor(first as TestUser), input })).toMatchObject({ changed: true });
    const slot = await db.hearingSlot.findFirstOrThrow({ where: { hearingId: h.hearingId, candidateId: h.candidates[0]?.id } });
    expect(slot).toMatchObject({ plannedPresentationMs: 600_000, plannedQaMs: 1_200_000 });
    expect((await auditRowsFor(db, "HearingSlot", slot.id)).map((r) => r.action)).toEqual(["split-set"]);
    expect(await getOwnSplit(asActor(first as TestUser))).toMatchObject({ presentationMs: 600_000, qaMs: 1_200_000, chosen: true, frozen: false });
    expect(await refusalOf(setSplit({ actor: asActor(first as TestUser), input: { ...input, presentationMinutes: "21" } }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "hearingClocks.errors.splitOutOfBounds",
      values: { min: 5, max: 20 },
      fieldErrors: { presentationMinutes: "hearingClocks.errors.splitOutOfBoundsField" },
    });
    // The secretariat raises the minimum presentation past the split: the split is no longer used,
    // and the candidate's page and the console say so, until the candidate chooses again.
    await setClocks({ actor: secretariat, conferenceId: h.conferenceId, input: clocks(h.hearingId, { minPresentationMinutes: "12" }) });
    expect(await getOwnSplit(asActor(first as TestUser))).toMatchObject({ presentationMs: 900_000, qaMs: 900_000, chosen: false, stale: true });
    const section = await getClocksForAdmin(secretariat, { conferenceId: h.conferenceId, hearingId: h.hearingId });
    expect(section?.slots.find((s) => s.candidateId === h.candidates[0]?.id)).toMatchObject({ chosen: false, stale: true });
    await setSplit({ actor: asActor(first as TestUser), input: { ...input, presentationMinutes: "12" } });
    expect(await getOwnSplit(asActor(first as TestUser))).toMatchObject({ presentationMs: 720_000, chosen: true, stale: false });
    await setClocks({ actor: secretariat, conferenceId: h.conferenceId, input: clocks(h.hearingId) });
    await setSplit({ actor: asActor(first as TestUser), input });
  });

  it("refuses the split to every role that must not: another candidate, the chair, a member, anonymous", async () => {
    const target = { hearingId: h.hearingId, candidateId: h.candidates[1]?.id, presentationMinutes: "12" };
    const [first] = h.accounts;
    expect(await refusalOf(setSplit({ actor: asActor(first as TestUser), input: target }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(setSplit({ actor: h.chair, input: target }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(setSplit({ actor: actorOf("MEMBER"), input: target }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(setSplit({ actor: actorOf("ETHICS_OFFICER"), input: target }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(setSplit({ actor: null, input: target }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.hearingSlot.findFirstOrThrow({ where: { hearingId: h.hearingId, candidateId: h.candidates[1]?.id } })).toMatchObject({
      plannedPresentationMs: null,
    });
    // The secretariat may enter it on the candidate's behalf.
    expect(await setSplit({ actor: secretariat, input: target })).toMatchObject({ changed: true });
  });

  it("grants an accommodation in advance with its kind and a reason, validated and audited", async () => {
    const input = { hearingId: h.hearingId, candidateId: h.candidates[1]?.id, kind: "DISABILITY", phase: "PRESENTATION", minutes: "3", reason: "short" };
    expect(await refusalOf(grantAccommodation({ actor: secretariat, conferenceId: h.conferenceId, input }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reason: "hearingClocks.errors.reasonTooShort:10" },
    });
    expect(
      await refusalOf(
        grantAccommodation({ actor: secretariat, conferenceId: h.conferenceId, input: { ...input, kind: "", reason: "Screen reader needs set-up time" } }),
      ),
    ).toMatchObject({
      fieldErrors: { kind: "hearingClocks.errors.kindRequired" },
    });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => grantAccommodation({ actor, conferenceId: h.conferenceId, input }));
    const granted = await grantAccommodation({
      actor: secretariat,
      conferenceId: h.conferenceId,
      input: { ...input, reason: "Screen reader needs set-up time" },
    });
    expect(await db.hearingExtension.findUniqueOrThrow({ where: { id: granted.id } })).toMatchObject({
      kind: "DISABILITY",
      addedMs: 180_000,
      phase: "PRESENTATION",
    });
    expect((await auditRowsFor(db, "HearingExtension", granted.id)).map((r) => r.action)).toEqual(["accommodation-granted"]);
    const view = await getClocksForAdmin(secretariat, { conferenceId: h.conferenceId, hearingId: h.hearingId });
    expect(view?.accommodations).toEqual([expect.objectContaining({ kind: "DISABILITY", addedMs: 180_000 })]);
  });

  it("is frozen by the commitment: the limits and the splits are refused after it", async () => {
    await db.hearing.update({ where: { id: h.hearingId }, data: { seedHash: "a".repeat(64), seedCommittedAt: new Date() } });
    expect(
      await refusalOf(setClocks({ actor: secretariat, conferenceId: h.conferenceId, input: clocks(h.hearingId, { answerLimitSeconds: "120" }) })),
    ).toMatchObject({
      code: "CONFLICT",
      messageKey: "hearingClocks.errors.frozen",
    });
    const [first] = h.accounts;
    expect(
      await refusalOf(
        setSplit({ actor: asActor(first as TestUser), input: { hearingId: h.hearingId, candidateId: h.candidates[0]?.id, presentationMinutes: "15" } }),
      ),
    ).toMatchObject({ code: "CONFLICT", messageKey: "hearingClocks.errors.frozen" });
    expect(await getOwnSplit(asActor(first as TestUser))).toMatchObject({ frozen: true, presentationMs: 600_000 });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: h.hearingId } })).toMatchObject({ answerLimitSeconds: 180 });
  });

  it("gives a rehearsal the same limits, so that the chair rehearses 'answer begins'", async () => {
    const { hearingId } = await startRehearsal({ actor: secretariat, conferenceId: h.conferenceId, input: {} });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).toMatchObject({
      rehearsal: true,
      questionLimitSeconds: 60,
      answerLimitSeconds: 180,
      splitAllowed: false,
    });
  });
});

describe("the question's and the answer's clocks, live", () => {
  let hearingId: string;
  let chair: Actor;
  let first: string;

  beforeAll(async () => {
    const ready = await makeReadyHearing(db, { candidates: 1 });
    hearingId = ready.hearingId;
    chair = asActor(ready.chair);
    first = ready.candidates[0]?.id as string;
    // Set before the commitment in real life; here written directly on a ready hearing.
    await db.hearing.update({
      where: { id: hearingId },
      data: { questionLimitSeconds: 60, answerLimitSeconds: 180, splitAllowed: true, minPresentationMinutes: 5 },
    });
    await db.hearingSlot.updateMany({ where: { hearingId, candidateId: first }, data: { plannedPresentationMs: 600_000, plannedQaMs: 1_200_000 } });
    for (let i = 0; i < 2; i++) await makeHearingQuestion(db, { hearingId, candidateId: first, status: "APPROVED" });
  });

  it("runs each phase on the candidate's own split", async () => {
    await startHearing({ actor: chair, input: await onCurrent({ hearingId, confirmed: "yes" }) });
    expect(await startPresentation({ actor: chair, input: await onCurrent({ hearingId }) })).toMatchObject({ phase: "PRESENTATION", durationMs: 600_000 });
    expect(await startQa({ actor: chair, input: await onCurrent({ hearingId }) })).toMatchObject({ phase: "QA", durationMs: 1_200_000 });
  });

  it("publishes the question's clock, then the answer's after the versioned 'answer begins'", async () => {
    await drawForCurrentCandidate({ actor: chair, input: await onCurrent({ hearingId, entropy: DICE }) });
    const shown = await showQuestion({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(shown.questionClock).toMatchObject({ kind: "QUESTION", limitMs: 60_000 });
    const version = shown.version;
    const begun = await beginAnswer({ actor: chair, input: { hearingId, expectedVersion: version } });
    expect(begun.questionClock).toMatchObject({ kind: "ANSWER", limitMs: 180_000 });
    // A double click: the second press names the old version and changes nothing.
    expect(await refusalOf(beginAnswer({ actor: chair, input: { hearingId, expectedVersion: version } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "hearingLive.staleMove",
    });
    // On the current version, once begun it cannot begin again.
    expect(await refusalOf(beginAnswer({ actor: chair, input: await onCurrent({ hearingId }) }))).toMatchObject({
      messageKey: "hearingClocks.errors.answerCannotBegin",
    });
    const question = await db.hearingQuestion.findUniqueOrThrow({ where: { id: shown.question?.id } });
    expect(question.answerStartedAt).not.toBeNull();
    // Part of the state a viewer who reconnects is given.
    expect((await getPublicHearingState(hearingId))?.questionClock).toMatchObject({ kind: "ANSWER", startedAt: begun.questionClock?.startedAt });
    const events = await db.hearingEvent.findMany({ where: { hearingId, type: "answer-begun" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ questionClock: { kind: "ANSWER" } });
  });

  it("stops the answer's clock during a pause and takes it down with the question", async () => {
    const before = (await getPublicHearingState(hearingId))?.questionClock?.startedAt as string;
    await pauseHearing({ actor: chair, input: await onCurrent({ hearingId }) });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const resumed = await resumeHearing({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(Date.parse(resumed.questionClock?.startedAt as string)).toBeGreaterThan(Date.parse(before));
    const answered = await markAnswered({ actor: chair, input: await onCurrent({ hearingId }) });
    expect(answered.questionClock).toBeNull();
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).toMatchObject({ questionClockStartedAt: null, answerClockStartedAt: null });
    // Without a question on screen there is no answer to begin.
    expect(await refusalOf(beginAnswer({ actor: chair, input: await onCurrent({ hearingId }) }))).toMatchObject({
      messageKey: "hearingClocks.errors.answerCannotBegin",
    });
  });

  it("records a live accommodation with its kind; refuses 'answer begins' to anyone but the hearing's chair", async () => {
    await extendPhase({ actor: chair, input: await onCurrent({ hearingId, minutes: "2", reason: "The candidate's microphone failed", kind: "TECHNICAL" }) });
    expect(await db.hearingExtension.findFirstOrThrow({ where: { slot: { hearingId } } })).toMatchObject({ kind: "TECHNICAL", addedMs: 120_000 });
    expect(
      await refusalOf(extendPhase({ actor: chair, input: await onCurrent({ hearingId, minutes: "2", reason: "Another failure here", kind: "OTHER" }) })),
    ).toMatchObject({
      fieldErrors: { kind: "hearingClocks.errors.kindRequired" },
    });
    const other = asActor(await makeChair(db));
    expect(await refusalOf(beginAnswer({ actor: other, input: await onCurrent({ hearingId }) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(beginAnswer({ actor: secretariat, input: await onCurrent({ hearingId }) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(beginAnswer({ actor: null, input: await onCurrent({ hearingId }) }))).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
