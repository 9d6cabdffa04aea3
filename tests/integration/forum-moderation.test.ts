import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { answerQuestion, declineQuestion, hideQuestion, publishQuestion, withdrawQuestion } from "@/lib/forum/moderate";
import { getForumQueueForSecretariat, getOwnForumQueue } from "@/lib/forum/queries";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, unique } from "../support/factories";
import { makeForumCandidate, makeQuestion } from "../support/factories-forum";
import { makeSecretariat } from "../support/factories-users";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

const REASON = "Not about the post this candidate stands for.";
// Each test's asker has an address of their own, so that mail counts are the test's own.
let EMAIL = "";
beforeEach(() => {
  EMAIL = `${unique("asker")}@example.org`;
});

async function candidateWithQuestion(extra: Parameters<typeof makeQuestion>[2] = {}) {
  const account = await makeForumCandidate(db);
  const question = await makeQuestion(db, account.candidate.id, extra);
  return { ...account, actor: asActor(account.user), question };
}

/** The audit rows of a question, with a check that none of them holds the asker's address or its hash. */
async function auditOf(questionId: string) {
  const rows = await auditRowsFor(db, "ForumQuestion", questionId);
  const question = await db.forumQuestion.findUniqueOrThrow({ where: { id: questionId } });
  for (const row of rows) {
    const text = JSON.stringify([row.before, row.after]);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(question.ipHash);
    expect(text).not.toMatch(/askerEmail|ipHash/);
  }
  return rows;
}

