import { makeCandidate, makeMemberState, makePost, makeUser, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

const code = () => unique("E2E").toUpperCase().replace(/[^A-Z0-9-]/g, "").slice(0, 32);

test("the secretariat creates, edits, retires, reinstates and deletes a post; refusals keep what was typed", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  const postCode = code();
  const name = unique("Council seat");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/posts");
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
  const created = await db.post.findFirstOrThrow({ where: { code: postCode } });
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

  // Retired: gone from the public list, still in the console.
  await page.goto("/en/admin/posts");
  await page.getByRole("form", { name: `Retire post ${postCode}` }).getByRole("button", { name: "Retire" }).click();
  await expect(page.getByTestId(`post-${postCode}`)).toContainText("Retired");
  await page.goto("/en/posts");
  await expect(page.getByText(name)).toHaveCount(0);

  await page.goto("/en/admin/posts");
  await page.getByRole("form", { name: `Reinstate post ${postCode}` }).getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByTestId(`post-${postCode}`)).toContainText("Open");
  await page.getByRole("form", { name: `Delete post ${postCode}` }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId(`post-${postCode}`)).toHaveCount(0);
  expect(await db.post.findUnique({ where: { id: created.id } })).toBeNull();

  const audit = await db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["created", "updated", "retired", "reinstated", "deleted"]);
});

test("a post someone stood for offers no deletion, and the pages pass axe in Arabic", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await makePost(db, conference.id, code());
  await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: (await makeMemberState(db)).id });
  await signInAs(page, "ar", user);
  await page.goto("/ar/admin/posts");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const row = page.getByTestId(`post-${post.code}`);
  await expect(row.getByRole("button")).toHaveCount(1);
  await expectAccessible(page);
  await page.goto(`/ar/admin/posts/${post.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(post.code);
  await expectAccessible(page);
});

test("a member, and a visitor, cannot open the posts pages", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await makePost(db, conference.id, code());
  const anonymous = await page.goto("/en/admin/posts");
  expect(anonymous?.url()).toContain("/en/sign-in");
  await signInAs(page, "en", await makeUser(db, "MEMBER"));
  for (const path of ["/en/admin/posts", `/en/admin/posts/${post.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});
