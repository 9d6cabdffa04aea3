import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeCandidate, makeConference, makeMemberState, makePost, makeUser, type TestUser } from "../support/factories";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// docs/fairness.md#common-questionnaire on real Postgres: who may do what, the deadline by the
// database's clock, frozen answers, the public read, twice and at once.

const { createQuestionnaire } = await import("@/lib/questionnaire/create-questionnaire");
const { setQuestionnaireDeadline } = await import("@/lib/questionnaire/set-deadline");
const { createQuestion } = await import("@/lib/questionnaire/create-question");
const { updateQuestion } = await import("@/lib/questionnaire/update-question");
const { moveQuestion } = await import("@/lib/questionnaire/move-question");
const { publishQuestion } = await import("@/lib/questionnaire/publish-question");
const { deleteQuestion } = await import("@/lib/questionnaire/delete-question");
const { saveAnswer, removeAnswer } = await import("@/lib/questionnaire/save-answer");
const { getOwnQuestionnaire, getQuestionnaireConsole } = await import("@/lib/questionnaire/queries");
const { readPublicQuestionnaire } = await import("@/lib/questionnaire/public-queries");
const { fairOrder } = await import("@/lib/questionnaire/rules");

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;
beforeAll(async () => {
  db = createDb(database.url());
  secretariat = await makeUser(db, "SECRETARIAT");
});

const DECLARED = { declaredNoSymbols: "on", declaredNoResources: "on" };
const CONFIRMED = { confirmed: "yes" };
/** A deadline a day ahead, as the console's field gives it (wall time in the conference's zone). */
const FUTURE = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);

/** A conference with two posts, two formal candidates with accounts on post A and one on post B, and a published round. */
async function scene() {
  const conference = await makeConference(db, { timeZone: "UTC" });
  const [postA, postB] = [await makePost(db, conference.id), await makePost(db, conference.id)];
  const state = await makeMemberState(db);
  const account = async (postId: string) => {
    const candidate = await makeCandidate(db, { conferenceId: conference.id, postId, memberStateId: state.id });
    const user = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
    return { candidate, user, actor: asActor(user) };
  };
  const [a1, a2, b1] = [await account(postA.id), await account(postA.id), await account(postB.id)];
  const admin = asActor(secretariat);
  const round = await createQuestionnaire({ actor: admin, conferenceId: conference.id, input: { deadline: FUTURE } });
  const common = await createQuestion({
    actor: admin,
    conferenceId: conference.id,
    input: { questionnaireId: round.id, textEn: "What is your first priority?", textAr: "ما أولويتك الأولى؟", postId: "" },
  });
  const forA = await createQuestion({
    actor: admin,
    conferenceId: conference.id,
    input: { questionnaireId: round.id, textEn: "Post A only?", postId: postA.id },
  });
  for (const q of [common, forA]) await publishQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: q.id, ...CONFIRMED } });
  return { conference, postA, postB, a1, a2, b1, admin, round, common, forA };
}

/** Moves a round's deadline directly, relative to the database's own clock. */
async function deadlineAtDatabaseNow(roundId: string, offsetMs: number) {
  await db.$executeRaw`UPDATE "Questionnaire" SET "deadlineAt" = now() + make_interval(secs => ${offsetMs / 1000}) WHERE id = ${roundId}`;
}

