import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost, worldPostCode } from "./support/world";
import { confirmDialog } from "./support/confirm";

// What the services refuse (a duplicate code, a seat without its region, deleting a post
// someone stood for) is tests/integration/posts-services.test.ts's; here, the pages.

test("the secretariat creates, edits, retires, reinstates and deletes a post; refusals keep what was typed", async ({ page, db }) => {
  // A journey of many pages and saves: three times the usual time on a busy machine.
  test.slow();
  const conference = await makeWorldConference(db);
  const admin = `/en/admin/conferences/${conference.slug}/posts`;
  const postCode = worldPostCode("E2E");
  const name = unique("Council seat");
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(admin);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts");
  await expectAccessible(page);

  // A Council seat without its region is refused, with the rule, and nothing typed is lost.
  const create = page.getByRole("form", { name: "New post" });
  await create.getByLabel("Code").fill(postCode.toLowerCase());
  await create.getByLabel("Kind of post").selectOption({ label: "Council seat" });
  await create.getByLabel("Seats").fill("2");
  await create.getByLabel("Name in English").fill(name);
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByText("Choose the region: Radio Regulations Board and Council seats are elected by region.")).toBeVisible();
  await expect(create.getByLabel("Name in English")).toHaveValue(name);
  await expectAccessible(page);

  // Submitted from the keyboard this time. (The shared SelectField does not yet keep a
  // refused choice: React resets a <select> to its first rendering, so the kind is chosen again.)
  await create.getByLabel("Kind of post").selectOption({ label: "Council seat" });
  await create.getByLabel("Region", { exact: true }).selectOption("D");
  await create.getByLabel("Name in English").focus();
  await page.keyboard.press("Enter");
  await expect(create.getByTestId("form-success")).toContainText(`Post ${postCode} has been created.`);
  const created = await db.post.findFirstOrThrow({ where: { conferenceId: conference.id, code: postCode } });
  expect(created).toMatchObject({ kind: "COUNCIL_SEAT", region: "D", seats: 2, names: { en: name } });

  await page.reload();
  const row = page.getByTestId(`post-${postCode}`);
  await expect(row).toContainText(name);
  await row.getByRole("link", { name: `Edit ${postCode}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit post ${postCode}`);
  await expectAccessible(page);
  const edit = page.getByRole("form", { name: `Edit post ${postCode}` });
  await edit.getByLabel("Seats").fill("3");
  await edit.getByLabel("Name in French").fill("Siège au Conseil (essai)");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByTestId("form-success")).toBeVisible();
  expect(await db.post.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ seats: 3, names: { en: name, fr: "Siège au Conseil (essai)" } });

  // Retired: gone from the conference's public list, still in the console.
  await page.goto(`/en/conferences/${conference.slug}/posts`);
  await expect(page.getByText(name)).toHaveCount(1);
  await page.goto(admin);
  await page
    .getByRole("form", { name: `Retire post ${postCode}` })
    .getByRole("button", { name: "Retire" })
    .click();
  await confirmDialog(page);
  await expect(page.getByTestId(`post-${postCode}`)).toContainText("Retired");
  await page.goto(`/en/conferences/${conference.slug}/posts`);
  await expect(page.getByText(name)).toHaveCount(0);

  await page.goto(admin);
  await page
    .getByRole("form", { name: `Reinstate post ${postCode}` })
    .getByRole("button", { name: "Reinstate" })
    .click();
  await expect(page.getByTestId(`post-${postCode}`)).toContainText("Open");
  await page
    .getByRole("form", { name: `Delete post ${postCode}` })
    .getByRole("button", { name: "Delete" })
    .click();
  await confirmDialog(page);
  await expect(page.getByTestId(`post-${postCode}`)).toHaveCount(0);
  expect(await db.post.findUnique({ where: { id: created.id } })).toBeNull();

  const audit = await db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["created", "updated", "retired", "reinstated", "deleted"]);
});

test("a post someone stood for offers no deletion, and the pages pass axe in Arabic", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  await makeWorldCandidate(db, post, { account: false });
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/ar/admin/conferences/${conference.slug}/posts`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const row = page.getByTestId(`post-${post.code}`);
  await expect(row.getByRole("button")).toHaveCount(1);
  await expectAccessible(page);
  await page.goto(`/ar/admin/conferences/${conference.slug}/posts/${post.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(post.code);
  await expectAccessible(page);
});

test("a member, and a visitor, cannot open the posts pages", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const admin = `/en/admin/conferences/${conference.slug}/posts`;
  const anonymous = await page.goto(admin);
  expect(anonymous?.url()).toContain("/en/sign-in");
  await signInAs(page, await makeStaff(db, "MEMBER"));
  for (const path of [admin, `${admin}/${post.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});
