import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { approveQuestion, setAsideQuestion } from "@/lib/hearings/live";
import { enterRoomQuestion, loadChairQueue, submitViewerQuestion } from "@/lib/hearings/questions";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { onCurrent } from "../support/chair-moves";
import { asActor, makeUser, unique, type TestUser } from "../support/factories";
import { someAddress } from "../support/factories-forum";
import { makeHearingConference, makeMemberState } from "../support/factories-hearing";
import { makeHearingQuestion, makeReadyHearing } from "../support/factories-live";
import { actorOf, refusalOf } from "../support/roles";

// The source of a hearing question at entry, from the webcast and on a room card
// (docs/fairness.md#question-sources, docs/fairness.md#no-self-questioning), and the chair's
// set-aside reason (docs/fairness.md#after-the-hearing).

let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));
const { POST: askRoute } = await import("@/app/api/hearings/[id]/questions/route");

const database = withAppDatabase();
let db: PrismaClient;
let conferenceId: string;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
});

async function hearing() {
  const made = await makeReadyHearing(db, { conferenceId });
  const [first, second] = made.candidates.map((c) => ({ id: c.id })) as [{ id: string }, { id: string }];
  const nominators = await db.candidate.findMany({
    where: { id: { in: [first.id, second.id] } },
    select: { id: true, memberState: { select: { id: true, iso2: true } } },
  });
  const stateOf = (id: string) => nominators.find((c) => c.id === id)?.memberState as { id: string; iso2: string };
  return { ...made, first: first.id, second: second.id, firstState: stateOf(first.id), secondState: stateOf(second.id) };
}

/** A member of `stateId`'s administration. */
async function memberOf(stateId: string) {
  const user = await makeUser(db, "MEMBER");
  await db.user.update({ where: { id: user.id }, data: { memberStateId: stateId } });
  return asActor(user);
}

function questionFor(hearingId: string, candidateId: string, extra: Record<string, unknown> = {}) {
  return { hearingId, candidateId, askerName: unique("Asker"), body: unique("How will you close the digital divide"), ...extra };
}

const ask = (input: unknown, actor: Actor | null = null) => submitViewerQuestion({ actor, input, client: { ip: someAddress() } });
const card = (input: unknown, actor: Actor | null = asActor(secretariat)) => enterRoomQuestion({ actor, conferenceId, input });
const stored = (hearingId: string) =>
  db.hearingQuestion.findMany({
    where: { hearingId },
    select: { askerKind: true, askerStateId: true, askerRegion: true, askerVerified: true, publishConsent: true, askerOrigin: true, source: true },
  });

