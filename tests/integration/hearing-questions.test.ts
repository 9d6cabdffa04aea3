import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { HEARING_QUESTION_RATE_LIMITS } from "@/lib/hearings/question-limits";
import { chairQueueReader, enterRoomQuestion, getChairQueue, loadChairQueue, QUEUE_REFRESH_MS, submitViewerQuestion } from "@/lib/hearings/questions";
import { getRoomQuestionTargets } from "@/lib/hearings/room-questions-admin";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, unique, type TestUser } from "../support/factories";
import { someAddress } from "../support/factories-forum";
import { makeHearingConference } from "../support/factories-hearing";
import { makeHearingQuestion, makeReadyHearing } from "../support/factories-live";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";
import { metrics } from "@/lib/observability/metrics";

/** Refusals counted for /api/metrics (docs/decisions/029-observability-and-shutdown.md). */
async function refusalsCounted(kind: string): Promise<number> {
  return (await metrics().limitRefusals.get()).values.find((v) => v.labels.kind === kind)?.value ?? 0;
}

// The routes read the session through getCurrentUser; here each request says who is asking.
let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));

const { POST: askRoute } = await import("@/app/api/hearings/[id]/questions/route");
const { GET: queueRoute } = await import("@/app/api/hearings/[id]/queue/route");

const database = withAppDatabase();
let db: PrismaClient;
let conferenceId: string;
let secretariat: TestUser;
let member: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
  member = await makeUser(db, "MEMBER");
});

async function hearing(extra: { webcastAccess?: "PUBLIC" | "MEMBERS" } = {}) {
  const made = await makeReadyHearing(db, { conferenceId });
  if (extra.webcastAccess) await db.hearing.update({ where: { id: made.hearingId }, data: { webcastAccess: extra.webcastAccess } });
  const [first, second] = made.candidates.map((c) => c.id) as [string, string];
  return { ...made, first, second };
}

/** A question as the webcast form sends it. */
function questionFor(hearingId: string, candidateId: string, extra: Record<string, unknown> = {}) {
  return { hearingId, candidateId, askerName: unique("Viewer"), askerOrigin: "Senegal", body: unique("How will you close the digital divide"), ...extra };
}

const ask = (input: unknown, { actor = null, ip = someAddress(), now }: { actor?: Actor | null; ip?: string; now?: Date } = {}) =>
  submitViewerQuestion({ actor, input, client: { ip }, now });