describe("publishing", () => {
  it("publishes a pending question without an answer, audited", async () => {
    const { actor, question, user } = await candidateWithQuestion({ askerEmail: EMAIL });
    const now = new Date("2030-06-01T10:00:00Z");
    const after = await publishQuestion({ actor, input: { id: question.id }, now });
    expect(after).toMatchObject({ id: question.id, status: "PUBLISHED", publishedAt: now, answer: null, hasEmail: true });
    expect(after).not.toHaveProperty("askerEmail");
    const rows = await auditOf(question.id);
    expect(rows.map((r) => [r.area, r.action, r.actorId])).toEqual([["forum", "published", user.id]]);
    expect(rows[0]?.before).toMatchObject({ status: "PENDING" });
    expect(rows[0]?.after).toMatchObject({ status: "PUBLISHED" });
    // No answer yet: the asker is not written to, and the address is kept for the answer.
    expect(await db.outboxMessage.count({ where: { toAddress: EMAIL } })).toBe(0);
  });

  it("publishes with an answer: the asker is told once, and the address is then forgotten", async () => {
    const { actor, question, candidate } = await candidateWithQuestion({ askerEmail: EMAIL });
    const after = await publishQuestion({ actor, input: { id: question.id, answer: "By universal service funds." } });
    expect(after).toMatchObject({ status: "PUBLISHED", answer: "By universal service funds.", hasEmail: false });
    expect(after.answeredAt).toEqual(after.publishedAt);
    const mail = await db.outboxMessage.findMany({ where: { toAddress: EMAIL, kind: "forum-answered" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(`${candidate.name} has answered your question`);
    expect(mail[0]?.body).toContain(question.body);
    expect(mail[0]?.body).toContain("By universal service funds.");
    expect((await db.forumQuestion.findUniqueOrThrow({ where: { id: question.id } })).askerEmail).toBeNull();
    expect((await auditOf(question.id)).map((r) => r.action)).toEqual(["published-with-answer"]);
  });

  it("refuses to publish a question that is not pending", async () => {
    for (const status of ["PUBLISHED", "DECLINED", "WITHDRAWN", "HIDDEN"] as const) {
      const { actor, question } = await candidateWithQuestion({ status });
      expect(await refusalOf(publishQuestion({ actor, input: { id: question.id } }))).toMatchObject({ code: "CONFLICT", messageKey: "forum.notPending" });
    }
  });
});

describe("answering", () => {
  it("answers a published question later, telling the asker; an edit keeps the first answer's time and writes no mail", async () => {
    const { actor, question } = await candidateWithQuestion({ status: "PUBLISHED", askerEmail: EMAIL });
    const first = new Date("2030-06-01T10:00:00Z");
    const answered = await answerQuestion({ actor, input: { id: question.id, answer: "First answer." }, now: first });
    expect(answered).toMatchObject({ answer: "First answer.", answeredAt: first, hasEmail: false });
    const edited = await answerQuestion({ actor, input: { id: question.id, answer: "Better answer." }, now: new Date("2030-06-02T10:00:00Z") });
    expect(edited).toMatchObject({ answer: "Better answer.", answeredAt: first });
    expect(await db.outboxMessage.count({ where: { toAddress: EMAIL } })).toBe(1);
    const rows = await auditOf(question.id);
    expect(rows.map((r) => r.action)).toEqual(["answered", "answer-edited"]);
    expect(rows[1]?.before).toMatchObject({ answer: "First answer." });
    expect(rows[1]?.after).toMatchObject({ answer: "Better answer." });
  });

  it("writes no mail when the asker left no address", async () => {
    const { actor, question } = await candidateWithQuestion({ status: "PUBLISHED" });
    const before = await db.outboxMessage.count({ where: { kind: "forum-answered" } });
    await answerQuestion({ actor, input: { id: question.id, answer: "An answer." } });
    expect(await db.outboxMessage.count({ where: { kind: "forum-answered" } })).toBe(before);
  });

  it("refuses to answer a question that is not published, and an empty answer", async () => {
    const { actor, question } = await candidateWithQuestion();
    expect(await refusalOf(answerQuestion({ actor, input: { id: question.id, answer: "Answer." } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "forum.notPublished",
    });
    expect(await refusalOf(answerQuestion({ actor, input: { id: question.id, answer: "  " } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { answer: "required" },
    });
  });
});

describe("declining and withdrawing", () => {
  it("declines a pending question with its reason, kept and audited", async () => {
    const { actor, question } = await candidateWithQuestion({ askerEmail: EMAIL });
    const after = await declineQuestion({ actor, input: { id: question.id, reason: REASON, confirmed: "yes" } });
    expect(after).toMatchObject({ status: "DECLINED", declineReason: REASON, publishedAt: null });
    const rows = await auditOf(question.id);
    expect(rows.map((r) => [r.area, r.action])).toEqual([["forum", "declined"]]);
    expect(rows[0]?.after).toMatchObject({ declineReason: REASON });
    expect(await refusalOf(declineQuestion({ actor, input: { id: question.id, reason: REASON, confirmed: "yes" } }))).toMatchObject({
      messageKey: "forum.notPending",
    });
  });

  it("refuses a decline without a real reason", async () => {
    const { actor, question } = await candidateWithQuestion();
    expect(await refusalOf(declineQuestion({ actor, input: { id: question.id, reason: "no", confirmed: "yes" } }))).toMatchObject({
      fieldErrors: { reason: "forum.reasonTooShort" },
    });
    expect((await db.forumQuestion.findUniqueOrThrow({ where: { id: question.id } })).status).toBe("PENDING");
  });

  it("withdraws a published question with its reason, audited; a pending one cannot be withdrawn", async () => {
    const { actor, question } = await candidateWithQuestion({ status: "PUBLISHED", answer: "An answer." });
    const after = await withdrawQuestion({ actor, input: { id: question.id, reason: REASON, confirmed: "yes" } });
    expect(after).toMatchObject({ status: "WITHDRAWN", withdrawReason: REASON });
    expect((await auditOf(question.id)).map((r) => r.action)).toEqual(["withdrawn"]);
    const pending = await candidateWithQuestion();
    expect(await refusalOf(withdrawQuestion({ actor: pending.actor, input: { id: pending.question.id, reason: REASON, confirmed: "yes" } }))).toMatchObject({
      messageKey: "forum.notPublished",
    });
  });
});

describe("a withdrawn candidature (docs/domain.md#public-record)", () => {
  it("publishes and answers nothing more, translated, and changes nothing; it may still decline and withdraw", async () => {
    const { actor, candidate, question: pending } = await candidateWithQuestion();
    const published = await makeQuestion(db, candidate.id, { status: "PUBLISHED" });
    const other = await makeQuestion(db, candidate.id, { status: "PUBLISHED", answer: "First answer." });
    const declinable = await makeQuestion(db, candidate.id);
    await db.candidate.update({ where: { id: candidate.id }, data: { status: "WITHDRAWN" } });
    const before = await db.forumQuestion.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } });
    const refused = { code: "CONFLICT", messageKey: "forum.candidatureWithdrawn" };
    expect(await refusalOf(publishQuestion({ actor, input: { id: pending.id } }))).toMatchObject(refused);
    expect(await refusalOf(publishQuestion({ actor, input: { id: pending.id, answer: "An answer." } }))).toMatchObject(refused);
    expect(await refusalOf(answerQuestion({ actor, input: { id: published.id, answer: "Too late." } }))).toMatchObject(refused);
    expect(await refusalOf(answerQuestion({ actor, input: { id: other.id, answer: "An edited answer." } }))).toMatchObject(refused);
    expect(await db.forumQuestion.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await auditRowsFor(db, "ForumQuestion", published.id)).toEqual([]);

    await expect(declineQuestion({ actor, input: { id: declinable.id, reason: REASON, confirmed: "yes" } })).resolves.toMatchObject({ status: "DECLINED" });
    await expect(withdrawQuestion({ actor, input: { id: other.id, reason: REASON, confirmed: "yes" } })).resolves.toMatchObject({ status: "WITHDRAWN" });
  });

  it("still lets an elected candidate answer what was published (the rule is the withdrawal's)", async () => {
    const { actor, candidate } = await candidateWithQuestion();
    const published = await makeQuestion(db, candidate.id, { status: "PUBLISHED" });
    await db.candidate.update({ where: { id: candidate.id }, data: { status: "ELECTED" } });
    await expect(answerQuestion({ actor, input: { id: published.id, answer: "Answered after the vote." } })).resolves.toMatchObject({
      answer: "Answered after the vote.",
    });
  });
});

describe("hiding (the secretariat)", () => {
  it("hides a question of any forum, pending or published, with a reason, audited with who hid it", async () => {
    const { actor, user } = await makeSecretariat(db);
    for (const status of ["PENDING", "PUBLISHED", "DECLINED"] as const) {
      const { question } = await candidateWithQuestion({ status, askerEmail: EMAIL });
      const after = await hideQuestion({ actor, input: { id: question.id, reason: "Abusive language towards a delegation.", confirmed: "yes" } });
      expect(after).toMatchObject({ status: "HIDDEN", hiddenReason: "Abusive language towards a delegation." });
      expect((await db.forumQuestion.findUniqueOrThrow({ where: { id: question.id } })).hiddenById).toBe(user.id);
      const rows = await auditOf(question.id);
      expect(rows.map((r) => [r.area, r.action, r.actorRole])).toEqual([["forum", "hidden", "SECRETARIAT"]]);
      expect(await refusalOf(hideQuestion({ actor, input: { id: question.id, reason: "Abusive language again.", confirmed: "yes" } }))).toMatchObject({
        messageKey: "forum.alreadyHidden",
      });
    }
    expect((await refusalOf(hideQuestion({ actor, input: { id: "no-such-question", reason: "Abusive language.", confirmed: "yes" } }))).code).toBe("NOT_FOUND");
  });

  it("never publishes, answers, declines or withdraws, even with a real question's id", async () => {
    const { actor } = await makeSecretariat(db);
    const pending = await candidateWithQuestion();
    const published = await candidateWithQuestion({ status: "PUBLISHED" });
    const calls = [
      () => publishQuestion({ actor, input: { id: pending.question.id, answer: "Answer on the candidate's behalf." } }),
      () => declineQuestion({ actor, input: { id: pending.question.id, reason: REASON, confirmed: "yes" } }),
      () => answerQuestion({ actor, input: { id: published.question.id, answer: "Answer on the candidate's behalf." } }),
      () => withdrawQuestion({ actor, input: { id: published.question.id, reason: REASON, confirmed: "yes" } }),
    ];
    for (const call of calls) expect((await refusalOf(call())).code).toBe("FORBIDDEN");
    expect(await db.forumQuestion.findUniqueOrThrow({ where: { id: pending.question.id } })).toMatchObject({ status: "PENDING", answer: null });
    expect(await db.forumQuestion.findUniqueOrThrow({ where: { id: published.question.id } })).toMatchObject({ status: "PUBLISHED", answer: null });
    expect(await auditRowsFor(db, "ForumQuestion", pending.question.id)).toEqual([]);
  });
});

describe("another candidate", () => {
  it("cannot act on a forum that is not theirs, even with its ids: it reads as not found and nothing changes", async () => {
    const owner = await candidateWithQuestion();
    const published = await makeQuestion(db, owner.candidate.id, { status: "PUBLISHED" });
    const intruder = asActor((await makeForumCandidate(db)).user);
    const calls = [
      () => publishQuestion({ actor: intruder, input: { id: owner.question.id, answer: "Hijacked." } }),
      () => declineQuestion({ actor: intruder, input: { id: owner.question.id, reason: REASON, confirmed: "yes" } }),
      () => answerQuestion({ actor: intruder, input: { id: published.id, answer: "Hijacked." } }),
      () => withdrawQuestion({ actor: intruder, input: { id: published.id, reason: REASON, confirmed: "yes" } }),
      () => hideQuestion({ actor: intruder, input: { id: published.id, reason: REASON, confirmed: "yes" } }),
    ];
    const codes = [];
    for (const call of calls) codes.push((await refusalOf(call())).code);
    expect(codes).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN"]);
    expect(await db.forumQuestion.findUniqueOrThrow({ where: { id: owner.question.id } })).toMatchObject({ status: "PENDING", answer: null });
    expect(await db.forumQuestion.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({ status: "PUBLISHED", answer: null });
  });

  it("never sees it in their queue", async () => {
    const owner = await candidateWithQuestion({ body: "Only for the owner's eyes" });
    const intruder = asActor((await makeForumCandidate(db)).user);
    expect(await getOwnForumQueue(intruder)).toEqual([]);
    const own = await getOwnForumQueue(owner.actor);
    expect(own.map((q) => q.id)).toEqual([owner.question.id]);
  });

  it("a candidate account without a candidature sees no queue at all", async () => {
    const orphan = await makeUser(db, "CANDIDATE");
    expect((await refusalOf(getOwnForumQueue(asActor(orphan)))).code).toBe("FORBIDDEN");
  });
});

describe("the queues", () => {
  it("give the candidate every state of their own forum, filtered by state, without the address", async () => {
    const { actor, candidate } = await makeForumCandidate(db).then(async (a) => ({ ...a, actor: asActor(a.user) }));
    const older = await makeQuestion(db, candidate.id, { askerEmail: EMAIL, createdAt: new Date("2030-01-01T00:00:00Z") });
    const newer = await makeQuestion(db, candidate.id, { createdAt: new Date("2030-01-02T00:00:00Z") });
    const declined = await makeQuestion(db, candidate.id, { status: "DECLINED" });
    // Waiting questions come oldest first.
    const pending = await getOwnForumQueue(actor, { status: "PENDING" });
    expect(pending.map((q) => q.id)).toEqual([older.id, newer.id]);
    expect(pending[0]).toMatchObject({ hasEmail: true });
    expect(JSON.stringify(pending)).not.toContain(EMAIL);
    expect(pending[0]).not.toHaveProperty("ipHash");
    expect((await getOwnForumQueue(actor, { status: "DECLINED" })).map((q) => q.id)).toEqual([declined.id]);
    expect(await getOwnForumQueue(actor)).toHaveLength(3);
  });

  it("give the secretariat every forum, with the candidate's name, filtered by candidate and state", async () => {
    const { actor } = await makeSecretariat(db);
    const a = await candidateWithQuestion({ askerEmail: EMAIL });
    const b = await candidateWithQuestion({ status: "PUBLISHED" });
    const all = await getForumQueueForSecretariat(actor);
    expect(all.map((q) => q.id)).toEqual(expect.arrayContaining([a.question.id, b.question.id]));
    expect(JSON.stringify(all)).not.toContain(EMAIL);
    const onlyA = await getForumQueueForSecretariat(actor, { candidateId: a.candidate.id });
    expect(onlyA).toEqual([expect.objectContaining({ id: a.question.id, candidateId: a.candidate.id, candidateName: a.candidate.name })]);
    expect(await getForumQueueForSecretariat(actor, { candidateId: b.candidate.id, status: "PENDING" })).toEqual([]);
  });
});

describe("who may do what", () => {
  const input = { id: "any-question", reason: REASON, answer: "An answer." };
  it.each([
    ["publishQuestion", (actor: Actor | null) => publishQuestion({ actor, input })],
    ["answerQuestion", (actor: Actor | null) => answerQuestion({ actor, input })],
    ["declineQuestion", (actor: Actor | null) => declineQuestion({ actor, input: { ...input, confirmed: "yes" } })],
    ["withdrawQuestion", (actor: Actor | null) => withdrawQuestion({ actor, input: { ...input, confirmed: "yes" } })],
    ["getOwnForumQueue", (actor: Actor | null) => getOwnForumQueue(actor)],
  ] as const)("%s: only a candidate (anonymous, a disabled candidate, the secretariat, chair, ethics, member refused)", async (_name, call) => {
    await expectOnlyRoleAllowed("CANDIDATE", call);
  });

  it.each([
    ["hideQuestion", (actor: Actor | null) => hideQuestion({ actor, input: { ...input, confirmed: "yes" } })],
    ["getForumQueueForSecretariat", (actor: Actor | null) => getForumQueueForSecretariat(actor)],
  ] as const)("%s: only the secretariat (candidates, chair, ethics, member, anonymous, disabled refused)", async (_name, call) => {
    await expectOnlyRoleAllowed("SECRETARIAT", call);
  });

  it("refuses a disabled candidate's real account on their own forum", async () => {
    const { question, user } = await candidateWithQuestion();
    const disabled = { ...asActor(user), disabled: true };
    expect((await refusalOf(publishQuestion({ actor: disabled, input: { id: question.id } }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(getOwnForumQueue(disabled))).code).toBe("FORBIDDEN");
    expect(actorOf("CANDIDATE").candidateId).not.toBe(user.candidateId);
  });
});

describe("mail in the same transaction", () => {
  it("a moderation that rolls back leaves no mail, and the question and its address as they were", async () => {
    const { question, user, candidate } = await candidateWithQuestion({ askerEmail: EMAIL });
    // An actor whose account row does not exist: the audit row (same transaction) cannot be written.
    const ghost: Actor = { ...asActor(user), id: "not-a-user-row" };
    await expect(publishQuestion({ actor: ghost, input: { id: question.id, answer: "An answer that never was." } })).rejects.toThrow();
    expect(await db.outboxMessage.count({ where: { toAddress: EMAIL } })).toBe(0);
    expect(await db.forumQuestion.findUniqueOrThrow({ where: { id: question.id } })).toMatchObject({
      status: "PENDING",
      answer: null,
      askerEmail: EMAIL,
      candidateId: candidate.id,
    });
    // The same action by the real account writes both.
    await publishQuestion({ actor: asActor(user), input: { id: question.id, answer: "The real answer." } });
    expect(await db.outboxMessage.count({ where: { toAddress: EMAIL } })).toBe(1);
  });
});
