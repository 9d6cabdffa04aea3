import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { refreshPresenters } from "@/lib/hearings/refresh-presenters";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// The services work on the hearing of the conference they are given: the tests below build on
// each other in order (set up, then edit, then refresh), on this file's own conference.
const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;
let conferenceId: string;
let presentingStates: string[];
let chair: TestUser;
let presenters: string[];

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
  const [a, b, neutral] = [await makeMemberState(db), await makeMemberState(db), await makeMemberState(db)];
  presentingStates = [a.id, b.id];
  presenters = [
    (await makeStandingCandidate(db, { conferenceId, memberStateId: a.id })).id,
    (await makeStandingCandidate(db, { conferenceId, memberStateId: b.id })).id,
  ];
  // Not presenters: announced only, withdrawn, and a regional seat (¶6: the five elected posts).
  const other = await makeMemberState(db);
  await makeStandingCandidate(db, { conferenceId, memberStateId: other.id, status: "ANNOUNCED" });
  await makeStandingCandidate(db, { conferenceId, memberStateId: other.id, status: "WITHDRAWN" });
  await makeStandingCandidate(db, { conferenceId, memberStateId: other.id, kind: "RRB_SEAT" });
  chair = await makeChair(db, { memberStateId: neutral.id });
});

describe("setting up the hearing", () => {
  it("refuses a date at or before the candidature deadline, or on the opening day (¶8, ¶9)", async () => {
    const actor = asActor(secretariat);
    const early = await refusalOf(setUpHearing({ actor, conferenceId, input: hearingInput(chair.id, { startsAt: "2030-09-20T10:00" }) }));
    expect(early).toMatchObject({ code: "INVALID_INPUT", messageKey: "adminHearing.beforeDeadline", fieldErrors: { startsAt: "adminHearing.beforeDeadline" } });
    const late = await refusalOf(setUpHearing({ actor, conferenceId, input: hearingInput(chair.id, { startsAt: "2030-10-28T00:00" }) }));
    expect(late).toMatchObject({ messageKey: "adminHearing.notBeforeOpening" });
    expect(await db.hearing.count({ where: { conferenceId } })).toBe(0);
  });

  it("refuses invalid input with each field's message", async () => {
    const result = await refusalOf(
      setUpHearing({
        actor: asActor(secretariat),
        conferenceId,
        input: hearingInput(chair.id, { questionsPerCandidate: "4", webcastSource: "http://x.org/a.m3u8" }),
      }),
    );
    expect(result).toEqual({
      code: "INVALID_INPUT",
      messageKey: undefined,
      fieldErrors: { questionsPerCandidate: "adminHearing.questionsTwoOrThree", webcastSource: "adminHearing.webcastSourceInvalid" },
    });
  });

  it("refuses a staff chair and a chair from a presenting administration, naming ¶8", async () => {
    const staff = await makeChair(db, { isStaff: true });
    expect(await refusalOf(setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(staff.id) }))).toMatchObject({
      messageKey: "adminHearing.chairIsStaff",
    });
    const partial = await makeChair(db, { memberStateId: presentingStates[0] });
    expect(await refusalOf(setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(partial.id) }))).toMatchObject({
      messageKey: "adminHearing.chairPresentingState",
    });
    const member = await makeUser(db, "MEMBER");
    expect(await refusalOf(setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(member.id) }))).toMatchObject({
      messageKey: "adminHearing.chairNotAChair",
    });
  });

  it("refuses a chair who is a national of a presenting State, whatever administration they belong to (¶8)", async () => {
    const national = await makeChair(db, { memberStateId: (await makeMemberState(db)).id });
    await db.user.update({ where: { id: national.id }, data: { nationalityId: presentingStates[1] } });
    expect(await refusalOf(setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(national.id) }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "adminHearing.chairPresentingNationality",
      fieldErrors: { chairId: "adminHearing.chairPresentingNationality" },
    });
    expect(await db.hearing.count({ where: { conferenceId } })).toBe(0);
  });

  it("creates the hearing with a slot for each presenter, and its audit row", async () => {
    const hearing = await setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(chair.id) });
    expect(hearing.startsAt.toISOString()).toBe("2030-10-27T05:30:00.000Z"); // 09:30 in Dubai
    expect([hearing.presentationMinutes, hearing.qaMinutes, hearing.questionsPerCandidate]).toEqual([15, 15, 3]);
    const slots = await db.hearingSlot.findMany({ where: { hearingId: hearing.id }, select: { candidateId: true, position: true } });
    expect(slots.map((s) => s.candidateId).sort()).toEqual([...presenters].sort());
    expect(slots.every((s) => s.position === null)).toBe(true);
    const audit = await auditRowsFor(db, "Hearing", hearing.id);
    expect(audit.map((a) => [a.action, a.actorId, a.area])).toEqual([["created", secretariat.id, "hearing"]]);
  });

  it("edits the same hearing and audits before and after", async () => {
    const hearing = await setUpHearing({
      actor: asActor(secretariat),
      conferenceId,
      input: hearingInput(chair.id, { presentationMinutes: "30", qaMinutes: "30", questionsPerCandidate: "2", webcastKind: "NONE", webcastAccess: "MEMBERS" }),
    });
    expect(await db.hearing.count({ where: { conferenceId } })).toBe(1);
    expect([hearing.presentationMinutes, hearing.qaMinutes, hearing.webcastSource, hearing.webcastAccess]).toEqual([30, 30, null, "MEMBERS"]);
    const [, updated] = await auditRowsFor(db, "Hearing", hearing.id);
    expect(updated?.action).toBe("updated");
    expect(updated?.before).toMatchObject({ presentationMinutes: 15, webcastKind: "URL" });
    expect(updated?.after).toMatchObject({ presentationMinutes: 30, webcastKind: "NONE" });
  });

  it("refreshes the presenters after a new formal candidature, and re-checks the chair", async () => {
    const late = await makeMemberState(db);
    const added = await makeStandingCandidate(db, { conferenceId, memberStateId: late.id });
    const result = await refreshPresenters({ actor: asActor(secretariat), conferenceId, input: {} });
    expect(result).toEqual({ changed: true, presenters: 3 });
    const hearing = await db.hearing.findFirstOrThrow({ where: { conferenceId }, select: { id: true, slots: { select: { candidateId: true } } } });
    expect(hearing.slots.map((s) => s.candidateId)).toContain(added.id);
    expect((await auditRowsFor(db, "Hearing", hearing.id)).at(-1)?.action).toBe("presenters-refreshed");
    expect(await refreshPresenters({ actor: asActor(secretariat), conferenceId, input: {} })).toEqual({ changed: false, presenters: 3 });

    // The chair's administration now presents a candidate: ¶8 refuses, nothing changes.
    const chairState = (await db.user.findUniqueOrThrow({ where: { id: chair.id } })).memberStateId ?? "";
    await makeStandingCandidate(db, { conferenceId, memberStateId: chairState });
    expect(await refusalOf(refreshPresenters({ actor: asActor(secretariat), conferenceId, input: {} }))).toMatchObject({
      messageKey: "adminHearing.chairPresentingState",
    });
    expect(await db.hearingSlot.count({ where: { hearingId: hearing.id } })).toBe(3);
  });

  it("refuses input that is not a form", async () => {
    expect(await refusalOf(refreshPresenters({ actor: asActor(secretariat), conferenceId, input: null }))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("lets only an active secretariat set up the hearing or refresh its presenters", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => setUpHearing({ actor, conferenceId, input: hearingInput(chair.id) }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => refreshPresenters({ actor, conferenceId, input: {} }));
  });

  it("freezes the date, chair, equal times and question count once the hearing has started; the webcast may still change", async () => {
    const neutralChair = await makeChair(db, { memberStateId: (await makeMemberState(db)).id });
    const set = await setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(neutralChair.id) });
    await db.hearing.update({ where: { id: set.id }, data: { status: "LIVE" } });
    try {
      const refused = await refusalOf(
        setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(neutralChair.id, { questionsPerCandidate: "2", qaMinutes: "20" }) }),
      );
      expect(refused).toMatchObject({
        code: "CONFLICT",
        messageKey: "adminHearing.frozenOnceStarted",
        fieldErrors: { questionsPerCandidate: "adminHearing.frozenOnceStarted", qaMinutes: "adminHearing.frozenOnceStarted" },
      });
      expect(await db.hearing.findUniqueOrThrow({ where: { id: set.id } })).toMatchObject({ questionsPerCandidate: 3, qaMinutes: 15, webcastAccess: "PUBLIC" });
      const changed = await setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(neutralChair.id, { webcastAccess: "MEMBERS" }) });
      expect(changed.webcastAccess).toBe("MEMBERS");
    } finally {
      await db.hearing.update({ where: { id: set.id }, data: { status: "SCHEDULED" } });
    }
  });
});