describe("the secretariat's console", () => {
  it("is the secretariat's only: every other role and the anonymous are refused", async () => {
    const conference = await makeConference(db);
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => createQuestionnaire({ actor, conferenceId: conference.id, input: { deadline: FUTURE } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getQuestionnaireConsole(actor, conference.id));
    expect(await db.questionnaire.count({ where: { conferenceId: conference.id } })).toBe(0);
  });

  it("writes, orders, publishes and corrects with an audit row each, in the same change", async () => {
    const { conference, admin, round, common, forA } = await scene();
    await moveQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: forA.id, direction: "up" } });
    const positions = await db.questionnaireQuestion.findMany({ where: { questionnaireId: round.id }, orderBy: { position: "asc" }, select: { id: true } });
    expect(positions.map((q) => q.id)).toEqual([forA.id, common.id]);
    // A typo corrected before anyone answered: allowed, both texts in the audit row.
    await updateQuestion({
      actor: admin,
      conferenceId: conference.id,
      input: { questionId: common.id, textEn: "What is your first priority in office?", textAr: "ما أولويتك الأولى؟", postId: "" },
    });
    const rows = await auditRowsFor(db, "QuestionnaireQuestion", common.id);
    expect(rows.map((r) => r.action)).toEqual(["question-created", "question-published", "published-question-corrected"]);
    expect(rows[2]!.before).toMatchObject({ texts: { en: "What is your first priority?" } });
    expect((await auditRowsFor(db, "Questionnaire", round.id)).map((r) => r.action)).toEqual(["created"]);
  });

  it("refuses a deadline in the past, publishing twice, deleting what is published, a post of another conference", async () => {
    const { conference, admin, round, common } = await scene();
    expect((await refusalOf(createQuestionnaire({ actor: admin, conferenceId: conference.id, input: { deadline: "2001-01-01T00:00" } }))).fieldErrors).toEqual({
      deadline: "adminQuestionnaire.deadlineInPast",
    });
    expect((await refusalOf(publishQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: common.id, ...CONFIRMED } }))).messageKey).toBe(
      "adminQuestionnaire.alreadyPublished",
    );
    expect((await refusalOf(publishQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: common.id } }))).messageKey).toBe(
      "confirm.required",
    );
    expect((await refusalOf(deleteQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: common.id, ...CONFIRMED } }))).messageKey).toBe(
      "adminQuestionnaire.publishedFinal",
    );
    const other = await makeConference(db);
    const foreign = await makePost(db, other.id);
    expect(
      (await refusalOf(createQuestion({ actor: admin, conferenceId: conference.id, input: { questionnaireId: round.id, textEn: "?", postId: foreign.id } })))
        .fieldErrors,
    ).toEqual({
      postId: "adminQuestionnaire.postUnknown",
    });
    // A round of another conference is not found through this one.
    expect((await refusalOf(createQuestion({ actor: admin, conferenceId: other.id, input: { questionnaireId: round.id, textEn: "?" } }))).code).toBe(
      "NOT_FOUND",
    );
    const draft = await createQuestion({ actor: admin, conferenceId: conference.id, input: { questionnaireId: round.id, textEn: "Draft" } });
    await deleteQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: draft.id, ...CONFIRMED } });
    expect(await db.questionnaireQuestion.findUnique({ where: { id: draft.id } })).toBeNull();
  });

  it("never rewrites a published question once answered", async () => {
    const { conference, admin, common, a1 } = await scene();
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Connectivity.", ...DECLARED } });
    const refused = await refusalOf(
      updateQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: common.id, textEn: "Another question", postId: "" } }),
    );
    expect(refused.messageKey).toBe("adminQuestionnaire.answeredFinal");
    expect(await db.questionnaireQuestion.findUniqueOrThrow({ where: { id: common.id }, select: { texts: true } })).toMatchObject({
      texts: { en: "What is your first priority?" },
    });
  });

  it("freezes the round at the deadline: no new question, no move, no new deadline", async () => {
    const { conference, admin, round, common } = await scene();
    await deadlineAtDatabaseNow(round.id, -1);
    // One after the other: a call is made only when its refusal is awaited (a rejection left
    // waiting while another runs is reported as unhandled).
    for (const call of [
      () => createQuestion({ actor: admin, conferenceId: conference.id, input: { questionnaireId: round.id, textEn: "Late?" } }),
      () => moveQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: common.id, direction: "down" } }),
      () => setQuestionnaireDeadline({ actor: admin, conferenceId: conference.id, input: { questionnaireId: round.id, deadline: FUTURE } }),
    ]) {
      expect((await refusalOf(call())).messageKey).toBe("adminQuestionnaire.frozen");
    }
  });
});