describe("submitViewerQuestion", () => {
  it("accepts a viewer's question for the chair's queue: from the webcast, pending, the address kept as a hash only", async () => {
    const h = await hearing();
    const ip = someAddress();
    expect(await ask(questionFor(h.hearingId, h.first, { askerOrigin: "  " }), { ip })).toEqual({ accepted: true });
    const [row, ...others] = await db.hearingQuestion.findMany({ where: { hearingId: h.hearingId } });
    expect(others).toEqual([]);
    expect(row).toMatchObject({ candidateId: h.first, source: "WEBCAST", status: "PENDING", askerOrigin: null, enteredById: null });
    expect(row?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.ipHash).not.toContain(ip);
  });

  it("accepts questions while the hearing is scheduled and while it is live, for the candidate speaking or one to come", async () => {
    const h = await hearing();
    await ask(questionFor(h.hearingId, h.second));
    const [firstSlot] = await db.hearingSlot.findMany({ where: { hearingId: h.hearingId }, orderBy: { position: "asc" } });
    await db.hearing.update({ where: { id: h.hearingId }, data: { status: "LIVE", currentSlotId: firstSlot?.id } });
    await ask(questionFor(h.hearingId, h.first));
    await ask(questionFor(h.hearingId, h.second));
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(3);
  });

  it("answers a filled honeypot as it answers a person, and stores nothing, even with nothing else valid", async () => {
    const h = await hearing();
    expect(await ask(questionFor(h.hearingId, h.first, { website: "http://spam.example" }))).toEqual({ accepted: true });
    expect(await ask({ website: "x" })).toEqual({ accepted: true });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
  });

  it("refuses invalid input with a key per field, keeping nothing", async () => {
    const h = await hearing();
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { askerName: " ", body: "x".repeat(2001), askerOrigin: "o".repeat(201) })))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { askerName: "required", body: "tooLong:2000", askerOrigin: "tooLong:200" },
    });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
  });

  it("limits one address, with the wait until the oldest counted question leaves the window", async () => {
    const h = await hearing();
    const ip = someAddress();
    const start = new Date("2031-03-01T10:00:00Z");
    const limit = HEARING_QUESTION_RATE_LIMITS.perAddress;
    for (let i = 0; i < limit.max; i++) await ask(questionFor(h.hearingId, h.first), { ip, now: new Date(start.getTime() + i * 1000) });
    const now = new Date(start.getTime() + limit.max * 1000);
    const counted = await refusalsCounted("question");
    expect(await refusalOf(ask(questionFor(h.hearingId, h.second), { ip, now }))).toEqual({
      code: "RATE_LIMITED",
      messageKey: "hearingLive.rateLimited",
      values: { minutes: 10 },
      fieldErrors: undefined,
    });
    const error = await ask(questionFor(h.hearingId, h.second), { ip, now }).catch((e: { retryAfterSeconds?: number }) => e);
    expect((error as { retryAfterSeconds?: number }).retryAfterSeconds).toBe(limit.windowMs / 1000 - limit.max);
    expect(await refusalsCounted("question")).toBe(counted + 2);
    // Another address is not held back; the same one is, once the oldest has left the window, free again.
    expect(await ask(questionFor(h.hearingId, h.second), { now })).toEqual({ accepted: true });
    expect(await ask(questionFor(h.hearingId, h.second), { ip, now: new Date(start.getTime() + limit.windowMs + 1) })).toEqual({ accepted: true });
  });

  it("limits one hearing, from however many addresses", async () => {
    const h = await hearing();
    const start = new Date("2031-03-02T10:00:00Z");
    const limit = HEARING_QUESTION_RATE_LIMITS.perHearing;
    // Questions from the room do not count: the limit is against floods from the webcast.
    await enterRoomQuestion({ actor: asActor(secretariat), conferenceId, input: questionFor(h.hearingId, h.first) });
    for (let i = 0; i < limit.max; i++) await ask(questionFor(h.hearingId, i % 2 ? h.first : h.second), { now: new Date(start.getTime() + i * 100) });
    const refused = await ask(questionFor(h.hearingId, h.first), { now: new Date(start.getTime() + 10_000) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", messageKey: "hearingLive.rateLimited", values: { minutes: 1 }, retryAfterSeconds: 50 });
    // Another hearing is not held back.
    const other = await hearing();
    expect(await ask(questionFor(other.hearingId, other.first), { now: new Date(start.getTime() + 10_000) })).toEqual({ accepted: true });
  });

  it("refuses a repeat to the same candidate, whatever the case and spacing, and from the room too; another candidate may get it", async () => {
    const h = await hearing();
    const body = unique("Will you publish your travel costs");
    await ask(questionFor(h.hearingId, h.first, { body }));
    const expected = { code: "CONFLICT", messageKey: "hearingLive.repeat", fieldErrors: { body: "hearingLive.repeat" } };
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first, { body: `  ${body.toUpperCase()}\n` })))).toMatchObject(expected);
    expect(await refusalOf(enterRoomQuestion({ actor: asActor(secretariat), conferenceId, input: questionFor(h.hearingId, h.first, { body }) }))).toMatchObject(
      expected,
    );
    expect(await ask(questionFor(h.hearingId, h.second, { body }))).toEqual({ accepted: true });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(2);
  });

  it("refuses once the hearing has ended", async () => {
    const h = await hearing();
    await db.hearing.update({ where: { id: h.hearingId }, data: { status: "ENDED" } });
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first)))).toMatchObject({ code: "CONFLICT", messageKey: "hearingLive.questionsClosed" });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
  });

  it("refuses an unknown hearing, a candidate of another hearing and a candidate who has finished", async () => {
    const h = await hearing();
    const other = await hearing();
    expect(await refusalOf(ask(questionFor("no-such-hearing", h.first)))).toMatchObject({ code: "NOT_FOUND", messageKey: undefined });
    expect(await refusalOf(ask(questionFor(h.hearingId, other.first)))).toMatchObject({
      code: "NOT_FOUND",
      messageKey: "hearingLive.candidateNotInHearing",
      fieldErrors: { candidateId: "hearingLive.candidateNotInHearing" },
    });
    await db.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: h.hearingId, candidateId: h.first } }, data: { finishedAt: new Date() } });
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first)))).toMatchObject({ code: "CONFLICT", messageKey: "hearingLive.candidateFinished" });
    expect(await db.hearingQuestion.count({ where: { hearingId: { in: [h.hearingId, other.hearingId] } } })).toBe(0);
  });

  it("takes questions to a members-only webcast from signed-in members only", async () => {
    const h = await hearing({ webcastAccess: "MEMBERS" });
    const membersOnly = { code: "FORBIDDEN", messageKey: "hearingLive.membersOnly" };
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first)))).toMatchObject(membersOnly);
    expect(await refusalOf(ask(questionFor(h.hearingId, h.first), { actor: { ...asActor(member), disabled: true } }))).toMatchObject(membersOnly);
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
    expect(await ask(questionFor(h.hearingId, h.first), { actor: asActor(member) })).toEqual({ accepted: true });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId, source: "WEBCAST" } })).toBe(1);
  });
});

