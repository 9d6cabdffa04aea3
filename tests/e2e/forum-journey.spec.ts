import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { ask, askForm, makeQuestion, openForum, spreadOut } from "./support/forum";
import { confirmDialog } from "./support/confirm";

// The candidate's forum from end to end: a visitor asks, the candidate publishes with an
// answer, the visitor sees it and the numbers change; a declined question never appears.
// Each test makes its own candidature, in a conference of its own whose forum is open. What
// the exports hold and what each move audits are the services' (tests/integration/forum-public,
// forum-routes and forum-moderation).

test("a visitor asks, the candidate publishes with an answer, the visitor sees it and the counts change; a declined question stays invisible", async ({
  page,
  db,
  consoleErrors,
}) => {
  // A whole journey in two languages, with axe on each page: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  // The form's refusals (400 for a missing name, 409 for a repeat) are logged by the browser.
  consoleErrors.allow(/status of (400|409)/);
  const { candidate, user } = await openForum(db);
  const kept = unique("How will you bring broadband to rural schools?");
  const declined = unique("Can you tell me a secret about your rival?");
  const answer = "Through shared infrastructure and universal-service funds.";

  await page.goto(`/en/candidates/${candidate.id}`);
  const forum = page.getByRole("region", { name: "Questions to the candidate" });
  await expect(forum.getByTestId("count-received")).toHaveText("0");
  await expect(forum.getByTestId("forum-none")).toHaveText("No question has been published yet.");
  // The form is a page of its own; the candidate's page links to it, by keyboard too, its focus visible.
  await expect(askForm(page)).toHaveCount(0);
  const askLink = forum.getByRole("link", { name: `Ask ${candidate.name} a question` });
  await expectAccessible(page);
  await askLink.focus();
  await expect(askLink).toBeFocused();
  expect(await askLink.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/en/candidates/${candidate.id}/ask$`));
  await expect(page).toHaveTitle(`Ask ${candidate.name} a question · Hustings`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ask ${candidate.name} a question`);
  await expect(askForm(page)).toContainText("Your question is not public until the candidate publishes it.");

  // A required field left empty: a translated error on the field, nothing lost.
  await askForm(page).getByLabel("Your question").fill(kept);
  await askForm(page).getByRole("button", { name: "Send the question" }).click();
  await expect(askForm(page).getByTestId("ask-error")).toHaveText("The question was not sent. Please correct the fields marked below.");
  await expect(askForm(page).getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
  await expect(askForm(page).getByTestId("ask-error-askerName")).not.toBeEmpty();
  await expect(askForm(page).getByLabel("Your question")).toHaveValue(kept);
  await expectAccessible(page);

  await ask(page, { name: "Amina Diallo", country: "Senegal", affiliation: "University of Dakar", email: "amina@example.org", body: kept });
  await expect(askForm(page).getByTestId("ask-sent")).toHaveText(
    "Thank you. Your question has been sent to the candidate. It will not be public unless the candidate publishes it.",
  );
  await expect(askForm(page).getByTestId("ask-outcome")).toBeFocused();
  await spreadOut(db, candidate.id);
  // The asker's details stay for a next question; the question itself is cleared.
  await expect(askForm(page).getByLabel("Your name")).toHaveValue("Amina Diallo");
  await expect(askForm(page).getByLabel("Your question")).toHaveValue("");
  await ask(page, { name: "Amina Diallo", body: declined });
  await expect(askForm(page).getByTestId("ask-sent")).toBeVisible();
  await spreadOut(db, candidate.id);

  // The same question again is refused as a repeat.
  await ask(page, { name: "Amina Diallo", body: kept });
  await expect(askForm(page).getByTestId("ask-error")).toBeVisible();
  await expect(askForm(page).getByTestId("ask-error-body")).toHaveText("This question has already been sent to this candidate.");

  // Received counts at once; nothing is public yet.
  await expect(page.getByRole("link", { name: `Back to the page of ${candidate.name}` })).toHaveAttribute("href", `/en/candidates/${candidate.id}#forum`);
  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(forum.getByTestId("count-received")).toHaveText("2");
  await expect(page.getByText(kept)).toHaveCount(0);
  await expect(page.getByText(declined)).toHaveCount(0);

  // In Arabic, right to left, the same forum passes axe (the ask page in Arabic: forum-abuse.spec.ts).
  await page.goto(`/ar/candidates/${candidate.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("link", { name: `اطرح سؤالاً على ${candidate.name}` })).toHaveAttribute("href", `/ar/candidates/${candidate.id}/ask`);
  await expectAccessible(page);

  // The candidate moderates.
  await signInAs(page, user);
  await page.goto("/en/my");
  await page.getByRole("link", { name: "Forum", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/my\/forum$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your forum");
  const pending = page.getByTestId("queue-item");
  await expect(pending).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Waiting (2)", exact: true })).toHaveAttribute("aria-current", "page");
  // The asker asked to be told of the answer; their address is never shown.
  const first = pending.filter({ hasText: kept });
  await expect(first).toContainText("Senegal");
  await expect(first).toContainText("University of Dakar");
  await expect(first).toContainText("The asker will be told by e-mail when you answer");
  await expect(page.getByText("amina@example.org")).toHaveCount(0);
  await expectAccessible(page);

  const publish = first.getByRole("form", { name: "Publish the question from Amina Diallo" });
  await publish.getByLabel("Answer (optional)").fill(answer);
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("The question and your answer are published.");
  await expect(page.getByTestId("done-notice")).toBeFocused();

  const second = page.getByTestId("queue-item").filter({ hasText: declined });
  await second.getByText("Decline this question").click();
  const decline = second.getByRole("form", { name: "Decline the question from Amina Diallo" });
  await decline.getByLabel("Reason").fill("Too short");
  await decline.getByRole("button", { name: "Decline" }).click();
  await confirmDialog(page);
  await expect(decline.getByTestId("form-error")).toBeVisible();
  await expect(decline.getByText("Give a reason of at least 10 characters.")).toBeVisible();
  await decline.getByLabel("Reason").fill("About another candidate, not about this candidature.");
  await decline.getByRole("button", { name: "Decline" }).click();
  await confirmDialog(page);
  await expect(page.getByTestId("done-notice")).toHaveText("The question has been declined.");
  await expect(page.getByTestId("queue-empty")).toHaveText("No question is waiting.");

  await page.getByRole("link", { name: "Declined (1)", exact: true }).click();
  await expect(page.getByTestId("queue-item")).toContainText(declined);
  await expect(page.getByTestId("question-reason")).toContainText("About another candidate, not about this candidature.");
  await page.getByRole("link", { name: "Published (1)", exact: true }).click();
  const published = page.getByTestId("queue-item");
  await expect(published.getByTestId("question-answer")).toHaveText(answer);
  await expectAccessible(page);

  await page.goto("/ar/my/forum?status=PUBLISHED");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // The visitor sees the numbers on the candidate's page, and the published question and its
  // answer on the forum's own page, one link away; the declined one never.
  await page.context().clearCookies();
  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(forum.getByTestId("count-received")).toHaveText("2");
  await expect(forum.getByTestId("count-published")).toHaveText("1");
  await expect(forum.getByTestId("count-answered")).toHaveText("1");
  await expect(forum.getByTestId("count-declined")).toHaveText("1");
  await expect(page.getByText(declined)).toHaveCount(0);
  await expectAccessible(page);
  await forum.getByRole("link", { name: "All published questions and answers (1)" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/candidates/${candidate.id}/forum/1$`));
  const list = page.getByTestId("forum-published");
  await expect(list.getByTestId("question-body")).toHaveText([kept]);
  await expect(list.getByTestId("question-answer")).toHaveText([answer]);
  await expect(list.getByTestId("question-asker")).toHaveText(["Amina Diallo"]);
  await expect(list).toContainText("Senegal");
  await expect(page.getByText(declined)).toHaveCount(0);
  await expect(page.getByText("amina@example.org")).toHaveCount(0);
  await expect(page.getByTestId("count-published")).toHaveText("1");
  await expect(page.getByTestId("forum-export")).toBeVisible();
  await expectAccessible(page);

  // The candidate answers again (edits the answer), then withdraws the question with a reason.
  await signInAs(page, user);
  await page.goto("/en/my/forum?status=PUBLISHED");
  const edit = page.getByRole("form", { name: "Edit the answer to Amina Diallo" });
  await expect(edit.getByLabel("Your answer")).toHaveValue(answer);
  await edit.getByLabel("Your answer").fill(`${answer} And with community networks.`);
  await edit.getByRole("button", { name: "Save the answer" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("Your answer is published.");
  await page.getByText("Withdraw this question from the forum").click();
  const withdraw = page.getByRole("form", { name: "Withdraw the question from Amina Diallo" });
  await withdraw.getByLabel("Reason").fill("Answered in full in my vision statement.");
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await confirmDialog(page);
  await expect(page.getByTestId("done-notice")).toHaveText("The question has been withdrawn from the forum.");
  await expect(page.getByTestId("queue-empty")).toHaveText("No question is published.");

  await page.context().clearCookies();
  await page.goto(`/en/candidates/${candidate.id}`);
  // Withdrawn after publication: still counted, publicly, as published and as withdrawn, and
  // listed as withdrawn without its text or answer (docs/domain.md#forum-fairness).
  await expect(forum.getByTestId("count-published")).toHaveText("1");
  await expect(forum.getByTestId("count-withdrawn")).toHaveText("1");
  await expect(forum.getByTestId("count-answered")).toHaveText("0");
  await expect(forum.getByTestId("count-received")).toHaveText("2");
  await page.goto(`/en/candidates/${candidate.id}/forum/1`);
  await expect(page.getByText(kept)).toHaveCount(0);
  await expect(page.getByTestId("forum-question-withdrawn")).toContainText("later withdrawn by the candidate");
  await expect(page.getByText(answer)).toHaveCount(0);
});

test("published questions are paginated, newest answers first, each page cached at its own address", async ({ page, db, consoleErrors }) => {
  // The pages past the last answer 404 on purpose (below); the browser logs each.
  consoleErrors.allow(/status of 404/);
  const { candidate } = await openForum(db);
  const hour = 60 * 60 * 1000;
  const base = Date.now() - 30 * 24 * hour;
  // 21 published: 20 answered (the newest answer first), then 1 unanswered.
  for (let i = 0; i < 20; i++) {
    await makeQuestion(db, candidate.id, {
      status: "PUBLISHED",
      body: `Answered question ${String(i).padStart(2, "0")}`,
      answer: `Answer ${i}`,
      at: new Date(base + i * hour),
    });
  }
  await makeQuestion(db, candidate.id, { status: "PUBLISHED", body: "The unanswered question", at: new Date(base + 100 * hour) });
  await makeQuestion(db, candidate.id, { status: "PENDING", body: "Still waiting" });

  // The candidate's page links to the list, which it does not show.
  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(page.getByTestId("forum-published")).toHaveCount(0);
  await expect(page.getByText("Still waiting")).toHaveCount(0);
  await page.getByRole("link", { name: "All published questions and answers (21)" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/candidates/${candidate.id}/forum/1$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Questions to ${candidate.name} (page 1)`);

  const bodies = page.getByTestId("forum-published").getByTestId("question-body");
  await expect(bodies).toHaveCount(20);
  await expect(bodies.first()).toHaveText("Answered question 19");
  await expect(bodies.last()).toHaveText("Answered question 00");
  const pages = page.getByRole("navigation", { name: "Pages of published questions" });
  await expect(pages).toContainText("Page 1 of 2");
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await expect(page.getByText("Still waiting")).toHaveCount(0);

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/candidates/${candidate.id}/forum/2$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Questions to ${candidate.name} (page 2)`);
  await expect(page.getByTestId("question-body")).toHaveText(["The unanswered question"]);
  await expect(page.getByText("Not answered yet.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages of published questions" }).getByRole("link", { name: "Page 1" })).toHaveAttribute(
    "href",
    `/en/candidates/${candidate.id}/forum/1`,
  );
  await expectAccessible(page);
  await page.goto(`/ar/candidates/${candidate.id}/forum/2`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // A page past the last, or not a page number, does not exist.
  for (const path of [`/en/candidates/${candidate.id}/forum/3`, `/en/candidates/${candidate.id}/forum/0`, `/en/candidates/${candidate.id}/forum/x`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
