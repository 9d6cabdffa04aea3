import { unique } from "../support/factories";
import { confirmDialog } from "./support/confirm";
import { expect, expectAccessible, signInAs, signOut, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// The common questionnaire's journey (docs/fairness.md#common-questionnaire), in a conference
// of the test's own: the secretariat publishes a question, a candidate answers in English and
// Arabic, and after the deadline the public page shows the post's candidates side by side, one
// without an answer. The rules (the deadline's boundary, who may not, twice, at once) are in
// tests/unit/questionnaire-rules.test.ts and tests/integration/questionnaire.test.ts.

test("the secretariat publishes a question, a candidate answers in English and Arabic, and after the deadline the answers are public side by side", async ({
  page,
  db,
}) => {
  test.setTimeout(120_000);
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const answering = await makeWorldCandidate(db, post, { name: unique("Aaron Answerer") });
  const silent = await makeWorldCandidate(db, post, { name: unique("Zelda Silent"), account: false });
  const secretariat = await makeStaff(db, "SECRETARIAT");
  const question = unique("What would you change first");
  const english = unique("Publish every budget line");
  const arabic = "نشر كل بند من بنود الميزانية";

  // The secretariat: a round with its deadline, a question in English and Arabic, published.
  await signInAs(page, secretariat);
  await page.goto(`/en/admin/conferences/${conference.slug}/questionnaire`);
  const round = page.getByRole("form", { name: "New round of questions" });
  await round.getByLabel(/Deadline/).fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16));
  await round.getByRole("button", { name: "Create the round" }).click();
  const add = page.getByRole("form", { name: "Add a question to round 1" });
  await add.getByLabel("Question in English").fill(question);
  await add.getByLabel("Question in Arabic").fill("ما الذي ستغيّره أولًا؟");
  await add.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByTestId("question-1-1")).toContainText("Draft");
  await page.getByTestId("publish-1-1").click();
  await confirmDialog(page);
  await expect(page.getByTestId("question-1-1")).toContainText("Published");
  await expectAccessible(page);
  await page.goto(`/ar/admin/conferences/${conference.slug}/questionnaire`);
  await expectAccessible(page);
  await signOut(page);

  // The candidate answers in English, then in Arabic, with the two declarations each time.
  await signInAs(page, answering.user);
  await page.goto("/en/my/questionnaire");
  await expect(page.getByTestId("my-question-1-1")).toContainText(question);
  for (const [language, body] of [
    ["en", english],
    ["ar", arabic],
  ] as const) {
    const form = page.getByRole("form", { name: "Your answer to question 1" });
    await form.getByLabel("Language of the answer").selectOption(language);
    await form.getByRole("textbox", { name: "Your answer", exact: true }).fill(body);
    await form.getByLabel("This answer uses no Union flag, emblem or conference logos.").check();
    await form.getByLabel("This answer was not prepared with Union staff or resources.").check();
    await form.getByRole("button", { name: "Save the answer" }).click();
    await expect(page.getByTestId(`my-answer-${language}`)).toContainText(body);
  }
  await expectAccessible(page);
  await page.goto("/ar/my/questionnaire");
  await expectAccessible(page);

  // The deadline passes (moved to the database's present rather than waited for): the
  // workspace is read-only and the public page shows the answers.
  await db.$executeRaw`UPDATE "Questionnaire" SET "deadlineAt" = now() - interval '1 second' WHERE "conferenceId" = ${conference.id}`;
  await page.goto("/en/my/questionnaire");
  await expect(page.getByTestId("questionnaire-frozen")).toBeVisible();
  await expect(page.getByRole("form", { name: "Your answer to question 1" })).toHaveCount(0);
  await signOut(page);

  await page.goto(`/en/conferences/${conference.slug}/questionnaire`);
  await expectAccessible(page);
  await page.getByTestId(`public-post-link-1-${post.code}`).click();
  await expect(page).toHaveURL(new RegExp(`/en/conferences/${conference.slug}/questionnaire/${post.code}$`));
  const table = page.getByTestId(`answers-1-${post.code}-1`);
  await expect(table.getByTestId(`answer-row-${answering.id}`)).toContainText(english);
  await expect(table.getByTestId(`answer-row-${silent.id}`)).toContainText("No answer given.");
  // Alphabetical: Aaron before Zelda.
  await expect(table.locator("tbody tr").first()).toContainText(answering.name);
  await expectAccessible(page);
  await page.goto(`/ar/conferences/${conference.slug}/questionnaire`);
  await expectAccessible(page);
  await page.goto(`/ar/conferences/${conference.slug}/questionnaire/${post.code}`);
  await expect(page.getByTestId(`answers-1-${post.code}-1`).getByTestId(`answer-row-${answering.id}`)).toContainText(arabic);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
});