describe("the candidates are told", () => {
  it("when a question is published: every formal candidate it concerns, once per question, in their own language, with the deadline", async () => {
    const conference = await makeConference(db, { timeZone: "Asia/Dubai" });
    const [postA, postB] = [await makePost(db, conference.id), await makePost(db, conference.id)];
    const state = await makeMemberState(db);
    const account = async (postId: string, status: "FORMAL" | "ANNOUNCED" = "FORMAL") => {
      const candidate = await makeCandidate(db, { conferenceId: conference.id, postId, memberStateId: state.id, status });
      return makeUser(db, "CANDIDATE", { candidateId: candidate.id });
    };
    const [a1, a2, b1, announced] = [await account(postA.id), await account(postA.id), await account(postB.id), await account(postA.id, "ANNOUNCED")];
    const disabled = await account(postA.id);
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await db.user.update({ where: { id: a2.id }, data: { locale: "fr" } });
    const admin = asActor(secretariat);
    const round = await createQuestionnaire({ actor: admin, conferenceId: conference.id, input: { deadline: FUTURE } });
    const forA = await createQuestion({
      actor: admin,
      conferenceId: conference.id,
      input: { questionnaireId: round.id, textEn: "Post A only?", postId: postA.id },
    });
    const common = await createQuestion({ actor: admin, conferenceId: conference.id, input: { questionnaireId: round.id, textEn: "Everyone?", postId: "" } });
    const told = async () =>
      (
        await db.outboxMessage.findMany({
          where: { kind: "questionnaire-published", toAddress: { in: [a1, a2, b1, announced, disabled].map((u) => u.email) } },
          select: { toAddress: true, subject: true, body: true },
        })
      ).sort((x, y) => x.toAddress.localeCompare(y.toAddress));
    // A draft tells nobody; a refused publication (unconfirmed) neither.
    expect(await told()).toEqual([]);
    await refusalOf(publishQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: forA.id } }));
    expect(await told()).toEqual([]);

    await publishQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: forA.id, ...CONFIRMED } });
    expect((await told()).map((m) => m.toAddress)).toEqual([a1.email, a2.email].sort());
    await publishQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: common.id, ...CONFIRMED } });
    const all = await told();
    expect(all.map((m) => m.toAddress)).toEqual([a1.email, a1.email, a2.email, a2.email, b1.email].sort());
    const french = all.find((m) => m.toAddress === a2.email);
    expect(french?.subject).toBe("Une question écrite commune attend votre réponse");
    expect(all.find((m) => m.toAddress === b1.email)?.body).toMatch(/until .*\(Gulf Standard Time, GMT\+4\)/);
    // Neither the question's text nor another candidate's name is in the mail.
    expect(JSON.stringify(all)).not.toMatch(/Post A only|Everyone\?/);
  });
});

