import { makeCandidate, makePost, makeUser, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeQuestion, nominatingState, openForum, POST_PREFETCH_404 } from "./support/forum";

// Who may see and do what in the forum: a candidate only in their own forum (even given
// another's ids), the secretariat sees every queue and hides with a reason but never
// publishes or answers, other roles nothing; the public sees the same numbers for every
// candidate of a post.

test("a candidate cannot see or act on another candidate's forum, even with its ids", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(POST_PREFETCH_404);
  const owner = await openForum(db);
  const other = await openForum(db);
  const secret = await makeQuestion(db, owner.candidate.id, { status: "PENDING", body: unique("For the owner's eyes only") });
  const hiddenAnswer = await makeQuestion(db, owner.candidate.id, { status: "PUBLISHED", body: unique("Published elsewhere") });
  const own = await makeQuestion(db, other.candidate.id, { status: "PENDING", body: unique("My own waiting question") });
  const ownPublished = await makeQuestion(db, other.candidate.id, { status: "PUBLISHED", body: unique("My own published question") });

  await signInAs(page, "en", other.user);
  for (const status of ["PENDING", "PUBLISHED", "DECLINED", "WITHDRAWN", "HIDDEN"]) {
    // A foreign candidate id in the address changes nothing: the page reads the caller's own forum.
    await page.goto(`/en/my/forum?status=${status}&candidate=${owner.candidate.id}`);
    await expect(page.getByText(secret.body)).toHaveCount(0);
    await expect(page.getByText(hiddenAnswer.body)).toHaveCount(0);
  }
  await page.goto("/en/my/forum");
  await expect(page.getByTestId("question-body")).toHaveText([own.body]);

  // The candidate's own forms, pointed at the other forum's question: refused as not found, nothing changes.
  const item = page.getByTestId("queue-item").filter({ hasText: own.body });
  await item.locator('input[name="id"]').first().evaluate((input, id) => ((input as HTMLInputElement).value = id), secret.id);
  const publish = item.getByRole("form", { name: /^Publish the question from/ });
  await publish.getByLabel("Answer (optional)").fill("An answer slipped into another forum.");
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish.getByTestId("form-error")).toBeVisible();
  await item.getByText("Decline this question").click();
  const decline = item.getByRole("form", { name: /^Decline the question from/ });
  await decline.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), secret.id);
  await decline.getByLabel("Reason").fill("Declined from another candidate's account.");
  await decline.getByRole("button", { name: "Decline" }).click();
  await expect(decline.getByTestId("form-error")).toBeVisible();

  await page.goto("/en/my/forum?status=PUBLISHED");
  const published = page.getByTestId("queue-item").filter({ hasText: ownPublished.body });
  await published.getByText("Withdraw this question from the forum").click();
  const withdraw = published.getByRole("form", { name: /^Withdraw the question from/ });
  await withdraw.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), hiddenAnswer.id);
  await withdraw.getByLabel("Reason").fill("Withdrawn from another candidate's account.");
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(withdraw.getByTestId("form-error")).toBeVisible();
  const answer = published.getByRole("form", { name: /^Answer the question from/ });
  await answer.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), hiddenAnswer.id);
  await answer.getByLabel("Your answer").fill("An answer in someone else's name.");
  await answer.getByRole("button", { name: "Publish the answer" }).click();
  await expect(answer.getByTestId("form-error")).toBeVisible();

  const after = await db.forumQuestion.findMany({ where: { id: { in: [secret.id, hiddenAnswer.id] } }, select: { id: true, status: true, answer: true } });
  expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
    [
      { id: secret.id, status: "PENDING", answer: null },
      { id: hiddenAnswer.id, status: "PUBLISHED", answer: null },
    ].sort((a, b) => a.id.localeCompare(b.id)),
  );
  expect(await db.auditEvent.count({ where: { area: "forum", actorId: other.user.id } })).toBe(0);

  // And the public never sees pending text.
  await page.context().clearCookies();
  await page.goto(`/en/candidates/${owner.candidate.id}`);
  await expect(page.getByText(secret.body)).toHaveCount(0);
  await expect(page.getByText(hiddenAnswer.body)).toBeVisible();
});

