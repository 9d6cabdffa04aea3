import { makeUser, unique } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { confirmDialog } from "./support/confirm";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeWorldConference } from "./support/world";

// After the hearing (docs/fairness.md#after-the-hearing, docs/decisions/048-written-answers-and-open-pool.md),
// what only a browser shows: the candidate writes an answer in the workspace through the
// confirmation, the hearing's page shows it marked as written, not spoken, and the open pool
// shows the question's outcome, its filters as links; axe in English and Arabic on the new pages.
// Who may write, when, and what the pool never shows are the services' (tests/integration/hearing-pool.test.ts).

test("a candidate answers in writing a question not reached; the hearing's page and the open pool show it", async ({ page, db }) => {
  test.setTimeout(120_000);
  const conference = await makeWorldConference(db);
  const made = await makeHearingWithDraws(db, { conferenceId: conference.id, status: "ENDED" });
  const first = made.candidates[0];
  if (!first) throw new Error("a candidate expected");
  const drawn = await db.hearingQuestion.findMany({
    where: { hearingId: made.hearingId, candidateId: first.id, drawId: { not: null } },
    orderBy: { drawPosition: "asc" },
  });
  const notReached = drawn.at(-1);
  const setAside = await db.hearingQuestion.findFirst({ where: { hearingId: made.hearingId, candidateId: first.id, status: "SET_ASIDE" } });
  const withheld = drawn[0];
  if (!notReached || !setAside || !withheld) throw new Error("the factory's queue changed");
  await db.hearingQuestion.update({ where: { id: notReached.id }, data: { status: "DRAWN", publishConsent: true } });
  await db.hearingQuestion.update({ where: { id: setAside.id }, data: { publishConsent: true, setAsideReason: "Off topic for this post." } });
  const user = await makeUser(db, "CANDIDATE", { candidateId: first.id });
  const text = `${unique("In writing")}: a budget published line by line.`;

  await signInAs(page, user);
  await page.goto("/en/my");
  await page.getByRole("link", { name: "Written answers after the hearing" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Written answers after the hearing");
  await expect(page.getByTestId("answers-deadline")).toContainText("Written answers are taken until");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: `Answer question ${notReached.drawPosition} in writing` });
  await expect(form.getByLabel("Language of this answer")).toHaveValue("en");
  await form.getByLabel("Your answer").fill(text);
  await form.getByLabel("uses no Union symbols (the ITU flag, emblem or conference logos)").check();
  // One declaration missing: refused, with nothing typed lost.
  await form.getByRole("button", { name: "Publish the written answer" }).click();
  await confirmDialog(page);
  await expect(form.getByTestId("form-error")).toBeVisible();
  await expect(form.getByLabel("Your answer")).toHaveValue(text);
  await form.getByLabel("uses no Union symbols (the ITU flag, emblem or conference logos)").check();
  await form.getByLabel("was not prepared with Union staff or resources").check();
  await form.getByRole("button", { name: "Publish the written answer" }).click();
  await confirmDialog(page);
  await expect(page.getByTestId("form-success")).toContainText("Your written answer is published");
  await expect(page.getByTestId("answers-given").first()).toContainText(text);

  await page.goto(`/en/hearing/${made.hearingId}`);
  const section = page.getByTestId("written-answers");
  await expect(section.getByTestId("written-answer")).toContainText(text);
  await expect(section.getByTestId("written-mark")).toContainText("Answered in writing after the hearing, not spoken");
  await page.getByTestId("webcast-pool-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions sent to the hearing");
  const shown = page.getByTestId("pool-question");
  await expect(shown).toHaveCount(2);
  await expect(page.getByTestId("pool-questions")).toContainText(notReached.body);
  await expect(page.getByTestId("pool-questions")).toContainText("Drawn and answered in writing after the hearing");
  await expect(page.getByTestId("pool-questions")).not.toContainText(withheld.body);
  // Answered live: two of the first candidate's, three of the second's, none of them consented.
  await expect(page.getByTestId("pool-count-answered-live").locator("td")).toHaveText(["0", "5"]);
  await expectAccessible(page);

  await page.getByTestId("pool-outcome-set-aside").click();
  await expect(page).toHaveURL(new RegExp(`/en/hearing/${made.hearingId}/questions/outcome/set-aside$`));
  await expect(page.getByTestId("pool-outcome-set-aside")).toHaveAttribute("aria-current", "page");
  await expect(shown).toHaveCount(1);
  await expect(page.getByTestId("pool-reason")).toHaveText("The chair's reason: Off topic for this post.");

  await page.goto(`/ar/hearing/${made.hearingId}/questions/candidate/${first.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("pool-questions")).toContainText("سُحب وأُجيب عنه كتابةً بعد جلسة الاستماع");
  await expectAccessible(page);
  await page.goto("/ar/my/hearing-answers");
  await expect(page.getByTestId("answers-given").first()).toContainText(text);
  await expectAccessible(page);
});