describe("the conference given (docs/decisions/012)", () => {
  it("sets up a hearing in each conference on its own, and refreshes only the one given", async () => {
    const other = await makeHearingConference(db);
    const theirChair = await makeChair(db);
    const theirs = await setUpHearing({ actor: asActor(secretariat), conferenceId: other.id, input: hearingInput(theirChair.id) });
    expect(theirs.conferenceId).toBe(other.id);
    expect(await db.hearingSlot.count({ where: { hearingId: theirs.id } })).toBe(0);
    const ours = await db.hearing.findFirstOrThrow({ where: { conferenceId }, select: { id: true, chairId: true } });
    expect(ours.id).not.toBe(theirs.id);
    expect(ours.chairId).not.toBe(theirChair.id);
    expect(await refreshPresenters({ actor: asActor(secretariat), conferenceId: other.id, input: {} })).toEqual({ changed: false, presenters: 0 });
  });

  it("refuses an unknown conference as not found and a closed one as closed, writing nothing", async () => {
    expect((await refusalOf(setUpHearing({ actor: asActor(secretariat), conferenceId: "no-such-conference", input: hearingInput(chair.id) }))).code).toBe(
      "NOT_FOUND",
    );
    const closed = await makeHearingConference(db);
    await db.conference.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    const closedRefusal = { code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" };
    expect(await refusalOf(setUpHearing({ actor: asActor(secretariat), conferenceId: closed.id, input: hearingInput(chair.id) }))).toMatchObject(closedRefusal);
    expect(await refusalOf(refreshPresenters({ actor: asActor(secretariat), conferenceId: closed.id, input: {} }))).toMatchObject(closedRefusal);
    expect(await db.hearing.count({ where: { conferenceId: closed.id } })).toBe(0);
  });
});
