import { unique } from "../support/factories";
import { expectAccessible, expect, signIn, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";
import { confirmDialog } from "./support/confirm";

// The rule that the last active secretariat account stays is
// tests/integration/users-last-secretariat.test.ts's: here it would mean disabling every
// other secretariat account of the shared test database for a moment.

const PASSWORD = "a passphrase of several words";

test("the secretariat creates an account; its one-time link sets the password once, in a fresh browser", async ({ page, db, browser }) => {
  // A journey of many pages and saves: three times the usual time on a busy machine.
  test.slow();
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  // The list searched for the account about to be made: empty, then that one account. The
  // unsearched list (a page of 50, whatever parallel tests made) is the Arabic test's to check
  // with axe; here every save re-renders the page, and axe reads it, without those 50 rows.
  const email = `${unique("delegate")}@example.test`;
  await page.goto(`/en/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and roles");

  const form = page.getByRole("form", { name: "Create an account" });
  // Refused first: the address is not valid; what was typed stays (axe then reads the form with its error).
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
  // Shown once: a reload does not show it again.
  await page.reload();
  await expect(page.getByTestId("setup-link")).toHaveCount(0);
  // The list is searched, whatever else parallel tests have created: the one account, one page.
  const search = page.getByRole("search", { name: "Search the accounts" });
  await search.getByLabel("Name or e-mail address").fill(` ${email.toUpperCase()} `);
  await search.getByRole("button", { name: "Search" }).click();
  // The page opened searched for the address as made; now for the address as typed.
  await expect(page).toHaveURL((url) => url.searchParams.get("q")?.trim() === email.toUpperCase());
  await expect(search.getByLabel("Name or e-mail address")).toHaveValue(email.toUpperCase());
  await expect(page.getByTestId(`user-${email}`)).toContainText("Password not yet set (1 valid link)");
  await expect(page.getByTestId("users-count")).toHaveText("Showing 1–1 of 1 accounts");
  await expect(page.getByRole("navigation", { name: "Pages of the accounts" }).locator('[aria-current="page"]')).toHaveText("Page 1 of 1");
  await expectAccessible(page);

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
  // The new password signs in, through the form: it is what this journey set.
  await visitor.getByRole("link", { name: "Go to the sign-in page" }).click();
  await signIn(visitor, "en", email, PASSWORD);
  await expect(visitor).toHaveURL(/\/en\/member$/);

  // The link worked once.
  await visitor.goto(link);
  await expect(visitor.getByTestId("setup-link-invalid")).toBeVisible();
  await fresh.close();

  const audit = await db.auditEvent.findMany({
    where: { entity: "User", entityId: (await db.user.findUniqueOrThrow({ where: { email } })).id },
    orderBy: { id: "asc" },
  });
  expect(audit.map((a) => a.action)).toEqual(["created", "password-set"]);
});

test("a candidature's account: the role and the candidature are preselected from the link", async ({ page, db }) => {
  const candidature = await makeWorldCandidate(db, await makeWorldPost(db, await makeWorldConference(db)), { account: false });
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
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
  expect(user).toMatchObject({ role: "CANDIDATE", candidateId: candidature.id, memberStateId: candidature.memberStateId, passwordHash: null });
});

// That the disabled user's live session ends at once is tests/integration/users-services.test.ts's
// ("disabling ends the user's live session at once and their pending links").
test("the secretariat disables and re-enables a user from the list", async ({ page, db }) => {
  const member = await makeStaff(db, "MEMBER");
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/users?q=${encodeURIComponent(member.email)}`);
  const row = page.getByTestId(`user-${member.email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await confirmDialog(page);
  await expect(row.getByTestId("form-success")).toContainText("was disabled");
  await expect(row).toContainText("Disabled");
  await row.getByRole("button", { name: "Re-enable" }).click();
  await expect(row.getByRole("button", { name: "Disable" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).disabledAt).toBeNull();
});

test("the role of a user changes from the list", async ({ page, db }) => {
  const member = await makeStaff(db, "MEMBER");
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/users?q=${encodeURIComponent(member.email)}`);
  const row = page.getByTestId(`user-${member.email}`);
  // The form opens in this row alone (it lists every free candidature), keeping the search.
  await row.getByRole("link", { name: /^Change the role of/ }).click();
  await expect(page).toHaveURL(/[?&]q=.*&role=/);
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

test("the users page works in Arabic, right to left, and by keyboard", async ({ page, db }) => {
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto("/ar/admin/users");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المستخدمون والأدوار");
  await expect(page.getByRole("navigation", { name: "صفحات الحسابات" }).locator('[aria-current="page"]')).toContainText("الصفحة");
  await expectAccessible(page);
  // Keyboard: the first field of the form takes visible focus.
  await page.getByRole("form", { name: "إنشاء حساب" }).getByLabel("عنوان البريد الإلكتروني").focus();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("name", "name");
});

test("a link that is not valid says so, in Arabic, right to left", async ({ page }) => {
  await page.goto("/ar/set-password/not-a-real-token");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("setup-link-invalid")).toBeVisible();
  await expectAccessible(page);
});

test("a member gets 403 on the users page", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  await signInAs(page, await makeStaff(db, "MEMBER"));
  const response = await page.goto("/en/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
});
