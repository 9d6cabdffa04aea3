import { beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { getOwnHearingAnswers, getWrittenAnswerWindowForAdmin, readOpenPool, readPublicWrittenAnswers } from "@/lib/hearings/after-hearing-queries";
import { giveWrittenAnswer } from "@/lib/hearings/give-written-answer";
import { writtenAnswerDeadline } from "@/lib/hearings/written-answer-rules";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { makeHearingConference } from "../support/factories-hearing";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// Written answers after the hearing and the open pool (docs/fairness.md#after-the-hearing,
// docs/decisions/048-written-answers-and-open-pool.md), on a real database.

vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(async () => {
  db = createDb(database.url());
});

/**
 * An ended hearing of two candidates, each with three drawn questions answered live; for the
 * first candidate the third was never put (time ran out) and the second put and not answered.
 */
async function endedHearing(extra: { status?: "LIVE" | "ENDED" } = {}) {
  const conferenceId = (await makeHearingConference(db)).id;
  const made = await makeHearingWithDraws(db, { conferenceId, status: extra.status ?? "ENDED" });
  const [first, second] = made.candidates as [{ id: string; name: string }, { id: string; name: string }];
  const drawn = await db.hearingQuestion.findMany({
    where: { hearingId: made.hearingId, candidateId: first.id, drawId: { not: null } },
    orderBy: { drawPosition: "asc" },
  });
  const [answered, shown, never] = drawn as [(typeof drawn)[number], (typeof drawn)[number], (typeof drawn)[number]];
  await db.hearingQuestion.update({
    where: { id: answered.id },
    data: { shownAt: new Date("2030-10-27T06:00:00Z"), answeredAt: new Date("2030-10-27T06:02:00Z") },
  });
  await db.hearingQuestion.update({ where: { id: shown.id }, data: { status: "SHOWN", shownAt: new Date("2030-10-27T06:03:00Z"), answeredAt: null } });
  await db.hearingQuestion.update({ where: { id: never.id }, data: { status: "DRAWN", shownAt: null, answeredAt: null } });
  const slots = await db.hearingSlot.findMany({ where: { hearingId: made.hearingId }, select: { finishedAt: true } });
  const endedAt = new Date(Math.max(...slots.map((s) => s.finishedAt?.getTime() ?? 0)));
  const candidate = await makeUser(db, "CANDIDATE", { candidateId: first.id });
  const other = await makeUser(db, "CANDIDATE", { candidateId: second.id });
  return { ...made, conferenceId, first, second, answered, shown, never, endedAt, candidate, other, during: new Date(endedAt.getTime() + 3_600_000) };
}

const answer = (questionId: string, extra: Record<string, unknown> = {}) => ({
  questionId,
  version: "en",
  body: "In writing: I would publish the budget line by line every quarter.",
  declaredNoSymbols: "on",
  declaredNoResources: "on",
  confirmed: "yes",
  ...extra,
});

const give = (user: TestUser, input: unknown, now: Date) => giveWrittenAnswer({ actor: asActor(user), input, now });

describe("a written answer to a drawn question not reached", () => {
  it("is given by the candidate it was drawn for, published at once, audited, and final in its language", async () => {
    const h = await endedHearing();
    const given = await give(h.candidate, answer(h.never.id), h.during);
    expect(given).toMatchObject({ hearingId: h.hearingId, questionId: h.never.id, locale: "en" });

    const rows = await auditRowsFor(db, "HearingQuestion", h.never.id);
    expect(rows.at(-1)).toMatchObject({ action: "written-answer-given", area: "hearing", actorId: h.candidate.id });
    expect(rows.at(-1)?.after).toMatchObject({ locale: "en", declaredNoSymbols: true, declaredNoResources: true });

    const published = await readPublicWrittenAnswers(h.hearingId);
    const mine = published?.candidates.find((c) => c.candidateId === h.first.id);
    expect(mine?.questions.map((q) => q.id).sort()).toEqual([h.shown.id, h.never.id].sort());
    expect(mine?.questions.find((q) => q.id === h.never.id)?.answers).toEqual([{ locale: "en", body: answer("").body, submittedAt: h.during.toISOString() }]);
    // The second candidate's questions were all answered live: nothing to show for them.
    expect(published?.candidates.some((c) => c.candidateId === h.second.id)).toBe(false);
    expect(published?.deadline).toBe(writtenAnswerDeadline(h.endedAt).toISOString());

    expect(await refusalOf(give(h.candidate, answer(h.never.id, { body: "Another try" }), h.during))).toMatchObject({
      code: "CONFLICT",
      messageKey: "hearingPool.answer.alreadyGiven",
    });
    // Another language is another answer; the question put but not answered may be answered too.
    await give(h.candidate, answer(h.never.id, { version: "fr", body: "Par écrit : je publierais le budget." }), h.during);
    await give(h.candidate, answer(h.shown.id), h.during);
    expect(await db.hearingWrittenAnswer.count({ where: { candidateId: h.first.id } })).toBe(3);

    const own = await getOwnHearingAnswers(asActorUser(h.candidate), h.during);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ hearingId: h.hearingId, refusal: null, ended: true });
    expect(own[0]?.questions.find((q) => q.id === h.never.id)?.answers.map((a) => a.locale)).toEqual(["en", "fr"]);
    expect(own[0]?.questions.some((q) => q.id === h.answered.id)).toBe(false);
  });

  it("is given once when two arrive at the same time in the same language", async () => {
    const h = await endedHearing();
    const results = await Promise.allSettled([
      give(h.candidate, answer(h.never.id, { body: "First" }), h.during),
      give(h.candidate, answer(h.never.id, { body: "Second" }), h.during),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT", messageKey: "hearingPool.answer.alreadyGiven" });
    expect(await db.hearingWrittenAnswer.count({ where: { questionId: h.never.id } })).toBe(1);
  });

  it("is refused to every other role, a disabled candidate and anonymous", async () => {
    const h = await endedHearing();
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => giveWrittenAnswer({ actor, input: answer(h.never.id), now: h.during }));
    expect(await db.hearingWrittenAnswer.count({ where: { questionId: h.never.id } })).toBe(0);
  });

  it("is refused to another candidate, as if the question did not exist, and to the chair and the secretariat of the hearing", async () => {
    const h = await endedHearing();
    expect(await refusalOf(give(h.other, answer(h.never.id), h.during))).toMatchObject({ code: "NOT_FOUND", messageKey: "hearingPool.answer.notFound" });
    for (const role of ["CHAIR", "SECRETARIAT", "MEMBER"] as const) {
      const user = await makeUser(db, role);
      expect((await refusalOf(give(user, answer(h.never.id), h.during))).code).toBe("FORBIDDEN");
    }
    expect(await db.hearingWrittenAnswer.count({ where: { questionId: h.never.id } })).toBe(0);
  });

  it("is refused before the hearing has ended", async () => {
    const h = await endedHearing({ status: "LIVE" });
    expect(await refusalOf(give(h.candidate, answer(h.never.id), h.during))).toMatchObject({ code: "CONFLICT", messageKey: "hearingPool.answer.notEnded" });
    expect((await readPublicWrittenAnswers(h.hearingId))?.candidates).toEqual([]);
  });

  it("is taken until the deadline, seven days after the end, and refused from it on", async () => {
    const h = await endedHearing();
    const deadline = writtenAnswerDeadline(h.endedAt);
    expect(deadline.getTime() - h.endedAt.getTime()).toBe(7 * 86_400_000);
    expect(await refusalOf(give(h.candidate, answer(h.never.id), deadline))).toMatchObject({ code: "CONFLICT", messageKey: "hearingPool.answer.pastDeadline" });
    await give(h.candidate, answer(h.never.id), new Date(deadline.getTime() - 1));
    const own = await getOwnHearingAnswers(asActorUser(h.candidate), deadline);
    expect(own[0]?.refusal).toBe("hearingPool.answer.pastDeadline");
  });

  it("is refused for a question answered live, or never drawn", async () => {
    const h = await endedHearing();
    const notDrawn = await db.hearingQuestion.findFirstOrThrow({
      where: { hearingId: h.hearingId, candidateId: h.first.id, drawId: null, status: "APPROVED" },
    });
    for (const id of [h.answered.id, notDrawn.id]) {
      expect(await refusalOf(give(h.candidate, answer(id), h.during))).toMatchObject({ code: "CONFLICT", messageKey: "hearingPool.answer.notOpen" });
    }
  });

  it("is refused once the record is closed (final), and once the conference is closed", async () => {
    const h = await endedHearing();
    await db.hearing.update({ where: { id: h.hearingId }, data: { seedRevealedAt: new Date(), closedAt: new Date() } });
    expect(await refusalOf(give(h.candidate, answer(h.never.id), h.during))).toMatchObject({ code: "CONFLICT", messageKey: "hearingPool.answer.recordClosed" });
    const k = await endedHearing();
    await db.conference.update({ where: { id: k.conferenceId }, data: { closedAt: new Date() } });
    expect((await refusalOf(give(k.candidate, answer(k.never.id), k.during))).code).toBe("CONFLICT");
    expect(await db.hearingWrittenAnswer.count({ where: { questionId: { in: [h.never.id, k.never.id] } } })).toBe(0);
  });

  it("is refused for a rehearsal, whose answers and pool are never public", async () => {
    const h = await endedHearing();
    await db.hearing.update({ where: { id: h.hearingId }, data: { rehearsal: true } });
    expect(await refusalOf(give(h.candidate, answer(h.never.id), h.during))).toMatchObject({ code: "CONFLICT", messageKey: "hearingPool.answer.rehearsal" });
    expect(await readPublicWrittenAnswers(h.hearingId)).toBeNull();
    expect(await readOpenPool(h.hearingId)).toBeNull();
    expect(await getOwnHearingAnswers(asActorUser(h.candidate), h.during)).toEqual([]);
  });

  it("is refused to a withdrawn candidate; what was written before stays published", async () => {
    const h = await endedHearing();
    await give(h.candidate, answer(h.shown.id), h.during);
    await db.candidate.update({ where: { id: h.first.id }, data: { status: "WITHDRAWN" } });
    expect(await refusalOf(give(h.candidate, answer(h.never.id), h.during))).toMatchObject({ code: "CONFLICT", messageKey: "workspace.candidatureWithdrawn" });
    const published = await readPublicWrittenAnswers(h.hearingId);
    expect(published?.candidates.find((c) => c.candidateId === h.first.id)?.questions.find((q) => q.id === h.shown.id)?.answers).toHaveLength(1);
  });

  it("needs both declarations, a text, a known language and the confirmation, and keeps nothing otherwise", async () => {
    const h = await endedHearing();
    expect(await refusalOf(give(h.candidate, answer(h.never.id, { declaredNoResources: undefined }), h.during))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { declaredNoResources: "workspace.declarationRequired" },
    });
    expect((await refusalOf(give(h.candidate, answer(h.never.id, { body: "   " }), h.during))).fieldErrors).toHaveProperty("body");
    expect((await refusalOf(give(h.candidate, answer(h.never.id, { version: "pt" }), h.during))).fieldErrors).toHaveProperty("version");
    expect((await refusalOf(give(h.candidate, answer(h.never.id, { body: "x".repeat(4001) }), h.during))).fieldErrors).toHaveProperty("body");
    expect(await refusalOf(give(h.candidate, answer(h.never.id, { confirmed: undefined }), h.during))).toMatchObject({ messageKey: "confirm.required" });
    expect(await db.hearingWrittenAnswer.count({ where: { questionId: h.never.id } })).toBe(0);
  });
});

