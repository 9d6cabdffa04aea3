import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { answerReview } from "@/lib/ethics/answer-review";
import { askQuestion } from "@/lib/forum/ask";
import { publishQuestion } from "@/lib/forum/moderate";
import { recordSignInLocale, setOwnLocale } from "@/lib/users/locale-preference";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, unique } from "../support/factories";
import { makeCandidateWithUser, makeDraftStatement, makeReviewRequest } from "../support/factories-ethics";
import { askInput, makeForumCandidate, someAddress } from "../support/factories-forum";
import { refusalOf } from "../support/roles";

// Each message the outbox is given is in its recipient's language, with links in it
// (docs/decisions/042-wcag-22-and-mail-language.md).

process.env.NEXTAUTH_URL = "https://hustings.example.test";
const SITE = "https://hustings.example.test";

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

const outboxFor = (to: string) => db.outboxMessage.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${unique("a")}`;

describe("the recipient's language", () => {
  it("writes the candidate's digest in the language their account records", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    await db.user.update({ where: { id: user.id }, data: { locale: "ar" } });
    await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress(), locale: "en" } });
    const [digest] = await outboxFor(user.email);
    expect(digest?.kind).toBe("forum-digest");
    expect(digest?.subject).toContain("منتداك");
    expect(digest?.body).toContain(`${SITE}/ar/my/forum`);
  });

  it("writes the answer's note in the language of the page the question was asked on", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    const email = `${unique("asker")}@example.org`;
    await askQuestion({ input: askInput(candidate.id, { askerEmail: email }), client: { ip: someAddress(), locale: "zh" } });
    const question = await db.forumQuestion.findFirstOrThrow({ where: { candidateId: candidate.id }, select: { id: true, locale: true } });
    expect(question.locale).toBe("zh");
    await publishQuestion({ actor: asActor(user), input: { id: question.id, answer: "Yes." } });
    // First the follow link, at asking (docs/decisions/049-forum-support-and-follow.md), then the answer's note: both in the page's language.
    const [follow, note] = await outboxFor(email);
    expect(follow?.kind).toBe("forum-follow");
    expect(follow?.body).toContain(`${SITE}/zh/follow/`);
    expect(note?.kind).toBe("forum-answered");
    expect(note?.subject).toContain("已回答您的问题");
    expect(note?.body).toContain(`${SITE}/zh/candidates/${candidate.id}`);
  });

  it("writes a reset link in the account's language, whatever the page's, and in the page's when none is recorded", async () => {
    const russian = await makeUser(db, "SECRETARIAT");
    await db.user.update({ where: { id: russian.id }, data: { locale: "ru" } });
    await requestPasswordReset({ input: { email: russian.email }, ip: ip(), locale: "en" });
    const [ru] = await outboxFor(russian.email);
    expect(ru?.subject).toBe("Сброс пароля Hustings");
    expect(ru?.body).toContain(`${SITE}/ru/set-password/`);
    expect(ru?.body).toContain("Ссылка перестаёт действовать");

    const unset = await makeUser(db, "SECRETARIAT");
    await requestPasswordReset({ input: { email: unset.email }, ip: ip(), locale: "es" });
    const [es] = await outboxFor(unset.email);
    expect(es?.subject).toBe("Restablezca su contraseña de Hustings");
    expect(es?.body).toContain(`${SITE}/es/set-password/`);
  });

  it("tells the candidate of the Ethics Office's answer in their language, without the draft or the advice", async () => {
    const { candidate, user } = await makeCandidateWithUser(db);
    await db.user.update({ where: { id: user.id }, data: { locale: "fr" } });
    const officer = await makeUser(db, "ETHICS_OFFICER");
    const draft = await makeDraftStatement(db, candidate.id);
    const request = await makeReviewRequest(db, draft);
    const advice = unique("Remove the emblem from page");
    await answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "ADVICE", comment: advice } });
    const [note, ...more] = await outboxFor(user.email);
    expect(more).toHaveLength(0);
    expect(note).toMatchObject({ kind: "ethics-answered", subject: "Le Bureau de l'éthique a répondu à votre demande d'examen" });
    expect(note?.body).toContain("Résultat : avis donné");
    expect(note?.body).toContain(`${SITE}/fr/my/materials/${draft.id}`);
    // The request's time in the conference's zone (Geneva), named in French.
    expect(note?.body).toMatch(/heure normale d’Europe centrale|heure d’été d’Europe centrale|heure d’Europe centrale/);
    for (const secret of [advice, draft.title, draft.body ?? "", request.question]) expect(note?.body).not.toContain(secret);
  });

  it("sends nothing when a refused answer rolls back", async () => {
    const { candidate, user } = await makeCandidateWithUser(db);
    const officer = await makeUser(db, "ETHICS_OFFICER");
    const request = await makeReviewRequest(db, await makeDraftStatement(db, candidate.id));
    // Advice must say something: refused, and so is its mail.
    expect(await refusalOf(answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "ADVICE", comment: "" } }))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await outboxFor(user.email)).toHaveLength(0);
  });
});

describe("choosing the language", () => {
  it("records the page's language at a password sign-in, through next-auth's credentials", async () => {
    const { authOptions } = await import("@/lib/sign-in/options");
    const user = await makeUser(db, "MEMBER");
    const credentials = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize(raw: Record<string, string>, req: { headers: Record<string, string> }): Promise<unknown> };
    };
    const req = { headers: { "x-forwarded-for": "192.0.2.77" } };
    expect(await credentials.options.authorize({ email: user.email, password: user.password, locale: "ar" }, req)).toMatchObject({ id: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ar");
    // A wrong password records nothing.
    expect(await credentials.options.authorize({ email: user.email, password: "not-the-password", locale: "zh" }, req)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ar");
  });

  it("records the language of the sign-in page, and only one of the six", async () => {
    const user = await makeUser(db, "CHAIR");
    await recordSignInLocale(user.id, "zh");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh");
    await recordSignInLocale(user.id, "xx");
    await recordSignInLocale(user.id, null);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh");
  });

  it("lets a signed-in user set their own, audited, and refuses anyone else or another value", async () => {
    const user = await makeUser(db, "MEMBER");
    await setOwnLocale({ actor: asActor(user), input: { language: "ar" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ar");
    const audit = await auditRowsFor(db, "User", user.id);
    expect(audit.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([["locale-changed", user.id, { locale: null }, { locale: "ar" }]]);

    expect(await refusalOf(setOwnLocale({ actor: null, input: { language: "fr" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    const disabled = await makeUser(db, "MEMBER", { disabled: true });
    expect(await refusalOf(setOwnLocale({ actor: { ...asActor(disabled), disabled: true }, input: { language: "fr" } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusalOf(setOwnLocale({ actor: asActor(user), input: { language: "de" } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { language: "accountLanguage.invalid" },
    });
    expect(await refusalOf(setOwnLocale({ actor: asActor(user), input: { language: "ar" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "accountLanguage.unchanged",
    });
    // The actor's own account only: nothing in the input names another.
    const other = await makeUser(db, "MEMBER");
    await setOwnLocale({ actor: asActor(user), input: { language: "ru", userId: other.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).locale).toBeNull();
  });
});