test("the secretariat sees every queue and hides with a reason, shown to the candidate; it has no control to publish or answer", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  consoleErrors.allow(POST_PREFETCH_404);
  const { candidate, user } = await openForum(db);
  const abusive = await makeQuestion(db, candidate.id, { status: "PUBLISHED", body: unique("An abusive published question"), answer: "An answer." });
  const waiting = await makeQuestion(db, candidate.id, { status: "PENDING", body: unique("A waiting question") });
  const secretariat = await makeUser(db, "SECRETARIAT");

  await signInAs(page, "en", secretariat);
  await page.goto("/en/admin");
  await page.getByRole("navigation", { name: "Area navigation" }).getByRole("link", { name: "Candidates' forums" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/forum$/);
  await expectAccessible(page);

  await page.goto(`/en/admin/forum?candidate=${candidate.id}`);
  await expect(page.getByTestId("forum-results")).toHaveText("2 questions");
  const items = page.getByTestId("queue-item");
  // Waiting questions are listed oldest first, the rest newest first; both are here.
  await expect(items.getByTestId("question-body").filter({ hasText: abusive.body })).toHaveCount(1);
  await expect(items.getByTestId("question-body").filter({ hasText: waiting.body })).toHaveCount(1);
  await expect(items.first()).toContainText(`Forum of ${candidate.name}`);
  // Only hiding: no publish, answer, decline or withdraw control anywhere on the page.
  for (const name of [/publish/i, /answer/i, /decline/i, /withdraw/i]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.locator('textarea[name="answer"]')).toHaveCount(0);

  // Filtering by state through the form.
  await page.getByLabel("State").selectOption("PENDING");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`candidate=${candidate.id}&status=PENDING`));
  await expect(page.getByTestId("question-body")).toHaveText([waiting.body]);
  await page.goto(`/en/admin/forum?candidate=${candidate.id}&status=PUBLISHED`);

  const hide = page.getByRole("form", { name: /^Hide the question from/ });
  await hide.getByLabel("Reason").fill("short");
  await hide.getByRole("button", { name: "Hide" }).click();
  await expect(hide.getByText("Give a reason of at least 10 characters.")).toBeVisible();
  await hide.getByLabel("Reason").fill("Insults another candidate by name.");
  await hide.getByRole("button", { name: "Hide" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("The question has been hidden.");
  await expect(page).toHaveURL(new RegExp(`candidate=${candidate.id}&status=PUBLISHED&done=hidden`));
  await expect(page.getByText("No question matches.")).toBeVisible();
  await page.goto(`/ar/admin/forum?candidate=${candidate.id}&status=HIDDEN`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("question-reason")).toContainText("Insults another candidate by name.");
  await expectAccessible(page);
  const audit = await db.auditEvent.findMany({ where: { area: "forum", actorId: secretariat.id }, select: { action: true, entityId: true } });
  expect(audit).toEqual([{ action: "hidden", entityId: abusive.id }]);

  // The secretariat has no way into the candidate's moderation.
  const response = await page.goto("/en/my/forum");
  expect(response?.status()).toBe(403);

  // The public no longer sees it; the candidate sees it hidden, with the reason.
  await page.context().clearCookies();
  await expect(async () => {
    await page.goto(`/en/candidates/${candidate.id}`);
    await expect(page.getByText(abusive.body)).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await signInAs(page, "en", user);
  await page.goto("/en/my/forum?status=HIDDEN");
  await expect(page.getByTestId("question-body")).toHaveText([abusive.body]);
  await expect(page.getByTestId("question-reason")).toContainText("Hidden by the secretariat. Reason given:");
  await expect(page.getByTestId("question-reason")).toContainText("Insults another candidate by name.");
  await expect(page.getByTestId("queue-item").getByRole("button")).toHaveCount(0);
});

test("other roles get 403 on the forum's workspace and console pages", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  for (const role of ["MEMBER", "ETHICS_OFFICER", "CHAIR"] as const) {
    const user = await makeUser(db, role);
    await page.context().clearCookies();
    await signInAs(page, "en", user);
    for (const path of ["/en/my/forum", "/en/admin/forum"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(403);
    }
  }
  const { user } = await openForum(db);
  await page.context().clearCookies();
  await signInAs(page, "en", user);
  const response = await page.goto("/en/admin/forum");
  expect(response?.status()).toBe(403);
});

test("a post's page compares the forums of all its candidates with the same four numbers", async ({ page, db }) => {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await makePost(db, conference.id);
  const state = await nominatingState(db);
  const busy = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id });
  const quiet = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id });
  for (const status of ["PUBLISHED", "PUBLISHED", "PENDING", "DECLINED", "HIDDEN", "WITHDRAWN"] as const) await makeQuestion(db, busy.id, { status });
  await makeQuestion(db, busy.id, { status: "PUBLISHED", answer: "Answered." });

  for (const locale of ["en", "ar"] as const) {
    await page.goto(`/${locale}/posts/${post.code}`);
    const table = page.getByTestId("forum-comparison");
    await expect(table).toBeVisible();
    const row = (name: string) => table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name }) });
    // received 7 (every state), published 3, answered 1, declined 1.
    await expect(row(busy.name).locator("td")).toHaveText(["7", "3", "1", "1"]);
    await expect(row(quiet.name).locator("td")).toHaveText(["0", "0", "0", "0"]);
    await expectAccessible(page);
  }
  await expect(page.getByRole("columnheader")).toHaveText(["المرشح", "الواردة", "المنشورة", "المُجاب عنها", "المرفوضة"]);
});

test("the conference settings show when the forums close, and refuse a closing time after the conference's last day", async ({ page, db }) => {
  const secretariat = await makeUser(db, "SECRETARIAT");
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  await signInAs(page, "en", secretariat);
  await page.goto("/en/admin/conference");
  const form = page.getByRole("form", { name: "The conference" });
  const field = form.getByLabel("Closing time of the candidates' forums");
  // PP-18 sets none: the forums close when the conference opens (midnight, Dubai time).
  await expect(field).toHaveValue("");
  await expect(form).toContainText("In force now: the forums close on Monday, October 29, 2018");
  // Refused (nothing is saved, so the demo conference that other specs read is unchanged).
  await field.fill("2019-01-15T12:00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("The forums must close before the end of the conference.").first()).toBeVisible();
  await expect(field).toHaveValue("2019-01-15T12:00");
  await expectAccessible(page);
  const after = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { forumClosesAt: true } });
  expect(after.forumClosesAt).toBeNull();
});
