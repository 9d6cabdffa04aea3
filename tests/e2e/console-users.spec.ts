import { makeCandidate, makeMemberState, makeUser, unique } from "../support/factories";
import { expectAccessible, expect, signIn, signInAs, test } from "./support/fixtures";

// Serial: the last test needs every other secretariat account disabled for a moment.
test.describe.configure({ mode: "serial" });

const PASSWORD = "a passphrase of several words";

test("the secretariat creates an account; its one-time link sets the password once, in a fresh browser", async ({ page, db, browser }) => {
  const secretariat = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", secretariat);
  await page.goto("/en/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and roles");
  await expectAccessible(page);

  const email = `${unique("delegate")}@example.test`;
  const form = page.getByRole("form", { name: "Create an account" });
  // Refused first: the address is not valid; what was typed stays.
  await form.getByLabel("E-mail address").fill("not an address");
  await form.getByLabel("Full name").fill("Delegate of Testland");
  await form.getByRole("button", { name: "Create the account" }).click();
  await expect(form.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(form.getByLabel("Full name")).toHaveValue("Delegate of Testland");
  await expectAccessible(page);

  await form.getByLabel("E-mail address").fill(email.toUpperCase());
  await form.getByLabel("Role").selectOption("MEMBER");
  await form.getByRole("button", { name: "Create the account" }).click();
  await expect(form.getByTestId("form-success")).toContainText("The account of Delegate of Testland was created.");
  const link = await form.getByTestId("setup-link").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/en\/set-password\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await expect(page.getByTestId(`user-${email}`)).toContainText("Password not yet set (1 valid link)");
  // Shown once: a reload does not show it again.
  await page.reload();
  await expect(page.getByTestId("setup-link")).toHaveCount(0);

  const fresh = await browser.newContext();
  const visitor = await fresh.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Set your password");
  await expectAccessible(visitor);
  await visitor.locator('input[name="password"]').fill("short");
  await visitor.locator('input[name="passwordConfirm"]').fill("short");
  await visitor.getByRole("button", { name: "Set the password" }).click();
  await expect(visitor.getByText("Enter at least 12 characters.")).toBeVisible();
  await visitor.locator('input[name="password"]').fill(PASSWORD);
  await visitor.locator('input[name="passwordConfirm"]').fill(`${PASSWORD}!`);
  await visitor.getByRole("button", { name: "Set the password" }).click();
  await expect(visitor.getByText("The two passwords are not the same.")).toBeVisible();
  await visitor.locator('input[name="password"]').fill(PASSWORD);
  await visitor.locator('input[name="passwordConfirm"]').fill(PASSWORD);
  await visitor.getByRole("button", { name: "Set the password" }).click();
  await expect(visitor.getByTestId("form-success")).toContainText("Your password is set.");
  await expectAccessible(visitor);
  await visitor.getByRole("link", { name: "Go to the sign-in page" }).click();
  await signInAs(visitor, "en", { email, password: PASSWORD });
  await expect(visitor).toHaveURL(/\/en\/member$/);

  // The link worked once.
  await visitor.goto(link);
  await expect(visitor.getByTestId("setup-link-invalid")).toBeVisible();
  await fresh.close();

  const audit = await db.auditEvent.findMany({ where: { entity: "User", entityId: (await db.user.findUniqueOrThrow({ where: { email } })).id }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["created", "password-set"]);
});

test("a candidature's account: the role and the candidature are preselected from the link", async ({ page, db }) => {
  const secretariat = await makeUser(db, "SECRETARIAT");
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await db.post.findFirstOrThrow({ where: { conferenceId: conference.id, code: "SG" } });
  const state = await makeMemberState(db);
  const candidature = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id });
  await signInAs(page, "en", secretariat);
  await page.goto(`/en/admin/users?candidate=${candidature.id}`);
  const form = page.getByRole("form", { name: "Create an account" });
  await expect(form.getByLabel("Role")).toHaveValue("CANDIDATE");
  await expect(form.getByLabel("Candidature")).toHaveValue(candidature.id);
  const email = `${unique("candidate")}@example.test`;
  await form.getByLabel("E-mail address").fill(email);
  await form.getByLabel("Full name").fill(candidature.name);
  await form.getByRole("button", { name: "Create the account" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user).toMatchObject({ role: "CANDIDATE", candidateId: candidature.id, memberStateId: state.id, passwordHash: null });
});

test("disabling a signed-in user ends their session on their next request", async ({ page, db, browser }) => {
  const secretariat = await makeUser(db, "SECRETARIAT");
  const member = await makeUser(db, "MEMBER");
  const other = await browser.newContext();
  const memberPage = await other.newPage();
  await signIn(memberPage, "en", member.email, member.password);
  await expect(memberPage).toHaveURL(/\/en\/member$/);

  await signInAs(page, "en", secretariat);
  await page.goto("/en/admin/users");
  const row = page.getByTestId(`user-${member.email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByTestId("form-success")).toContainText("was disabled");
  await expect(row).toContainText("Disabled");
  await expect(row.getByRole("button", { name: "Re-enable" })).toBeVisible();

  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/en\/sign-in\?next=/);
  await other.close();
});

test("the role of a user changes from the list", async ({ page, db }) => {
  const secretariat = await makeUser(db, "SECRETARIAT");
  const member = await makeUser(db, "MEMBER");
  await signInAs(page, "en", secretariat);
  await page.goto("/en/admin/users");
  const row = page.getByTestId(`user-${member.email}`);
  await row.getByText(/^Change the role of/).click();
  const form = row.getByRole("form", { name: /^Change the role of/ });
  await form.getByLabel("New role").selectOption("CHAIR");
  await form.getByRole("button", { name: "Change the role" }).click();
  await expect(form.getByTestId("form-success")).toContainText("was changed");
  expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("CHAIR");
  // Becoming a candidate needs a candidature: refused with the field's message.
  await form.getByLabel("New role").selectOption("CANDIDATE");
  await form.getByLabel("Candidature").selectOption("");
  await form.getByRole("button", { name: "Change the role" }).click();
  await expect(form.getByText("Choose the candidature this candidate account belongs to.")).toBeVisible();
});

test("the pages work in Arabic, right to left", async ({ page, db, browser }) => {
  const secretariat = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "ar", secretariat);
  await page.goto("/ar/admin/users");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المستخدمون والأدوار");
  await expectAccessible(page);
  // Keyboard: the first field of the form takes visible focus.
  await page.getByRole("form", { name: "إنشاء حساب" }).getByLabel("عنوان البريد الإلكتروني").focus();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("name", "name");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/ar/set-password/not-a-real-token");
  await expect(visitor.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(visitor.getByTestId("setup-link-invalid")).toBeVisible();
  await expectAccessible(visitor);
});

test("a member gets 403 on the users page", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const member = await makeUser(db, "MEMBER");
  await signInAs(page, "en", member);
  const response = await page.goto("/en/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
});

// Needs to be the only active secretariat account for a moment: every other one is
// disabled for the test and restored after it (see the report: this spec must run in a
// project of its own, after the others, like conference-settings).
test("the last active secretariat account cannot be disabled, with the rule's message", async ({ page, db }) => {
  const secretariat = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", secretariat);
  await page.goto("/en/admin/users");
  const others = await db.user.findMany({ where: { role: "SECRETARIAT", disabledAt: null, id: { not: secretariat.id } }, select: { id: true } });
  const ids = others.map((o) => o.id);
  try {
    await db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: new Date() } });
    const row = page.getByTestId(`user-${secretariat.email}`);
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.getByTestId("form-error")).toHaveText(
      "This is the last active secretariat account: it cannot be disabled or given another role, or nobody could manage the console.",
    );
  } finally {
    await db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: null } });
  }
  expect((await db.user.findUniqueOrThrow({ where: { id: secretariat.id } })).disabledAt).toBeNull();
});