describe("a candidate's answers", () => {
  it("are given in several languages with the declarations, by their own candidate only", async () => {
    const { common, a1 } = await scene();
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Connectivity for **all**.", format: "MARKDOWN", ...DECLARED } });
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "ar", body: "الاتصال للجميع.", ...DECLARED } });
    const own = await getOwnQuestionnaire(a1.actor);
    expect(
      own?.rounds[0]?.questions
        .find((q) => q.id === common.id)
        ?.answers.map((a) => a.language)
        .sort(),
    ).toEqual(["ar", "en"]);
    const rows = await db.questionnaireAnswer.findMany({
      where: { candidateId: a1.candidate.id },
      select: { declaredNoSymbols: true, declaredNoResources: true },
    });
    expect(rows).toEqual([
      { declaredNoSymbols: true, declaredNoResources: true },
      { declaredNoSymbols: true, declaredNoResources: true },
    ]);
    const audit = await db.auditEvent.findMany({ where: { entity: "QuestionnaireAnswer", actorId: a1.user.id } });
    expect(audit.map((r) => r.action)).toEqual(["answer-given", "answer-given"]);
    // The text itself stays out of the log before the deadline: a digest only.
    expect(JSON.stringify(audit.map((r) => r.after))).not.toContain("Connectivity");
  });

  it("are refused to every role but a candidate, and to the anonymous", async () => {
    const { common } = await scene();
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => saveAnswer({ actor, input: { questionId: common.id, language: "en", body: "x", ...DECLARED } }));
    for (const role of ["CHAIR", "MEMBER", "ETHICS_OFFICER", "SECRETARIAT"] as const) {
      expect((await refusalOf(saveAnswer({ actor: actorOf(role), input: { questionId: common.id, language: "en", body: "x", ...DECLARED } }))).code).toBe(
        "FORBIDDEN",
      );
    }
    expect(await db.questionnaireAnswer.count({ where: { questionId: common.id } })).toBe(0);
  });

  it("are only ever the caller's own: another candidate's id in the form changes nothing", async () => {
    const { common, a1, a2 } = await scene();
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Mine.", candidateId: a2.candidate.id, ...DECLARED } });
    expect(await db.questionnaireAnswer.count({ where: { candidateId: a2.candidate.id } })).toBe(0);
    // a2 removing "their" English answer finds none: a1's stays.
    expect((await refusalOf(removeAnswer({ actor: a2.actor, input: { questionId: common.id, language: "en" } }))).messageKey).toBe("questionnaire.my.noAnswer");
    expect(await db.questionnaireAnswer.count({ where: { candidateId: a1.candidate.id } })).toBe(1);
  });

  it("are refused for another post's question, a draft, or another conference's question", async () => {
    const { conference, admin, round, forA, b1 } = await scene();
    expect((await refusalOf(saveAnswer({ actor: b1.actor, input: { questionId: forA.id, language: "en", body: "x", ...DECLARED } }))).messageKey).toBe(
      "questionnaire.my.notYours",
    );
    const draft = await createQuestion({ actor: admin, conferenceId: conference.id, input: { questionnaireId: round.id, textEn: "Draft" } });
    expect((await refusalOf(saveAnswer({ actor: b1.actor, input: { questionId: draft.id, language: "en", body: "x", ...DECLARED } }))).code).toBe("NOT_FOUND");
    const elsewhere = await scene();
    expect((await refusalOf(saveAnswer({ actor: b1.actor, input: { questionId: elsewhere.common.id, language: "en", body: "x", ...DECLARED } }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("need both declarations, and a refusal loses nothing saved", async () => {
    const { common, a1 } = await scene();
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "First.", ...DECLARED } });
    const refused = await refusalOf(
      saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Second.", declaredNoSymbols: "on" } }),
    );
    expect(refused).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { declaredNoResources: "workspace.declarationRequired" } });
    expect(
      (await refusalOf(saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "de", body: "x", ...DECLARED } }))).fieldErrors,
    ).toHaveProperty("language");
    expect(await db.questionnaireAnswer.findMany({ where: { candidateId: a1.candidate.id }, select: { body: true } })).toEqual([{ body: "First." }]);
  });

  it("are refused from an announced or a withdrawn candidature", async () => {
    const { conference, postA, common, a1 } = await scene();
    const state = await makeMemberState(db);
    const announced = await makeCandidate(db, { conferenceId: conference.id, postId: postA.id, memberStateId: state.id, status: "ANNOUNCED" });
    const user = await makeUser(db, "CANDIDATE", { candidateId: announced.id });
    expect((await refusalOf(saveAnswer({ actor: asActor(user), input: { questionId: common.id, language: "en", body: "x", ...DECLARED } }))).messageKey).toBe(
      "workspace.notFormal",
    );
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Before withdrawing.", ...DECLARED } });
    await db.candidate.update({ where: { id: a1.candidate.id }, data: { status: "WITHDRAWN" } });
    expect((await refusalOf(saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "After.", ...DECLARED } }))).messageKey).toBe(
      "workspace.candidatureWithdrawn",
    );
    expect((await refusalOf(removeAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en" } }))).messageKey).toBe(
      "workspace.candidatureWithdrawn",
    );
  });

  it("freeze at the deadline by the database's clock: just before is taken, at it refused", async () => {
    const { round, common, a1 } = await scene();
    await deadlineAtDatabaseNow(round.id, 5_000);
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Just in time.", ...DECLARED } });
    // The deadline at the database's present instant: the next transaction starts at or after it.
    await deadlineAtDatabaseNow(round.id, 0);
    const refused = await refusalOf(saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Too late.", ...DECLARED } }));
    expect(refused).toMatchObject({ code: "CONFLICT", messageKey: "questionnaire.my.frozen" });
    expect((await refusalOf(removeAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en" } }))).messageKey).toBe("questionnaire.my.frozen");
    expect(await db.questionnaireAnswer.findMany({ where: { candidateId: a1.candidate.id }, select: { body: true } })).toEqual([{ body: "Just in time." }]);
    expect((await getOwnQuestionnaire(a1.actor))?.rounds[0]?.open).toBe(false);
  });

  it("and the console are read-only once the conference is closed", async () => {
    const { conference, admin, round, common, a1 } = await scene();
    await db.conference.update({ where: { id: conference.id }, data: { closedAt: new Date() } });
    const closed = (await import("@/lib/conferences/fields")).CONFERENCE_REFUSALS.closed;
    expect((await refusalOf(saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "x", ...DECLARED } }))).messageKey).toBe(
      closed,
    );
    expect((await refusalOf(createQuestion({ actor: admin, conferenceId: conference.id, input: { questionnaireId: round.id, textEn: "?" } }))).messageKey).toBe(
      closed,
    );
  });

  it("saved twice, or twice at once, are one answer per language", async () => {
    const { common, a1 } = await scene();
    const input = (body: string) => ({ questionId: common.id, language: "fr", body, ...DECLARED });
    await Promise.all([saveAnswer({ actor: a1.actor, input: input("Un.") }), saveAnswer({ actor: a1.actor, input: input("Deux.") })]);
    await saveAnswer({ actor: a1.actor, input: input("Trois.") });
    expect(await db.questionnaireAnswer.findMany({ where: { candidateId: a1.candidate.id }, select: { body: true, language: true } })).toEqual([
      { body: "Trois.", language: "fr" },
    ]);
  });

  it("and a correction of the question at the same moment are applied one after the other", async () => {
    const { conference, admin, common, a1 } = await scene();
    const [edit, answer] = await Promise.allSettled([
      updateQuestion({ actor: admin, conferenceId: conference.id, input: { questionId: common.id, textEn: "Corrected?", postId: "" } }),
      saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Answer.", ...DECLARED } }),
    ]);
    expect(answer.status).toBe("fulfilled");
    const question = await db.questionnaireQuestion.findUniqueOrThrow({ where: { id: common.id }, select: { texts: true, updatedAt: true } });
    const saved = await db.questionnaireAnswer.findFirstOrThrow({ where: { questionId: common.id }, select: { createdAt: true } });
    if (edit.status === "fulfilled") {
      // The correction came first: the answer was given to the corrected text.
      expect(saved.createdAt.getTime()).toBeGreaterThanOrEqual(question.updatedAt.getTime());
    } else {
      expect(question.texts).toMatchObject({ en: "What is your first priority?" });
    }
  });
});

