import type { Page } from "@playwright/test";
import { makeUser, unique } from "../support/factories";
import { consoleConference } from "../support/factories-candidates";
import { makeCandidateWithUser, makeDraftStatement, makeReviewRequest } from "../support/factories-ethics";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

async function switchTo(page: Page, locale: string, user: { email: string; password: string }) {
  await page.context().clearCookies();
  await signInAs(page, locale, user);
}

test("a candidate asks for a review, the Ethics Office answers with advice, and the advice stays private", async ({ page, db }) => {
  const conference = await consoleConference(db);
  const { candidate, user: candidateUser } = await makeCandidateWithUser(db, { conference });
  const officer = await makeUser(db, "ETHICS_OFFICER");
  const body = unique("Vote for a connected world");
  const draft = await makeDraftStatement(db, candidate.id, { title: unique("Vision statement"), body });
  const question = unique("May I quote the Secretary-General in this statement?");
  const advice = unique("Quote the public speech only, and remove the conference logo.");

  // The candidate sends the draft with a question.
  await switchTo(page, "en", candidateUser);
  await page.goto(`/en/my/materials/${draft.id}/review`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(draft.title);
  await expectAccessible(page);
  const request = page.getByRole("form", { name: "Ask for a review" });
  await request.getByRole("button", { name: "Send to the Ethics Office" }).click();
  await expect(request.getByTestId("form-error")).toBeVisible();
  await request.getByLabel("Your question").fill(question);
  await request.getByRole("button", { name: "Send to the Ethics Office" }).click();
  await expect(request.getByTestId("form-success")).toBeVisible();
  // The page shows the request at once, and still after a reload.
  await expect(page.getByTestId("review-history")).toContainText(question);
  await expect(request.getByTestId("request-closed")).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByTestId("review-history")).toContainText(question);
  await expect(page.getByTestId("review-history")).toContainText("Waiting for an answer");
  await expect(page.getByTestId("request-closed")).toBeVisible();
  await page.goto(`/ar/my/materials/${draft.id}/review`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // The Ethics Office finds it in the queue and reads the draft.
  await switchTo(page, "en", officer);
  await page.goto("/en/ethics");
  await expectAccessible(page);
  const pending = page.getByTestId("pending-reviews");
  await expect(pending).toContainText(candidate.name);
  // Keyboard: the request opens from the queue without a mouse, and its focus is visible.
  const link = pending.getByRole("link", { name: draft.title });
  await link.focus();
  await expect(link).toBeFocused();
  expect(await link.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("draft-body")).toHaveText(body);
  await expect(page.getByTestId("review-question")).toHaveText(question);
  await expectAccessible(page);

  // Advice needs a comment; the refusal keeps the choice.
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
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByTestId("review-answer")).toContainText(advice);
  await page.goto("/ar/ethics");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  const sent = await db.ethicsReview.findFirstOrThrow({ where: { materialId: draft.id } });
  await page.goto(`/ar/ethics/reviews/${sent.id}`);
  await expect(page.getByTestId("review-answer")).toContainText(advice);
  await expectAccessible(page);

  // The candidate sees the advice, and may ask again.
  await switchTo(page, "en", candidateUser);
  await page.goto(`/en/my/materials/${draft.id}/review`);
  await expect(page.getByTestId("review-history")).toContainText(advice);
  await expect(page.getByTestId("review-history")).toContainText("Advice given");
  await expect(page.getByRole("form", { name: "Ask for a review" })).toBeVisible();

  // Advice is never published: the public candidate page has none of it; the audit log has no words.
  await page.context().clearCookies();
  const response = await page.goto(`/en/candidates/${candidate.id}`);
  expect(response?.status()).toBe(200);
  const publicText = await page.locator("body").innerText();
  for (const secret of [advice, question, body]) expect(publicText).not.toContain(secret);
  const audit = await db.auditEvent.findMany({ where: { area: "ethics", actorId: { in: [candidateUser.id, officer.id] } }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["review-requested", "review-answered"]);
  expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(advice);
});

test("only the candidate and the Ethics Office see drafts, requests and advice (001)", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 40[34]/);
  const { candidate } = await makeCandidateWithUser(db);
  const other = await makeCandidateWithUser(db);
  const draft = await makeDraftStatement(db, candidate.id);
  const review = await makeReviewRequest(db, draft);
  const officer = await makeUser(db, "ETHICS_OFFICER");
  const officePages = ["/en/ethics", `/en/ethics/reviews/${review.id}`];
  const candidatePage = `/en/my/materials/${draft.id}/review`;

  for (const role of ["SECRETARIAT", "CHAIR", "MEMBER"] as const) {
    await switchTo(page, "en", await makeUser(db, role));
    for (const path of [...officePages, candidatePage]) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(403);
      await expect(page.locator("body")).not.toContainText(review.question);
    }
  }

  // Another candidate: 403 on the Office's pages, "not found" for a draft that is not theirs.
  await switchTo(page, "en", other.user);
  for (const path of officePages) expect((await page.goto(path))?.status(), path).toBe(403);
  const foreign = await page.goto(candidatePage);
  expect(foreign?.status()).toBe(404);
  await expect(page.locator("body")).not.toContainText(draft.title);

  // The Ethics Office reads requests, not the candidate's workspace.
  await switchTo(page, "en", officer);
  expect((await page.goto(candidatePage))?.status()).toBe(403);

  // An anonymous visitor is sent to sign in.
  await page.context().clearCookies();
  await page.goto(`/en/ethics/reviews/${review.id}`);
  await expect(page).toHaveURL(/\/en\/sign-in/);
});