describe("enterRoomQuestion", () => {
  it("lets the secretariat type in a question from the room, recorded as theirs and audited", async () => {
    const h = await hearing();
    const input = questionFor(h.hearingId, h.second, { askerName: "Delegate of Kenya", askerOrigin: "Kenya" });
    const { id } = await enterRoomQuestion({ actor: asActor(secretariat), conferenceId, input });
    const row = await db.hearingQuestion.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      hearingId: h.hearingId,
      candidateId: h.second,
      source: "ROOM",
      status: "PENDING",
      enteredById: secretariat.id,
      ipHash: null,
      askerName: "Delegate of Kenya",
      askerOrigin: "Kenya",
      body: input.body,
    });
    const audit = await auditRowsFor(db, "HearingQuestion", id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      area: "hearing",
      action: "room-question-entered",
      actorId: secretariat.id,
      actorRole: "SECRETARIAT",
      after: { body: input.body, candidateId: h.second },
    });
  });

  it("refuses an ended hearing and a finished candidate, writing nothing", async () => {
    const h = await hearing();
    await db.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: h.hearingId, candidateId: h.first } }, data: { finishedAt: new Date() } });
    expect(await refusalOf(enterRoomQuestion({ actor: asActor(secretariat), conferenceId, input: questionFor(h.hearingId, h.first) }))).toMatchObject({
      messageKey: "hearingLive.candidateFinished",
    });
    await db.hearing.update({ where: { id: h.hearingId }, data: { status: "ENDED" } });
    expect(await refusalOf(enterRoomQuestion({ actor: asActor(secretariat), conferenceId, input: questionFor(h.hearingId, h.second) }))).toMatchObject({
      messageKey: "hearingLive.questionsClosed",
    });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
  });

  it("is the secretariat's only: anonymous, a disabled secretariat, a chair, a candidate, the Ethics Office and a member are refused", async () => {
    const h = await hearing();
    const audit = await db.auditEvent.count();
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => enterRoomQuestion({ actor, conferenceId, input: questionFor(h.hearingId, h.first) }));
    // The chair of this very hearing does not type in cards either.
    expect(await refusalOf(enterRoomQuestion({ actor: asActor(h.chair), conferenceId, input: questionFor(h.hearingId, h.first) }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audit);
  });
});

