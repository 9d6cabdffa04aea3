import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as supportRoute } from "@/app/api/forum/support/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { askQuestion } from "@/lib/forum/ask";
import { FOLLOW_GUESS_LIMIT, FOLLOW_MAILS_PER_ADDRESS, lookUpFollowToken } from "@/lib/forum/follow";
import { getOwnMostSupported } from "@/lib/forum/queries";
import { newBrowserKey, supportQuestion } from "@/lib/forum/support";
import { SUPPORT_RATE_LIMITS, SUPPORTER_COOKIE } from "@/lib/forum/support-rules";
import { withAppDatabase } from "../support/app-database";
import { asActor } from "../support/factories";
import { askInput, makeForumCandidate, makeQuestion, someAddress } from "../support/factories-forum";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// Forum support and following a question (docs/decisions/049-forum-support-and-follow.md), on a
// real database: once per browser, a pace per address, only published questions of an open
// forum, the count kept with the rows; the follow token found by its hash alone.

// The follow mail's link is built on NEXTAUTH_URL (read once, on first use); the route's same-origin check compares with it.
process.env.NEXTAUTH_URL = "https://hustings.example.test";

const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => void revalidated.push(tag) }));

const database = withAppDatabase();
let db: PrismaClient;

// The factories' conferences open on 28 Oct 2030; their forums are open before that.
const NOW = new Date("2030-06-01T10:00:00Z");
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);

beforeAll(() => {
  db = createDb(database.url());
});

beforeEach(() => {
  revalidated.length = 0;
});

async function published(extra: Parameters<typeof makeQuestion>[2] = {}) {
  const { candidate, user } = await makeForumCandidate(db);
  const question = await makeQuestion(db, candidate.id, { status: "PUBLISHED", ...extra });
  return { candidate, user, question };
}

const rows = (questionId: string) => db.forumSupport.count({ where: { questionId } });
const counted = async (questionId: string) => (await db.forumQuestion.findUniqueOrThrow({ where: { id: questionId } })).supportCount;

