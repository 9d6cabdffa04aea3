import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeQuestion, nominatingState, openForum } from "./support/forum";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";
import { confirmDialog } from "./support/confirm";

// Who sees what of the forum in the browser: the secretariat sees a conference's queues and
// hides with a reason but is offered no control to publish or answer, other roles get 403;
// the public sees the same numbers for every candidate of a post. That a candidate can act
// on their own forum only, even given another's ids, is the services' rule
// (tests/integration/forum-moderation.test.ts, "another candidate").

test("the secretariat sees every queue and hides with a reason, shown to the candidate; it has no control to publish or answer", async ({ page, db }) => {
  // Two languages and two axe runs across the console, the public page and the workspace: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const { conference, candidate, user } = await openForum(db);
  const abusive = await makeQuestion(db, candidate.id, { status: "PUBLISHED", body: unique("An abusive published question"), answer: "An answer." });
  const waiting = await makeQuestion(db, candidate.id, { status: "PENDING", body: unique("A waiting question") });
  const secretariat = await makeStaff(db, "SECRETARIAT");
  const forum = `/admin/conferences/${conference.slug}/forum`;

  await signInAs(page, secretariat);
  // The public page first (the forum's own: the candidate's page links there), so that hiding
  // must refresh a page already rendered.
  await page.goto(`/en/candidates/${candidate.id}/forum/1`);
  await expect(page.getByText(abusive.body)).toBeVisible();

  await page.goto(`/en${forum}`);
  await expectAccessible(page);
  await page.goto(`/en${forum}?candidate=${candidate.id}`);
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
  await page.goto(`/en${forum}?candidate=${candidate.id}&status=PUBLISHED`);

  const hide = page.getByRole("form", { name: /^Hide the question from/ });
  await hide.getByLabel("Reason").fill("short");
  await hide.getByRole("button", { name: "Hide" }).click();
  await confirmDialog(page);
  await expect(hide.getByText("Give a reason of at least 10 characters.")).toBeVisible();
  await hide.getByLabel("Reason").fill("Insults another candidate by name.");
  await hide.getByRole("button", { name: "Hide" }).click();
  await confirmDialog(page);
  await expect(page.getByTestId("done-notice")).toHaveText("The question has been hidden.");
  await expect(page).toHaveURL(new RegExp(`candidate=${candidate.id}&status=PUBLISHED&done=hidden`));
  await expect(page.getByText("No question matches.")).toBeVisible();
  await page.goto(`/ar${forum}?candidate=${candidate.id}&status=HIDDEN`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("question-reason")).toContainText("Insults another candidate by name.");
  await expectAccessible(page);
  const audit = await db.auditEvent.findMany({ where: { area: "forum", actorId: secretariat.id }, select: { action: true, entityId: true } });
  expect(audit).toEqual([{ action: "hidden", entityId: abusive.id }]);

  // The public no longer sees it; the candidate sees it hidden, with the reason.
  await page.context().clearCookies();
  await page.goto(`/en/candidates/${candidate.id}/forum/1`);
  await expect(page.getByTestId("forum-published")).toHaveCount(0);
  await expect(page.getByText(abusive.body)).toHaveCount(0);
  await signInAs(page, user);
  await page.goto("/en/my/forum?status=HIDDEN");
  await expect(page.getByTestId("question-body")).toHaveText([abusive.body]);
  await expect(page.getByTestId("question-reason")).toContainText("Hidden by the secretariat. Reason given:");
  await expect(page.getByTestId("question-reason")).toContainText("Insults another candidate by name.");
  await expect(page.getByTestId("queue-item").getByRole("button")).toHaveCount(0);
});

test("other roles get 403 on the forum's workspace and console pages", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const { conference, user } = await openForum(db);
  const oversight = `/en/admin/conferences/${conference.slug}/forum`;
  const visits: [string, { id: string }, string][] = [["CANDIDATE", user, oversight]];
  for (const role of ["MEMBER", "ETHICS_OFFICER", "CHAIR", "SECRETARIAT"] as const) {
    const staff = await makeStaff(db, role);
    visits.push([role, staff, "/en/my/forum"]);
    if (role !== "SECRETARIAT") visits.push([role, staff, oversight]);
  }
  for (const [role, who, path] of visits) {
    await signInAs(page, who);
    const response = await page.goto(path);
    expect(response?.status(), `${role} ${path}`).toBe(403);
  }
});

test("a post's page compares the forums of all its candidates with the same five numbers", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const state = await nominatingState(db);
  const busy = await makeWorldCandidate(db, post, { memberStateId: state.id, account: false });
  const quiet = await makeWorldCandidate(db, post, { memberStateId: state.id, account: false });
  for (const status of ["PUBLISHED", "PUBLISHED", "PENDING", "DECLINED", "HIDDEN", "WITHDRAWN"] as const) await makeQuestion(db, busy.id, { status });
  await makeQuestion(db, busy.id, { status: "PUBLISHED", answer: "Answered." });

  for (const locale of ["en", "ar"] as const) {
    await page.goto(`/${locale}/conferences/${conference.slug}/posts/${post.code}`);
    const table = page.getByTestId("forum-comparison");
    await expect(table).toBeVisible();
    const row = (name: string) => table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name }) });
    // received 7 (every state), published 4 (the withdrawn one included), answered 1, declined 1, withdrawn 1.
    await expect(row(busy.name).locator("td")).toHaveText(["7", "4", "1", "1", "1"]);
    await expect(row(quiet.name).locator("td")).toHaveText(["0", "0", "0", "0", "0"]);
    await expectAccessible(page);
  }
  await expect(page.getByRole("columnheader")).toHaveText(["المرشح", "الواردة", "المنشورة", "المُجاب عنها", "المرفوضة", "المسحوبة"]);
});

test("the conference settings show when the forums close, and refuse a closing time after the conference's last day", async ({ page, db }) => {
  const secretariat = await makeStaff(db, "SECRETARIAT");
  const conference = await makeWorldConference(db);
  await signInAs(page, secretariat);
  await page.goto(`/en/admin/conferences/${conference.slug}`);
  const form = page.getByRole("form", { name: "The conference" });
  const field = form.getByLabel("Closing time of the candidates' forums");
  // None set: the forums close when the conference opens (midnight, Dubai time). The refusal
  // itself is the service's (tests/integration/forum-ask.test.ts); here, how the form shows it.
  await expect(field).toHaveValue("");
  await expect(form).toContainText("In force now: the forums close on Monday, October 28, 2030");
  await field.fill("2030-11-20T12:00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("The forums must close before the end of the conference.").first()).toBeVisible();
  await expect(field).toHaveValue("2030-11-20T12:00");
  await expectAccessible(page);
  const after = await db.conference.findUniqueOrThrow({ where: { id: conference.id }, select: { forumClosesAt: true } });
  expect(after.forumClosesAt).toBeNull();
});
