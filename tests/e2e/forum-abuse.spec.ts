import { randomBytes } from "node:crypto";
import { FORUM_RATE_LIMITS } from "../../lib/forum/limits";
import { unique } from "../support/factories";
import { expectAccessible, expect, test } from "./support/fixtures";
import { ask, askForm, openForum, spreadOut } from "./support/forum";

// Anti-abuse without accounts, as a visitor meets it: the honeypot, the rate limit with
// the time to wait, and a forum that is closed (with its reason, also on the reader's clock).

test("a robot that fills the hidden field is thanked like a person, and nothing is kept; people never reach that field", async ({ page, db }) => {
  const { candidate } = await openForum(db);
  await page.goto(`/en/candidates/${candidate.id}/ask`);
  const form = askForm(page);
  const honeypot = form.locator('input[name="website"]');

  // Not display:none (robots skip those) but out of sight, out of the tab order and hidden
  // from assistive technology.
  await expect(honeypot).toHaveAttribute("tabindex", "-1");
  await expect(honeypot).toHaveAttribute("autocomplete", "off");
  const placement = await honeypot.evaluate((input) => {
    const style = getComputedStyle(input);
    const box = input.getBoundingClientRect();
    return {
      display: style.display,
      visibility: style.visibility,
      hiddenAncestor: input.closest('[aria-hidden="true"]') !== null,
      right: box.right,
      bottom: box.bottom,
      left: box.left,
    };
  });
  expect(placement.display).not.toBe("none");
  expect(placement.visibility).toBe("visible");
  expect(placement.hiddenAncestor).toBe(true);
  expect(placement.right <= 0 || placement.left >= (page.viewportSize()?.width ?? 0)).toBe(true);

  // Tabbing from the question goes to the privacy notice's link, then the button, never through the honeypot.
  await form.getByLabel("Your question").focus();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("link", { name: /privacy/i })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Send the question" })).toBeFocused();

  await form.getByLabel("Your name").fill("Spam Bot");
  await form.getByLabel("Your question").fill(unique("Buy cheap followers"));
  await honeypot.fill("https://spam.example/", { force: true });
  await form.getByRole("button", { name: "Send the question" }).click();
  await expect(form.getByTestId("ask-sent")).toContainText("Thank you. Your question has been sent to the candidate.");
  expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(0);

  // A person's question, with the field left empty, is kept.
  await honeypot.fill("", { force: true });
  await ask(page, { name: "A person", body: unique("A real question") });
  await expect(form.getByTestId("ask-sent")).toBeVisible();
  await expect.poll(() => db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(1);
  await spreadOut(db, candidate.id);
});

test("past the forum's limit the visitor is told how long to wait, and what they wrote stays in the form", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 429/);
  const { candidate } = await openForum(db);
  // The forum has just received its limit of questions, each from another address.
  const { max, windowMs } = FORUM_RATE_LIMITS.perCandidate;
  const minutes = Math.ceil(windowMs / 60_000);
  const now = Date.now();
  await db.forumQuestion.createMany({
    data: Array.from({ length: max }, (_, i) => ({
      candidateId: candidate.id,
      askerName: `Flood ${i}`,
      body: `Flood question ${i} ${randomBytes(4).toString("hex")}`,
      bodyHash: randomBytes(16).toString("hex"),
      ipHash: `e2e-flood-${randomBytes(8).toString("hex")}`,
      createdAt: new Date(now - 5_000 + i * 100),
    })),
  });

  for (const locale of ["en", "ar"] as const) {
    await page.goto(`/${locale}/candidates/${candidate.id}/ask`);
    const form = page.getByTestId("ask-form");
    const body = unique("One question too many");
    await form.locator('input[name="askerName"]').fill("Patient Visitor");
    await form.locator('textarea[name="body"]').fill(body);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/forum/questions")),
      form.locator('button[type="submit"]').click(),
    ]);
    expect(response.status()).toBe(429);
    const retryAfter = Number(response.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
    const error = form.getByTestId("ask-error");
    await expect(error).toHaveText(
      locale === "en"
        ? `Too many questions have been sent in a short time. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`
        : /يرجى المحاولة مجدداً بعد/,
    );
    await expect(form.getByTestId("ask-outcome")).toBeFocused();
    await expect(form.locator('textarea[name="body"]')).toHaveValue(body);
    await expectAccessible(page);
  }
  expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(max);
});

test("a closed forum says why instead of showing the form or the link to it: not yet formal, after the closing time, and on the reader's clock", async ({
  page,
  db,
}) => {
  const announced = await openForum(db, { status: "ANNOUNCED" });
  await page.goto(`/en/candidates/${announced.candidate.id}`);
  await expect(page.getByTestId("forum-closed")).toHaveText("This forum opens once the candidature has been formally received.");
  await expect(page.getByTestId("ask-link")).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/en/candidates/${announced.candidate.id}/ask`);
  await expect(page.getByTestId("forum-closed")).toHaveText("This forum opens once the candidature has been formally received.");
  await expect(askForm(page)).toHaveCount(0);

  const closed = await openForum(db, { forumClosesAt: new Date(Date.now() - 60_000) });
  await page.goto(`/ar/candidates/${closed.candidate.id}`);
  await expect(page.getByTestId("forum-closed")).toBeVisible();
  await expect(page.getByTestId("ask-link")).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/ar/candidates/${closed.candidate.id}/ask`);
  await expect(page.getByTestId("forum-closed")).toBeVisible();
  await expect(page.getByTestId("ask-form")).toHaveCount(0);

  // The pages were cached while the forum was open; the reader's clock has passed the closing time.
  const closesAt = new Date(Date.now() + 60 * 60 * 1000);
  const open = await openForum(db, { forumClosesAt: closesAt });
  await page.goto(`/en/candidates/${open.candidate.id}`);
  await expect(page.getByTestId("ask-link")).toBeVisible();
  await page.goto(`/en/candidates/${open.candidate.id}/ask`);
  await expect(askForm(page)).toBeVisible();
  await page.clock.install({ time: new Date(closesAt.getTime() + 1_000) });
  await page.reload();
  await expect(page.getByTestId("forum-closed")).toHaveText("This forum no longer accepts questions.");
  await expect(askForm(page)).toHaveCount(0);
  await page.goto(`/en/candidates/${open.candidate.id}`);
  await expect(page.getByTestId("forum-closed")).toHaveText("This forum no longer accepts questions.");
  await expect(page.getByTestId("ask-link")).toHaveCount(0);
});
