import type { PrismaClient } from "../../lib/db/client";
import { makeDraftStatement, makeReviewRequest } from "../support/factories-ethics";
import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, signOut, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// The Ethics Office's review in the browser: the forms, what each page shows at once, the
// queue by keyboard, axe in English and Arabic (each page once, in its fullest state). What
// the services accept, refuse and audit is proven on real Postgres in
// tests/integration/ethics-services.test.ts.

/** A formal candidature of a conference of the test's own, with its candidate's account. */
async function candidature(db: PrismaClient) {
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference));
  return { candidate, user: candidate.user! };
}

test("a candidate asks for a review, the Ethics Office answers with advice, and the candidate reads it", async ({ page, db }) => {
  // A journey of many pages, each checked by axe: room for a busy machine.
  test.setTimeout(120_000);
  const { candidate, user } = await candidature(db);
  const officer = await makeStaff(db, "ETHICS_OFFICER");
  const body = unique("Vote for a connected world");
  const draft = await makeDraftStatement(db, candidate.id, { title: unique("Vision statement"), body });
  const question = unique("May I quote the Secretary-General in this statement?");
  const advice = unique("Quote the public speech only, and remove the conference logo.");

  // The candidate sends the draft with a question; the page shows the request at once.
  await signInAs(page, user);
  await page.goto(`/en/my/materials/${draft.id}/review`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(draft.title);
  const request = page.getByRole("form", { name: "Ask for a review" });
  await request.getByLabel("Your question").fill(question);
  await request.getByRole("button", { name: "Send to the Ethics Office" }).click();
  await expect(request.getByTestId("form-success")).toBeVisible();
  await expect(page.getByTestId("review-history")).toContainText(question);
  await expect(page.getByTestId("review-history")).toContainText("Waiting for an answer");
  await expect(request.getByTestId("request-closed")).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/ar/my/materials/${draft.id}/review`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("review-history")).toContainText(question);
  await expectAccessible(page);

  // The Ethics Office finds it in the queue and opens it by keyboard, its focus visible.
  await signOut(page);
  await signInAs(page, officer);
  await page.goto("/en/ethics");
  await expectAccessible(page);
  const pending = page.getByTestId("pending-reviews");
  await expect(pending).toContainText(candidate.name);
  const link = pending.getByRole("link", { name: draft.title });
  await link.focus();
  await expect(link).toBeFocused();
  expect(await link.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/ethics\/reviews\/[a-z0-9]+$/);
  const reviewPath = new URL(page.url()).pathname.replace(/^\/en/, "");
  await expect(page.getByTestId("draft-body")).toHaveText(body);
  await expect(page.getByTestId("review-question")).toHaveText(question);

  // A refused answer keeps the officer's choice, and says why.
  const answer = page.getByRole("form", { name: "Your answer" });
  await answer.getByLabel("Outcome").selectOption("ADVICE");
  await answer.getByRole("button", { name: "Send the answer" }).click();
  await expect(answer.getByText("Advice needs a comment.")).toBeVisible();
  await expect(answer.getByLabel("Outcome")).toHaveValue("ADVICE");
  await expectAccessible(page);
  await answer.getByLabel("Comment").fill(advice);
  await answer.getByRole("button", { name: "Send the answer" }).click();
  await expect(answer.getByTestId("form-success")).toBeVisible();
  await expect(answer.getByTestId("review-answer")).toContainText(advice);
  await page.goto("/ar/ethics");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.goto(`/ar${reviewPath}`);
  await expect(page.getByTestId("review-answer")).toContainText(advice);
  await expectAccessible(page);

  // The candidate reads the advice, and may ask again.
  await signOut(page);
  await signInAs(page, user);
  await page.goto(`/en/my/materials/${draft.id}/review`);
  await expect(page.getByTestId("review-history")).toContainText(advice);
  await expect(page.getByTestId("review-history")).toContainText("Advice given");
  await expect(page.getByRole("form", { name: "Ask for a review" })).toBeVisible();
});

test("the Office's pages and the candidate's review page answer 403 to another role, 404 to another candidate, sign-in to a visitor (001)", async ({
  page,
  db,
}) => {
  const { candidate } = await candidature(db);
  const other = await candidature(db);
  const draft = await makeDraftStatement(db, candidate.id);
  const review = await makeReviewRequest(db, draft);
  const officePages = ["/en/ethics", `/en/ethics/reviews/${review.id}`];
  const candidatePage = `/en/my/materials/${draft.id}/review`;
  // Status and body only: the pages' content is the browser's concern in the test above.
  const status = async (path: string) => {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(await response.text(), path).not.toContain(review.question);
    return response.status();
  };

  test.setTimeout(120_000);
  // The secretariat, the most trusted other role; which role enters which area is
  // tests/unit/permissions.test.ts's, this checks that the pages ask.
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  for (const path of [...officePages, candidatePage]) expect(await status(path), path).toBe(403);
  await signInAs(page, other.user);
  for (const path of officePages) expect(await status(path), path).toBe(403);
  expect(await status(candidatePage)).toBe(404);
  // The Ethics Office reads requests, not the candidate's workspace.
  await signInAs(page, await makeStaff(db, "ETHICS_OFFICER"));
  expect(await status(candidatePage)).toBe(403);

  await signOut(page);
  const anonymous = await page.request.get(`/en/ethics/reviews/${review.id}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/\/en\/sign-in/);
});