describe("room questions and the conference (docs/decisions/012)", () => {
  it("refuses, as not found, a hearing of another conference than the console's, and any once its conference is closed", async () => {
    const elsewhere = await makeHearingConference(db);
    const theirs = await makeReadyHearing(db, { conferenceId: elsewhere.id });
    const candidate = theirs.candidates[0]?.id ?? "";
    expect((await refusalOf(enterRoomQuestion({ actor: asActor(secretariat), conferenceId, input: questionFor(theirs.hearingId, candidate) }))).code).toBe(
      "NOT_FOUND",
    );
    await db.conference.update({ where: { id: elsewhere.id }, data: { closedAt: new Date() } });
    expect(
      await refusalOf(enterRoomQuestion({ actor: asActor(secretariat), conferenceId: elsewhere.id, input: questionFor(theirs.hearingId, candidate) })),
    ).toMatchObject({
      code: "CONFLICT",
      messageKey: "conferences.CONFERENCE_CLOSED",
    });
    expect(await db.hearingQuestion.count({ where: { hearingId: theirs.hearingId } })).toBe(0);
  });

  it("offers the candidates still to speak, for the console's own conference only, to the secretariat only", async () => {
    const h = await hearing();
    await db.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: h.hearingId, candidateId: h.first } }, data: { finishedAt: new Date() } });
    const targets = await getRoomQuestionTargets(asActor(secretariat), { conferenceId, hearingId: h.hearingId });
    expect(targets).toEqual({ hearingId: h.hearingId, waiting: [{ candidateId: h.second, name: expect.any(String), position: 2 }] });
    expect(await getRoomQuestionTargets(asActor(secretariat), { conferenceId: (await makeHearingConference(db)).id, hearingId: h.hearingId })).toBeNull();
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getRoomQuestionTargets(actor, { conferenceId, hearingId: h.hearingId }));
    await db.hearing.update({ where: { id: h.hearingId }, data: { status: "ENDED" } });
    expect(await getRoomQuestionTargets(asActor(secretariat), { conferenceId, hearingId: h.hearingId })).toBeNull();
  });
});