describe("supporting a question", () => {
  it("counts one support per browser, the count kept with the rows, neither key nor address stored", async () => {
    const { question } = await published();
    const browser = newBrowserKey();
    const ip = someAddress();
    expect(await supportQuestion({ questionId: question.id, browserKey: browser, client: { ip }, now: NOW })).toMatchObject({ supports: 1 });
    const again = await refusalOf(supportQuestion({ questionId: question.id, browserKey: browser, client: { ip: someAddress() }, now: minutesLater(1) }));
    expect(again).toMatchObject({ code: "CONFLICT", messageKey: "forumSupport.refused.already" });
    expect(await counted(question.id)).toBe(1);
    expect(await rows(question.id)).toBe(1);
    const stored = await db.forumSupport.findFirstOrThrow({ where: { questionId: question.id } });
    expect(JSON.stringify(stored)).not.toContain(browser);
    expect(JSON.stringify(stored)).not.toContain(ip);
  });

  it("lets the next delegate behind the same address support too (a shared address is not one person)", async () => {
    const { question } = await published();
    const ip = someAddress();
    for (let i = 1; i <= 3; i++) {
      expect(await supportQuestion({ questionId: question.id, browserKey: newBrowserKey(), client: { ip }, now: minutesLater(i) })).toMatchObject({
        supports: i,
      });
    }
    expect(await counted(question.id)).toBe(3);
  });

  it("gives one support for two at once from the same browser", async () => {
    const { question } = await published();
    const browser = newBrowserKey();
    const results = await Promise.allSettled([
      supportQuestion({ questionId: question.id, browserKey: browser, client: { ip: someAddress() }, now: NOW }),
      supportQuestion({ questionId: question.id, browserKey: browser, client: { ip: someAddress() }, now: NOW }),
      supportQuestion({ questionId: question.id, browserKey: browser, client: { ip: someAddress() }, now: NOW }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", messageKey: "forumSupport.refused.already" });
    expect(await counted(question.id)).toBe(1);
    expect(await rows(question.id)).toBe(1);
  });

  it("keeps the count exact under many supports at once from many browsers", async () => {
    const { question } = await published();
    await Promise.all(
      Array.from({ length: 8 }, () => supportQuestion({ questionId: question.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: NOW })),
    );
    expect(await counted(question.id)).toBe(8);
    expect(await rows(question.id)).toBe(8);
  });

  it("limits the pace of one address on one question, with the wait, and not other addresses", async () => {
    const { question } = await published();
    const ip = someAddress();
    const { max, windowMs } = SUPPORT_RATE_LIMITS.perAddressQuestion;
    for (let i = 0; i < max; i++) await supportQuestion({ questionId: question.id, browserKey: newBrowserKey(), client: { ip }, now: minutesLater(i * 0.1) });
    const refused = await refusalOf(supportQuestion({ questionId: question.id, browserKey: newBrowserKey(), client: { ip }, now: minutesLater(max * 0.1) }));
    expect(refused).toMatchObject({ code: "RATE_LIMITED", messageKey: "forumSupport.refused.limited" });
    expect(Number(refused.values?.minutes)).toBeGreaterThan(0);
    await expect(
      supportQuestion({ questionId: question.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: minutesLater(max * 0.1) }),
    ).resolves.toMatchObject({
      supports: max + 1,
    });
    // Once the oldest leaves the window, the address may support again.
    await expect(
      supportQuestion({ questionId: question.id, browserKey: newBrowserKey(), client: { ip }, now: new Date(NOW.getTime() + windowMs + 1_000) }),
    ).resolves.toMatchObject({ supports: max + 2 });
  });

  it("refuses what the public does not see: pending, declined, hidden, withdrawn, unknown", async () => {
    const { candidate } = await makeForumCandidate(db);
    for (const status of ["PENDING", "DECLINED", "HIDDEN", "WITHDRAWN"] as const) {
      const q = await makeQuestion(db, candidate.id, { status });
      const refusal = await refusalOf(supportQuestion({ questionId: q.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: NOW }));
      expect(refusal, status).toMatchObject({ code: "NOT_FOUND", messageKey: "forumSupport.refused.unavailable" });
      expect(await counted(q.id)).toBe(0);
    }
    for (const id of ["no-such-question-0000000000", "x", 42]) {
      expect((await refusalOf(supportQuestion({ questionId: id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: NOW }))).code).toBe(
        "NOT_FOUND",
      );
    }
    expect(await db.forumSupport.count({ where: { question: { candidateId: candidate.id } } })).toBe(0);
  });

  it("refuses once the forum is closed: a withdrawn candidature, after the closing time", async () => {
    const { question, candidate } = await published();
    await db.candidate.update({ where: { id: candidate.id }, data: { status: "WITHDRAWN" } });
    expect(await refusalOf(supportQuestion({ questionId: question.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: NOW }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "forum.closedWithdrawn",
    });
    const other = await published();
    expect(
      await refusalOf(
        supportQuestion({ questionId: other.question.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: new Date("2030-11-01T00:00:00Z") }),
      ),
    ).toMatchObject({ code: "CONFLICT", messageKey: "forum.closedAfterClosing" });
    expect(await counted(question.id)).toBe(0);
  });

  it("refuses a browser key the site did not make", async () => {
    const { question } = await published();
    expect((await refusalOf(supportQuestion({ questionId: question.id, browserKey: "short", client: { ip: someAddress() }, now: NOW }))).code).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("the candidate's most supported questions", () => {
  it("lists their own published questions by support, with counts, never another candidate's", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    const few = await makeQuestion(db, candidate.id, { status: "PUBLISHED" });
    const many = await makeQuestion(db, candidate.id, { status: "PUBLISHED", answer: "An answer." });
    await makeQuestion(db, candidate.id, { status: "PUBLISHED" }); // no support: not listed
    for (let i = 0; i < 3; i++) await supportQuestion({ questionId: many.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: NOW });
    await supportQuestion({ questionId: few.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: NOW });
    const other = await published();
    await supportQuestion({ questionId: other.question.id, browserKey: newBrowserKey(), client: { ip: someAddress() }, now: NOW });
    const list = await getOwnMostSupported(asActor(user));
    expect(list.map((q) => [q.id, q.supports, q.answered])).toEqual([
      [many.id, 3, true],
      [few.id, 1, false],
    ]);
  });

  it("is the candidate's only", async () => {
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => getOwnMostSupported(actor));
  });
});

describe("following a question", () => {
  it("gives the asker a token kept only as its hash, which shows that question's state and nothing else", async () => {
    const { candidate } = await makeForumCandidate(db);
    const input = askInput(candidate.id);
    const { followToken } = await askQuestion({ input, client: { ip: someAddress() }, now: NOW });
    expect(followToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = await db.forumQuestion.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect(JSON.stringify(stored)).not.toContain(followToken);

    const waiting = await lookUpFollowToken(followToken, { ip: someAddress() });
    expect(waiting).toMatchObject({ found: { status: "PENDING", body: input.body, candidateName: candidate.name, answer: null } });

    await db.forumQuestion.update({ where: { id: stored.id }, data: { status: "PUBLISHED", publishedAt: NOW, answer: "The answer.", answeredAt: NOW } });
    expect(await lookUpFollowToken(followToken, { ip: someAddress() })).toMatchObject({ found: { status: "PUBLISHED", answer: "The answer." } });
    await db.forumQuestion.update({ where: { id: stored.id }, data: { status: "WITHDRAWN", withdrawReason: "Published by mistake, sorry." } });
    expect(await lookUpFollowToken(followToken, { ip: someAddress() })).toMatchObject({
      found: { status: "WITHDRAWN", withdrawReason: "Published by mistake, sorry." },
    });

    // Another asker's token reads their question only; a changed or made-up token reads nothing.
    const second = await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: NOW });
    const secondView = await lookUpFollowToken(second.followToken, { ip: someAddress() });
    expect("found" in secondView && secondView.found.body).not.toBe(input.body);
    const flipped = followToken.slice(0, -1) + (followToken.endsWith("A") ? "B" : "A");
    for (const wrong of [flipped, "x".repeat(32), "", "../../etc/passwd", followToken + "="]) {
      expect(await lookUpFollowToken(wrong, { ip: someAddress() }), wrong).toEqual({ unknown: true });
    }
  });

  it("refuses an address that asks for too many unknown tokens, for a while", async () => {
    const ip = someAddress();
    for (let i = 0; i < FOLLOW_GUESS_LIMIT.max; i++) expect(await lookUpFollowToken(newBrowserKey().slice(0, 32), { ip }, NOW)).toEqual({ unknown: true });
    const limited = await lookUpFollowToken(newBrowserKey().slice(0, 32), { ip }, NOW);
    expect(limited).toMatchObject({ limited: expect.any(Number) });
    expect(await lookUpFollowToken("y".repeat(40), { ip: someAddress() }, NOW)).toEqual({ unknown: true });
  });

  it("mails the link once, in the page's language, without the question's text, a few times a day at most per address", async () => {
    const { candidate } = await makeForumCandidate(db);
    const to = `asker-${Date.now()}@example.org`;
    const tokens: string[] = [];
    for (let i = 0; i < FOLLOW_MAILS_PER_ADDRESS.max + 1; i++) {
      const input = askInput(candidate.id, { askerEmail: to });
      tokens.push((await askQuestion({ input, client: { ip: someAddress(), locale: "fr" }, now: minutesLater(i) })).followToken);
    }
    const mails = await db.outboxMessage.findMany({ where: { toAddress: to, kind: "forum-follow" }, orderBy: { createdAt: "asc" } });
    expect(mails).toHaveLength(FOLLOW_MAILS_PER_ADDRESS.max);
    expect(mails[0]?.subject).toContain(candidate.name);
    expect(mails[0]?.subject).toMatch(/Suivre/);
    expect(mails[0]?.body).toContain(`/fr/follow/${tokens[0]}`);
    expect(mails[0]?.body).not.toContain("What will you do about");
  });
});

describe("POST /api/forum/support", () => {
  async function openQuestion() {
    const { candidate } = await makeForumCandidate(db);
    await db.conference.update({
      where: { id: (await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).conferenceId },
      data: { forumClosesAt: new Date("2099-01-01T00:00:00Z") },
    });
    return makeQuestion(db, candidate.id, { status: "PUBLISHED" });
  }

  function post(
    body: string,
    {
      ip = someAddress(),
      cookie,
      origin = "https://hustings.example.test",
      locale = "fr",
    }: { ip?: string; cookie?: string; origin?: string | null; locale?: string } = {},
  ) {
    return supportRoute(
      new Request(`http://localhost/api/forum/support?locale=${locale}`, {
        method: "POST",
        headers: {
          ...(origin ? { origin } : {}),
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": ip,
          ...(cookie ? { cookie } : {}),
        },
        body,
      }),
    );
  }

  it("supports from a plain form: a 303 to the outcome page, the browser's key in a cookie scoped to the route, the forum's pages refreshed", async () => {
    const question = await openQuestion();
    const first = await post(`questionId=${question.id}`);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/fr/support/${question.id}?result=supported`);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${SUPPORTER_COOKIE}=[A-Za-z0-9_-]{43}; Path=/api/forum/support; Max-Age=\\d+; HttpOnly; SameSite=Strict; Secure$`));
    expect(revalidated).toEqual([`forum:${question.candidateId}`]);
    const cookie = setCookie.split(";")[0]!;
    const second = await post(`questionId=${question.id}`, { cookie });
    expect(second.headers.get("location")).toBe(`/fr/support/${question.id}?result=already`);
    expect(second.headers.get("set-cookie")).toBeNull();
    expect(await counted(question.id)).toBe(1);
  });

  it("says what went wrong without a 500: an unknown question, a filled honeypot (nothing kept)", async () => {
    const question = await openQuestion();
    expect((await post("questionId=nope")).headers.get("location")).toBe("/fr/support/unknown?result=unavailable");
    const robot = await post(`questionId=${question.id}&website=http%3A%2F%2Fspam.example`);
    expect(robot.headers.get("location")).toBe(`/fr/support/${question.id}?result=supported`);
    expect(await counted(question.id)).toBe(0);
  });

  it("refuses a form posted from another site, or without an Origin", async () => {
    const question = await openQuestion();
    expect((await post(`questionId=${question.id}`, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(`questionId=${question.id}`, { origin: null })).status).toBe(403);
    expect(await counted(question.id)).toBe(0);
  });
});
