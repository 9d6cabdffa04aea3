import { makeMemberState, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// Each rule of the account's details (nationality, a candidate's address) is
// tests/integration/users-services.test.ts's; here, what only a browser shows: the form,
// its labels and errors, and that a choice is saved and shown.

test("the secretariat sets a user's nationality on the account's page, and it shows in the list", async ({ page, db }) => {
  const chair = await makeStaff(db, "CHAIR");
  const state = await makeMemberState(db);
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/users?q=${encodeURIComponent(chair.email)}`);
  await page
    .getByTestId(`user-${chair.email}`)
    .getByRole("link", { name: `Edit the account of ${chair.name}` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Account of ${chair.name}`);
  const form = page.getByRole("form", { name: `Edit the account of ${chair.name}` });
  await expect(form.getByLabel("Nationality")).toHaveValue("");
  await expectAccessible(page);

  await form.getByLabel("Nationality").selectOption(state.id);
  await form.getByRole("button", { name: "Save the account" }).click();
  await expect(form.getByTestId("form-success")).toContainText(`The account of ${chair.name} was saved.`);
  await page.reload();
  await expect(page.getByRole("form", { name: `Edit the account of ${chair.name}` }).getByLabel("Nationality")).toHaveValue(state.id);
  await page.getByRole("link", { name: "Back to the accounts" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/users$/);
  // Found by a search, whatever other accounts parallel tests have made since.
  await page.goto(`/en/admin/users?q=${encodeURIComponent(chair.email)}`);
  await expect(page.getByTestId(`user-${chair.email}`)).toContainText(state.nameEn);
});

test("a candidate account's address on a corporate domain is refused on the field, in Arabic", async ({ page, db }) => {
  const candidature = await makeWorldCandidate(db, await makeWorldPost(db, await makeWorldConference(db)));
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/ar/admin/users/${candidature.user.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const { name } = await db.user.findUniqueOrThrow({ where: { id: candidature.user.id }, select: { name: true } });
  const form = page.getByRole("form", { name: `تعديل حساب ${name}` });
  const address = form.getByLabel("عنوان البريد الإلكتروني");
  await address.fill(`${unique("candidate")}@itu.int`);
  await form.getByRole("button", { name: "حفظ الحساب" }).click();
  await expect(form.getByText("لا يجوز أن يكون حساب المرشح على نطاق")).toBeVisible();
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  expect((await db.user.findUniqueOrThrow({ where: { id: candidature.user.id } })).email).toBe(candidature.user.email);
});