describe("a webcast question's source", () => {
  it("stores the declared source: a Member State's question keeps the state and its region now, declared only when nobody vouches", async () => {
    const h = await hearing();
    const state = await makeMemberState(db);
    await db.memberState.update({ where: { id: state.id }, data: { region: "D" } });
    await ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: state.iso2.toLowerCase(), publishConsent: true }));
    await ask(questionFor(h.hearingId, h.first, { askerKind: "PRESS", askerOrigin: "Daily Signal", askerState: state.iso2 }));
    await ask(questionFor(h.hearingId, h.first));
    const rows = await stored(h.hearingId);
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          askerKind: "MEMBER_STATE",
          askerStateId: state.id,
          askerRegion: "D",
          askerVerified: false,
          publishConsent: true,
          askerOrigin: null,
          source: "WEBCAST",
        },
        // A state given with another source is not kept.
        {
          askerKind: "PRESS",
          askerStateId: null,
          askerRegion: null,
          askerVerified: false,
          publishConsent: false,
          askerOrigin: "Daily Signal",
          source: "WEBCAST",
        },
        // Nothing said of the source: the public, no consent.
        { askerKind: "PUBLIC", askerStateId: null, askerRegion: null, askerVerified: false, publishConsent: false, askerOrigin: null, source: "WEBCAST" },
      ]),
    );
    // The region is the one at entry: a later change to the reference data moves nothing.
    await db.memberState.update({ where: { id: state.id }, data: { region: "A" } });
    expect((await stored(h.hearingId)).find((r) => r.askerKind === "MEMBER_STATE")?.askerRegion).toBe("D");
  });

  it("refuses a source without what it needs, an unknown state or kind, with a key per field, keeping nothing", async () => {
    const h = await hearing();
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE" })))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { askerState: "questionSources.stateRequired" },
    });
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "SECTOR_MEMBER", askerOrigin: " " })))).toMatchObject({
      fieldErrors: { askerOrigin: "questionSources.organisationRequired" },
    });
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "PRESS" })))).toMatchObject({
      fieldErrors: { askerOrigin: "questionSources.outletRequired" },
    });
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: "Q" })))).toMatchObject({
      fieldErrors: { askerState: "questionSources.stateUnknown" },
    });
    // Two letters no state has.
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: "QZ" })))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { askerState: "questionSources.stateUnknown" },
    });
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "DELEGATE" })))).toMatchObject({
      fieldErrors: { askerKind: "questionSources.kindInvalid" },
    });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
  });

  it("refuses the candidate's nominating state questioning them, naming the rule; another candidate may be asked", async () => {
    const h = await hearing();
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: h.firstState.iso2 })))).toEqual({
      code: "CONFLICT",
      messageKey: "questionSources.refused.selfQuestioningState",
      fieldErrors: { askerState: "questionSources.field.selfQuestioningState" },
      values: undefined,
    });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
    await ask(questionFor(h.hearingId, h.second, { askerKind: "MEMBER_STATE", askerState: h.firstState.iso2 }));
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId, candidateId: h.second } })).toBe(1);
  });

  it("checks a signed-in administration's member: their own state is checked, another state refused", async () => {
    const h = await hearing();
    const own = await makeMemberState(db);
    const other = await makeMemberState(db);
    const member = await memberOf(own.id);
    await ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: own.iso2 }), member);
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: other.iso2 }), member))).toMatchObject({
      code: "FORBIDDEN",
      messageKey: "questionSources.refused.otherState",
      fieldErrors: { askerState: "questionSources.field.otherState" },
    });
    // Another source is declared, not checked; an account without an administration checks nothing.
    await ask(questionFor(h.hearingId, h.first, { askerKind: "SECTOR_MEMBER", askerOrigin: "Telecom Union" }), member);
    const plain = asActor(await makeUser(db, "MEMBER"));
    await ask(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: other.iso2 }), plain);
    const rows = await stored(h.hearingId);
    expect(rows.map((r) => [r.askerKind, r.askerStateId, r.askerVerified]).sort()).toEqual(
      [
        ["MEMBER_STATE", own.id, true],
        ["MEMBER_STATE", other.id, false],
        ["SECTOR_MEMBER", null, false],
      ].sort(),
    );
  });

  it("refuses a signed-in member of the nominating state's administration whatever source they declare", async () => {
    const h = await hearing();
    const member = await memberOf(h.firstState.id);
    for (const extra of [{}, { askerKind: "PRESS", askerOrigin: "Gazette" }, { askerKind: "SECTOR_MEMBER", askerOrigin: "Operator" }]) {
      expect(await refusalOf(ask(questionFor(h.hearingId, h.first, extra), member))).toMatchObject({
        code: "CONFLICT",
        messageKey: "questionSources.refused.selfQuestioningAccount",
        fieldErrors: { askerKind: "questionSources.field.selfQuestioningAccount" },
      });
    }
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
    // The same member may question the other candidate.
    await ask(questionFor(h.hearingId, h.second, { askerKind: "MEMBER_STATE", askerState: h.firstState.iso2 }), member);
    expect(await stored(h.hearingId)).toMatchObject([{ askerKind: "MEMBER_STATE", askerStateId: h.firstState.id, askerVerified: true }]);
  });

  it("answers the route's refusal in the asker's language, the rule and the field", async () => {
    const h = await hearing();
    asking = null;
    const response = await askRoute(
      new Request(`http://localhost/api/hearings/${h.hearingId}/questions?locale=fr`, {
        method: "POST",
        headers: { origin: "http://localhost", "content-type": "application/json", "x-forwarded-for": someAddress() },
        body: JSON.stringify(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: h.firstState.iso2 })),
      }),
      { params: Promise.resolve({ id: h.hearingId }) },
    );
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string> };
    expect(body.error).toContain("auto-interrogation");
    expect(body.fieldErrors.askerState).toContain("candidat");
  });
});