describe("the secretariat's view of the window, beside the close of the record", () => {
  it("counts the drawn questions not reached still without a written answer, until the deadline; for the secretariat only", async () => {
    const h = await endedHearing();
    const which = { conferenceId: h.conferenceId, hearingId: h.hearingId };
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getWrittenAnswerWindowForAdmin(actor, which, h.during));
    const secretariat = asActor(await makeUser(db, "SECRETARIAT"));
    const deadline = writtenAnswerDeadline(h.endedAt).toISOString();
    expect(await getWrittenAnswerWindowForAdmin(secretariat, which, h.during)).toEqual({ deadline, open: true, notReached: 2, unanswered: 2 });
    await give(h.candidate, answer(h.never.id), h.during);
    expect(await getWrittenAnswerWindowForAdmin(secretariat, which, h.during)).toMatchObject({ notReached: 2, unanswered: 1 });
    expect(await getWrittenAnswerWindowForAdmin(secretariat, which, writtenAnswerDeadline(h.endedAt))).toMatchObject({ open: false });
    const live = await endedHearing({ status: "LIVE" });
    expect(await getWrittenAnswerWindowForAdmin(secretariat, { conferenceId: live.conferenceId, hearingId: live.hearingId }, live.during)).toBeNull();
  });
});

describe("the open pool", () => {
  it("shows only the questions whose askers consented, with source and outcome, and counts the others without a word of them", async () => {
    const h = await endedHearing();
    const all = await db.hearingQuestion.findMany({ where: { hearingId: h.hearingId }, orderBy: { id: "asc" } });
    const state = await db.memberState.findFirstOrThrow({ select: { id: true, iso2: true, region: true } });
    const setAside = all.find((q) => q.candidateId === h.first.id && q.status === "SET_ASIDE");
    const approved = all.find((q) => q.candidateId === h.first.id && q.status === "APPROVED");
    if (!setAside || !approved) throw new Error("the factory's queue changed");
    // Consented: the set-aside one (with the chair's reason), the one never put, the one answered live.
    await db.hearingQuestion.update({ where: { id: setAside.id }, data: { publishConsent: true, setAsideReason: "Off topic: about another post." } });
    await db.hearingQuestion.update({
      where: { id: h.never.id },
      data: { publishConsent: true, askerKind: "MEMBER_STATE", askerStateId: state.id, askerRegion: state.region, askerVerified: true },
    });
    await db.hearingQuestion.update({ where: { id: h.answered.id }, data: { publishConsent: true, askerKind: "PRESS" } });
    // One pending question, never decided, not consented.
    const pending = await db.hearingQuestion.create({
      data: {
        hearingId: h.hearingId,
        candidateId: h.first.id,
        source: "WEBCAST",
        askerName: "Secret Asker Name",
        body: "Unconsented secret text?",
        bodyHash: "x",
      },
    });
    await give(h.candidate, answer(h.never.id), h.during);

    const pool = await readOpenPool(h.hearingId);
    expect(pool?.ended).toBe(true);
    const shown = new Map(pool?.questions.map((q) => [q.id, q]));
    expect([...shown.keys()].sort()).toEqual([setAside.id, h.never.id, h.answered.id].sort());
    expect(shown.get(setAside.id)).toMatchObject({
      outcome: "SET_ASIDE",
      setAsideReason: "Off topic: about another post.",
      askerKind: "PUBLIC",
      verified: false,
    });
    expect(shown.get(h.never.id)).toMatchObject({
      outcome: "ANSWERED_IN_WRITING",
      askerKind: "MEMBER_STATE",
      region: state.region,
      verified: true,
      writtenIn: ["en"],
    });
    expect(shown.get(h.answered.id)).toMatchObject({ outcome: "ANSWERED_LIVE", askerKind: "PRESS", state: null });

    // Nothing of an unconsented question, nor any asker's name, is in what the page is given.
    const text = JSON.stringify(pool);
    for (const q of [...all, pending].filter((q) => !shown.has(q.id))) {
      expect(text).not.toContain(q.body);
      expect(text).not.toContain(q.id);
    }
    for (const q of [...all, pending]) expect(text).not.toContain(q.askerName);

    const count = (candidateId: string, outcome: string) => pool?.counts.find((c) => c.candidateId === candidateId && c.outcome === outcome);
    expect(count(h.first.id, "SET_ASIDE")).toMatchObject({ shown: 1, withheld: 0 });
    expect(count(h.first.id, "ANSWERED_IN_WRITING")).toMatchObject({ shown: 1, withheld: 0 });
    expect(count(h.first.id, "NOT_REACHED")).toMatchObject({ shown: 0, withheld: 1 });
    expect(count(h.first.id, "ANSWERED_LIVE")).toMatchObject({ shown: 1, withheld: 0 });
    expect(count(h.first.id, "APPROVED_NOT_DRAWN")).toMatchObject({ shown: 0, withheld: 1 });
    expect(count(h.first.id, "NEVER_DECIDED")).toMatchObject({ shown: 0, withheld: 1 });
    expect(count(h.second.id, "ANSWERED_LIVE")).toMatchObject({ shown: 0, withheld: 3 });
    const total = pool?.counts.reduce((n, c) => n + c.shown + c.withheld, 0);
    expect(total).toBe(all.length + 1);
  });

  it("shows nothing before the hearing has ended", async () => {
    const h = await endedHearing({ status: "LIVE" });
    await db.hearingQuestion.updateMany({ where: { hearingId: h.hearingId }, data: { publishConsent: true } });
    expect(await readOpenPool(h.hearingId)).toMatchObject({ ended: false, questions: [], counts: [] });
  });
});

/** The current user's shape for the workspace read (the fields it uses). */
function asActorUser(user: TestUser) {
  return { ...asActor(user), name: "", email: user.email } as unknown as Parameters<typeof getOwnHearingAnswers>[0];
}