describe("getChairQueue", () => {
  it("gives the chair every candidate in running order with their questions and counts per status", async () => {
    const h = await hearing();
    const pending = await makeHearingQuestion(db, { hearingId: h.hearingId, candidateId: h.first });
    const approved = await makeHearingQuestion(db, { hearingId: h.hearingId, candidateId: h.first, status: "APPROVED", source: "ROOM" });
    await makeHearingQuestion(db, { hearingId: h.hearingId, candidateId: h.second, status: "SET_ASIDE" });
    await db.hearingSlot.update({ where: { hearingId_candidateId: { hearingId: h.hearingId, candidateId: h.first } }, data: { finishedAt: new Date() } });
    const before = Date.now();
    const queue = await getChairQueue(asActor(h.chair), h.hearingId);
    expect(queue.hearingId).toBe(h.hearingId);
    expect(queue.status).toBe("SCHEDULED");
    expect(queue.refreshedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(queue.candidates.map((c) => [c.candidateId, c.position, c.finished, c.current])).toEqual([
      [h.first, 1, true, false],
      [h.second, 2, false, false],
    ]);
    const [first, second] = queue.candidates;
    expect(first?.questions).toEqual([
      {
        id: pending.id,
        askerName: pending.askerName,
        askerOrigin: null,
        // The source (docs/fairness.md#question-sources): the public's, declared, unless said otherwise.
        askerKind: "PUBLIC",
        askerState: null,
        askerRegion: null,
        askerVerified: false,
        setAsideReason: null,
        body: pending.body,
        source: "WEBCAST",
        status: "PENDING",
        createdAt: pending.createdAt,
        drawPosition: null,
      },
      {
        id: approved.id,
        askerName: approved.askerName,
        askerOrigin: null,
        // The source (docs/fairness.md#question-sources): the public's, declared, unless said otherwise.
        askerKind: "PUBLIC",
        askerState: null,
        askerRegion: null,
        askerVerified: false,
        setAsideReason: null,
        body: approved.body,
        source: "ROOM",
        status: "APPROVED",
        createdAt: approved.createdAt,
        drawPosition: null,
      },
    ]);
    expect(first?.counts).toEqual({ PENDING: 1, APPROVED: 1, SET_ASIDE: 0, DRAWN: 0, SHOWN: 0, ANSWERED: 0 });
    expect(second?.counts).toEqual({ PENDING: 0, APPROVED: 0, SET_ASIDE: 1, DRAWN: 0, SHOWN: 0, ANSWERED: 0 });
  });

  it("is the hearing's chair's only: anonymous, every other role, a chair of another hearing and the secretariat are refused", async () => {
    const h = await hearing();
    const other = await hearing();
    await expectOnlyRoleAllowed("CHAIR", (actor) => getChairQueue(actor, h.hearingId));
    expect(await refusalOf(getChairQueue(asActor(other.chair), h.hearingId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(getChairQueue(asActor(secretariat), h.hearingId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(getChairQueue(actorOf("CANDIDATE", { candidateId: h.first }), h.hearingId))).toMatchObject({ code: "FORBIDDEN" });
    // An unknown hearing is refused like somebody else's, revealing nothing.
    expect(await refusalOf(getChairQueue(asActor(h.chair), "no-such-hearing"))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("chairQueueReader: the queue route's bounded rate", () => {
  it("reads a hearing's queue at most once per window, however many ask, and again after it", async () => {
    const h = await hearing();
    let time = 1_000_000;
    const load = vi.fn(loadChairQueue);
    const read = chairQueueReader({ load, clock: () => time });
    const chair = asActor(h.chair);
    const [a, b] = await Promise.all([read(chair, h.hearingId), read(chair, h.hearingId)]);
    time += QUEUE_REFRESH_MS - 1;
    const c = await read(chair, h.hearingId);
    expect(load).toHaveBeenCalledTimes(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    time += 1;
    await read(chair, h.hearingId);
    expect(load).toHaveBeenCalledTimes(2);
    // Another hearing has its own read.
    const other = await hearing();
    await read(asActor(other.chair), other.hearingId);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("still authorises every ask, and those who chair nothing cost no read", async () => {
    const h = await hearing();
    const other = await hearing();
    const load = vi.fn(loadChairQueue);
    const read = chairQueueReader({ load, clock: () => 0 });
    await read(asActor(h.chair), h.hearingId);
    expect(await refusalOf(read(asActor(other.chair), h.hearingId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(read(null, h.hearingId))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await refusalOf(read(asActor(secretariat), other.hearingId))).toMatchObject({ code: "FORBIDDEN" });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("does not keep a failed read", async () => {
    const h = await hearing();
    const load = vi.fn(loadChairQueue).mockRejectedValueOnce(new Error("connection lost"));
    const read = chairQueueReader({ load, clock: () => 0 });
    await expect(read(asActor(h.chair), h.hearingId)).rejects.toThrow("connection lost");
    expect((await read(asActor(h.chair), h.hearingId)).hearingId).toBe(h.hearingId);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

function post(hearingId: string, body: unknown, { locale, ip = someAddress() }: { locale?: string; ip?: string } = {}) {
  const url = `http://localhost/api/hearings/${hearingId}/questions${locale ? `?locale=${locale}` : ""}`;
  return askRoute(
    new Request(url, {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/json", "x-forwarded-for": ip },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: hearingId }) },
  );
}

describe("POST /api/hearings/[id]/questions", () => {
  it("answers 201 and files the question under the hearing in the address, whatever the body says", async () => {
    asking = null;
    const h = await hearing();
    const other = await hearing();
    const response = await post(h.hearingId, questionFor(other.hearingId, h.first));
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true });
    expect(await db.hearingQuestion.count({ where: { hearingId: h.hearingId, source: "WEBCAST" } })).toBe(1);
  });

  it("answers 400 with translated per-field errors, and 400 to a body that is not JSON", async () => {
    asking = null;
    const h = await hearing();
    const response = await post(h.hearingId, questionFor(h.hearingId, h.first, { askerName: "", body: "x".repeat(2001) }), { locale: "fr" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "Certaines informations ne sont pas valides.",
      fieldErrors: { askerName: "Ce champ est obligatoire.", body: "Saisissez au plus 2000 caractères." },
    });
    expect((await post(h.hearingId, "{not json")).status).toBe(400);
  });

  it("answers 403 to a members-only webcast for an anonymous viewer, 201 for a signed-in member", async () => {
    const h = await hearing({ webcastAccess: "MEMBERS" });
    asking = null;
    const refused = await post(h.hearingId, questionFor(h.hearingId, h.first), { locale: "es" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: "La transmisión web de esta audiencia está reservada a los miembros: inicie sesión para enviar una pregunta.",
    });
    asking = asActor(member);
    expect((await post(h.hearingId, questionFor(h.hearingId, h.first))).status).toBe(201);
    asking = null;
  });

  it("answers 404 to an unknown hearing and to a candidate not in it, 409 once it has ended", async () => {
    asking = null;
    const h = await hearing();
    const unknown = await post("no-such-hearing", questionFor("x", h.first));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "This record does not exist." });
    const stranger = await post(h.hearingId, questionFor(h.hearingId, "no-such-candidate"));
    expect(stranger.status).toBe(404);
    expect((await stranger.json()).fieldErrors).toEqual({ candidateId: "This candidate does not speak at this hearing." });
    await db.hearing.update({ where: { id: h.hearingId }, data: { status: "ENDED" } });
    const ended = await post(h.hearingId, questionFor(h.hearingId, h.first), { locale: "ru" });
    expect(ended.status).toBe(409);
    expect(await ended.json()).toEqual({ error: "Слушания завершены: вопросы больше не принимаются." });
  });

  it("answers 429 with Retry-After and the wait in the viewer's language", async () => {
    asking = null;
    const h = await hearing();
    const ip = someAddress();
    for (let i = 0; i < HEARING_QUESTION_RATE_LIMITS.perAddress.max; i++)
      expect((await post(h.hearingId, questionFor(h.hearingId, h.first), { ip })).status).toBe(201);
    const limited = await post(h.hearingId, questionFor(h.hearingId, h.second), { ip, locale: "ar" });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    expect(await limited.json()).toEqual({ error: "أُرسل عدد كبير جداً من الأسئلة في وقت قصير. يرجى المحاولة مجدداً بعد 10 دقائق." });
  });
});

describe("GET /api/hearings/[id]/queue", () => {
  const get = (hearingId: string, locale = "en") =>
    queueRoute(new Request(`http://localhost/api/hearings/${hearingId}/queue?locale=${locale}`), { params: Promise.resolve({ id: hearingId }) });

  it("gives the chair the queue, uncached, and within the window the same read however often asked", async () => {
    const h = await hearing();
    await makeHearingQuestion(db, { hearingId: h.hearingId, candidateId: h.first });
    asking = asActor(h.chair);
    const first = await get(h.hearingId);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const queue = await first.json();
    expect(queue.candidates.map((c: { counts: { PENDING: number } }) => c.counts.PENDING)).toEqual([1, 0]);
    // A question arrives: a refresh within the window is served from the read already made.
    await makeHearingQuestion(db, { hearingId: h.hearingId, candidateId: h.second });
    const again = await (await get(h.hearingId)).json();
    expect(again).toEqual(queue);
    asking = null;
  });

  it("refuses anyone but the hearing's chair, in their language", async () => {
    const h = await hearing();
    const other = await hearing();
    asking = asActor(h.chair);
    expect((await get(h.hearingId)).status).toBe(200);
    // Even with the chair's read in memory, another chair, the secretariat and a member are refused.
    asking = asActor(other.chair);
    const refused = await get(h.hearingId, "fr");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.json()).toEqual({ error: "Cette action ne vous est pas permise." });
    asking = asActor(secretariat);
    expect((await get(h.hearingId)).status).toBe(403);
    asking = asActor(member);
    expect((await get(h.hearingId)).status).toBe(403);
    asking = null;
    expect((await get(h.hearingId)).status).toBe(401);
  });
});