describe("a room card's source", () => {
  it("is checked when the secretariat ticks the badge, declared otherwise, and audited with the question", async () => {
    const h = await hearing();
    const state = await makeMemberState(db);
    const { id } = await card(
      questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: state.iso2, sourceChecked: "on", publishConsent: "on" }),
    );
    await card(questionFor(h.hearingId, h.first, { askerKind: "PRESS", askerOrigin: "Radio Dubai" }));
    expect((await stored(h.hearingId)).sort((a, b) => a.askerKind.localeCompare(b.askerKind))).toEqual([
      { askerKind: "MEMBER_STATE", askerStateId: state.id, askerRegion: "B", askerVerified: true, publishConsent: true, askerOrigin: null, source: "ROOM" },
      { askerKind: "PRESS", askerStateId: null, askerRegion: null, askerVerified: false, publishConsent: false, askerOrigin: "Radio Dubai", source: "ROOM" },
    ]);
    const [audit] = await auditRowsFor(db, "HearingQuestion", id);
    expect(audit?.after).toMatchObject({ askerKind: "MEMBER_STATE", askerStateId: state.id, askerRegion: "B", askerVerified: true, publishConsent: true });
  });

  it("refuses a card from the candidate's nominating state, checked or not, and a card without what its source needs", async () => {
    const h = await hearing();
    const audits = await db.auditEvent.count();
    for (const sourceChecked of ["on", ""]) {
      expect(
        await refusalOf(card(questionFor(h.hearingId, h.second, { askerKind: "MEMBER_STATE", askerState: h.secondState.iso2, sourceChecked }))),
      ).toMatchObject({
        code: "CONFLICT",
        messageKey: "questionSources.refused.selfQuestioningState",
        fieldErrors: { askerState: "questionSources.field.selfQuestioningState" },
      });
    }
    expect(await refusalOf(card(questionFor(h.hearingId, h.second, { askerKind: "SECTOR_MEMBER" })))).toMatchObject({
      fieldErrors: { askerOrigin: "questionSources.organisationRequired" },
    });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("is refused to anyone but the secretariat: anonymous, a candidate, the chair, a member of an administration", async () => {
    const h = await hearing();
    const input = questionFor(h.hearingId, h.first, { askerKind: "PUBLIC", sourceChecked: "on" });
    expect((await refusalOf(card(input, null))).code).toBe("UNAUTHENTICATED");
    expect((await refusalOf(card(input, actorOf("CANDIDATE", { candidateId: h.first })))).code).toBe("FORBIDDEN");
    expect((await refusalOf(card(input, asActor(h.chair)))).code).toBe("FORBIDDEN");
    expect((await refusalOf(card(input, await memberOf(h.secondState.id)))).code).toBe("FORBIDDEN");
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
  });
});

describe("the chair's queue and set-aside reason", () => {
  it("shows each question's source, state and region, declared or checked", async () => {
    const h = await hearing();
    const state = await makeMemberState(db);
    await card(questionFor(h.hearingId, h.first, { askerKind: "MEMBER_STATE", askerState: state.iso2, sourceChecked: "on" }));
    const loaded = await loadChairQueue(h.hearingId);
    const [question] = loaded?.queue.candidates.find((c) => c.candidateId === h.first)?.questions ?? [];
    expect(question).toMatchObject({
      askerKind: "MEMBER_STATE",
      askerState: { iso2: state.iso2, nameEn: state.nameEn },
      askerRegion: "B",
      askerVerified: true,
      setAsideReason: null,
    });
  });

  it("sets a question aside only with a reason, kept and audited, and clears it when approved again", async () => {
    const h = await hearing();
    const actor = asActor(h.chair);
    const q = await makeHearingQuestion(db, { hearingId: h.hearingId, candidateId: h.first });
    for (const [reason, key] of [
      [undefined, "questionSources.reasonRequired"],
      ["   ", "questionSources.reasonRequired"],
      ["no", "questionSources.reasonTooShort:3"],
      ["x".repeat(301), "questionSources.reasonTooLong:300"],
    ] as const) {
      expect(await refusalOf(setAsideQuestion({ actor, input: await onCurrent({ hearingId: h.hearingId, questionId: q.id, reason }) }))).toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { reason: key },
      });
    }
    expect((await db.hearingQuestion.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("PENDING");
    await setAsideQuestion({ actor, input: await onCurrent({ hearingId: h.hearingId, questionId: q.id, reason: "  Asked   already by another state " }) });
    expect(await db.hearingQuestion.findUniqueOrThrow({ where: { id: q.id }, select: { status: true, setAsideReason: true } })).toEqual({
      status: "SET_ASIDE",
      setAsideReason: "Asked already by another state",
    });
    await approveQuestion({ actor, input: await onCurrent({ hearingId: h.hearingId, questionId: q.id }) });
    expect(await db.hearingQuestion.findUniqueOrThrow({ where: { id: q.id }, select: { status: true, setAsideReason: true } })).toEqual({
      status: "APPROVED",
      setAsideReason: null,
    });
    const audit = await auditRowsFor(db, "HearingQuestion", q.id);
    expect(audit.map((a) => [a.action, (a.after as { setAsideReason?: string | null }).setAsideReason])).toEqual([
      ["question-set-aside", "Asked already by another state"],
      ["question-approved", null],
    ]);
  });
});