describe("the public read", () => {
  it("shows the questions but no answer before the deadline", async () => {
    const { conference, common, a1 } = await scene();
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "Secret until the deadline.", ...DECLARED } });
    const [round] = await readPublicQuestionnaire(conference.id);
    expect(round?.revealed).toBe(false);
    expect(round?.questions.map((q) => q.answers.length)).toEqual([0, 0]);
    expect(JSON.stringify(round)).not.toContain("Secret until");
  });

  it("after the deadline shows every candidate of each post side by side, alphabetically, the withdrawn marked and the announced absent", async () => {
    const { conference, postA, postB, round, common, forA, a1, a2, b1 } = await scene();
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "en", body: "A1 in English.", ...DECLARED } });
    await saveAnswer({ actor: a1.actor, input: { questionId: common.id, language: "ar", body: "بالعربية.", ...DECLARED } });
    await saveAnswer({ actor: b1.actor, input: { questionId: common.id, language: "fr", body: "B1 en français.", ...DECLARED } });
    await db.candidate.update({ where: { id: b1.candidate.id }, data: { status: "WITHDRAWN" } });
    const state = await makeMemberState(db);
    const announced = await makeCandidate(db, { conferenceId: conference.id, postId: postA.id, memberStateId: state.id, status: "ANNOUNCED" });
    await deadlineAtDatabaseNow(round.id, -1);
    const [shown] = await readPublicQuestionnaire(conference.id);
    expect(shown?.revealed).toBe(true);
    const a = shown!.posts.find((p) => p.id === postA.id)!;
    const b = shown!.posts.find((p) => p.id === postB.id)!;
    // The page's own order (unit-tested in questionnaire-rules.test.ts): a plain localeCompare
    // differs from it on names whose random parts hold digits.
    expect(a.candidates.map((c) => c.id)).toEqual(fairOrder([a1.candidate, a2.candidate]).map((c) => c.id));
    expect(a.candidates.map((c) => c.id)).not.toContain(announced.id);
    expect(a.questionIds).toEqual([common.id, forA.id]);
    expect(b.questionIds).toEqual([common.id]);
    expect(b.candidates).toEqual([expect.objectContaining({ id: b1.candidate.id, status: "WITHDRAWN" })]);
    const answers = shown!.questions.find((q) => q.id === common.id)!.answers;
    expect(answers.map((x) => `${x.candidateId === a1.candidate.id ? "a1" : "b1"}:${x.language}`).sort()).toEqual(["a1:ar", "a1:en", "b1:fr"]);
    // a2 gave none: the page says "no answer" for them.
    expect(answers.some((x) => x.candidateId === a2.candidate.id)).toBe(false);
  });
});
