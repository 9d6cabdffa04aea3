import { SUPPORT_RATE_LIMITS } from "../../lib/forum/support-rules";
import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { ask, askForm, makeQuestion, openForum, spreadOut } from "./support/forum";
import { rawRequest } from "./support/raw-request";
import { e2eBaseUrl } from "./support/session";

// Forum support and following a question (docs/decisions/049-forum-support-and-follow.md),
// through the running production server: one browser journey (a visitor asks and keeps the
// link, supports another question without script, the candidate sees the most supported, the
// follow page shows what became of the question, axe in English and Arabic), then what only
// the server shows: the support answered by Next and never from the front cache, the count
// seen by others at once, a made-up X-Forwarded-For giving no second support, and the follow
// page's private, uncached, unindexed answer. The rules and the limits themselves are the
// services' (tests/integration/forum-support.test.ts).

const base = () => e2eBaseUrl();

/** A loopback address of this spec's own (client-address.spec.ts uses other blocks): a client the server counts apart. */
const loopback = (() => {
  const third = 1 + Math.floor(Math.random() * 250);
  let last = 0;
  return () => `127.61.${third}.${(last += 1)}`;
})();

test("a visitor asks and keeps the private link, supports another question, the candidate sees the most supported, the link shows the answer", async ({
  page,
  db,
  browser,
}) => {
  test.setTimeout(120_000);
  const { candidate, user } = await openForum(db);
  const other = await makeQuestion(db, candidate.id, { status: "PUBLISHED", body: unique("Will the budget be published line by line?") });
  const body = unique("How will you open the study groups to small delegations?");

  // Asking: the confirmation gives the private link once.
  await page.goto(`/en/candidates/${candidate.id}/ask`);
  await ask(page, { name: "Amina Diallo", body });
  await expect(askForm(page).getByTestId("ask-sent")).toBeVisible();
  await spreadOut(db, candidate.id);
  const followLink = askForm(page).getByTestId("ask-follow-link");
  await expect(askForm(page).getByTestId("ask-follow")).toContainText("Keep this private link");
  const followPath = await followLink.getAttribute("href");
  expect(followPath).toMatch(/^\/en\/follow\/[A-Za-z0-9_-]{32}$/);
  const token = followPath!.split("/").pop()!;

  // The private page: waiting for moderation.
  await page.goto(followPath!);
  await expect(page.getByTestId("follow-status")).toHaveAttribute("data-status", "PENDING");
  await expect(page.getByTestId("follow-body")).toHaveText(body);

  // Supporting another question, in a browser without script: a plain form, an answer in the visitor's language.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: base() });
  const plain = await noScript.newPage();
  await plain.goto(`/en/candidates/${candidate.id}/forum/1`);
  const card = plain.getByTestId("forum-question").filter({ hasText: other.body });
  await expect(card.getByTestId("question-supports")).toHaveText("No support yet");
  await card.getByRole("button", { name: /Support this question/ }).click();
  await expect(plain).toHaveURL(new RegExp(`/en/support/${other.id}\\?result=supported$`));
  await expect(plain.getByTestId("support-outcome")).toHaveText("Thank you: your support has been counted.");
  await expect(plain.getByTestId("support-count")).toHaveText("This question now has 1 support.");
  // Once from this browser.
  await plain.goto(`/en/candidates/${candidate.id}/forum/1`);
  await expect(card.getByTestId("question-supports")).toHaveText("1 support");
  await card.getByRole("button", { name: /Support this question/ }).click();
  await expect(plain.getByTestId("support-outcome")).toHaveAttribute("data-result", "already");
  await expect(plain.getByTestId("support-count")).toHaveText("This question now has 1 support.");
  // The most supported first, as a link on the forum's page.
  await plain.getByRole("link", { name: "The most supported questions" }).click();
  await expect(plain).toHaveURL(new RegExp(`/en/candidates/${candidate.id}/forum/supported/1$`));
  await expect(plain.getByTestId("forum-question").first()).toContainText(other.body);
  await noScript.close();
  // The forum's page with its support buttons, and the outcome page in Arabic, pass axe.
  await page.goto(`/en/candidates/${candidate.id}/forum/1`);
  await expect(page.getByTestId("support-form")).toHaveCount(1);
  await expectAccessible(page);
  await page.goto(`/ar/support/${other.id}?result=already`);
  await expect(page.getByTestId("support-count")).toBeVisible();
  await expectAccessible(page);

  // The candidate publishes the question with an answer; they see the most supported with its count.
  await signInAs(page, user);
  await page.goto("/en/my/forum");
  const most = page.getByTestId("most-supported");
  await expect(most.getByTestId("most-supported-item")).toHaveCount(1);
  await expect(most.getByTestId("most-supported-item").first()).toContainText(other.body);
  await expect(most.getByTestId("most-supported-count").first()).toHaveText("1 support");
  await db.forumQuestion.updateMany({
    where: { candidateId: candidate.id, body },
    data: { status: "PUBLISHED", publishedAt: new Date(), answer: "Hybrid meetings by default.", answeredAt: new Date() },
  });

  // The asker's link, in another browser (no session): answered, with the answer; axe in English and Arabic.
  const asker = await browser.newContext({ baseURL: base() });
  const follow = await asker.newPage();
  await follow.goto(`/en/follow/${token}`);
  await expect(follow).toHaveTitle("Follow your question · Hustings");
  await expect(follow.getByTestId("follow-status")).toHaveAttribute("data-status", "ANSWERED");
  await expect(follow.getByTestId("follow-answer")).toHaveText("Hybrid meetings by default.");
  await expectAccessible(follow);
  await follow.goto(`/ar/follow/${token}`);
  await expect(follow.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(follow.getByTestId("follow-status")).toHaveAttribute("data-status", "ANSWERED");
  await expectAccessible(follow);
  await asker.close();
});

test("the support is Next's answer, never the front cache's; others see the count at once; a made-up X-Forwarded-For gives no second support", async ({
  db,
}) => {
  const { candidate } = await openForum(db);
  const question = await makeQuestion(db, candidate.id, { status: "PUBLISHED" });
  const forumPage = `${base()}/en/candidates/${candidate.id}/forum/1`;
  const supports = async () => /data-testid="question-supports"[^>]*>([^<]*)</.exec((await rawRequest(forumPage, { localAddress: loopback() })).body)?.[1];
  // The page as anonymous visitors get it (kept by the front cache once Next has sent it).
  expect(await supports()).toBe("No support yet");
  await rawRequest(forumPage);

  const from = loopback();
  const post = (headers: Record<string, string> = {}) =>
    rawRequest(`${base()}/api/forum/support?locale=en`, {
      method: "POST",
      localAddress: from,
      body: `questionId=${question.id}`,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
  const first = await post();
  expect(first.status).toBe(303);
  expect(first.headers["x-front-cache"]).toBeUndefined();
  expect(first.headers["cache-control"]).toBe("no-store");
  expect(first.headers.location).toBe(`/en/support/${question.id}?result=supported`);
  const cookie = (first.headers["set-cookie"] ?? [])[0]?.split(";")[0] ?? "";
  expect(cookie).toMatch(/^hustings_supporter=/);
  // Others see it within the invalidation's time (the front cache is dropped when the tag is).
  await expect.poll(supports, { timeout: 5_000 }).toBe("1 support");

  // The same browser from "another address" it wrote itself: still the same browser, and the same address.
  const again = await post({ cookie, "x-forwarded-for": "198.51.100.7" });
  expect(again.headers.location).toBe(`/en/support/${question.id}?result=already`);
  // Without the cookie, each made-up address is still this one: the address's pace applies.
  const { max } = SUPPORT_RATE_LIMITS.perAddressQuestion;
  const results: string[] = [];
  for (let i = 0; i < max; i++) results.push(String((await post({ "x-forwarded-for": `203.0.113.${i + 1}` })).headers.location));
  expect(results.slice(0, max - 1).every((l) => l.endsWith("result=supported"))).toBe(true);
  expect(results.at(-1)).toMatch(/result=limited&minutes=\d+$/);
  expect(await db.forumSupport.count({ where: { questionId: question.id } })).toBe(max);

  // The outcome page itself: rendered per request, private.
  const outcome = await rawRequest(`${base()}${results.at(-1)}`);
  expect(outcome.status).toBe(200);
  expect(outcome.headers["cache-control"]).toBe("private, no-store");
  expect(outcome.body).toContain("Too many supports have come from your network for now.");
});

test("the follow page is private: no shared cache, no index, no referrer, an unknown token is the translated not-found page", async ({ db }) => {
  const { candidate } = await openForum(db);
  const answer = await rawRequest(`${base()}/api/forum/questions?locale=fr`, {
    method: "POST",
    localAddress: loopback(),
    body: JSON.stringify({ candidateId: candidate.id, askerName: "Léa Martin", body: unique("Quelle est votre priorité pour les petits États ?") }),
    headers: { "content-type": "application/json" },
  });
  expect(answer.status).toBe(201);
  const { follow } = JSON.parse(answer.body) as { follow: string };
  expect(follow).toMatch(/^\/fr\/follow\//);
  await spreadOut(db, candidate.id);

  for (let i = 0; i < 2; i++) {
    const page = await rawRequest(`${base()}${follow}`, { localAddress: loopback() });
    expect(page.status).toBe(200);
    expect(page.headers["x-front-cache"]).toBeUndefined();
    expect(page.headers["cache-control"]).toBe("private, no-store");
    expect(page.body).toContain("En attente de modération");
    expect(page.body).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(page.body).toMatch(/<meta name="referrer" content="no-referrer"/);
  }
  const unknown = await rawRequest(`${base()}/fr/follow/${"A".repeat(32)}`, { localAddress: loopback() });
  expect(unknown.status).toBe(404);
  expect(unknown.headers["cache-control"]).toBe("private, no-store");
  expect(unknown.body).not.toContain("En attente");
});
