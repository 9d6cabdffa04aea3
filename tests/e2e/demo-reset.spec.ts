import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff } from "./support/world";

// The secretariat's "Reset the demo" (docs/decisions/017-demo-reset.md) is offered only in the
// local demo that `npm start` runs on its embedded database. The server under test is not one
// (no DEMO_RESET_DATABASE_URL): the console does not offer it, and its page says why. The reset
// itself is tests/integration/demo-reset.test.ts's.

for (const [locale, title, dir] of [
  ["en", "Reset the demo", "ltr"],
  ["ar", "إعادة تعيين العرض التجريبي", "rtl"],
] as const) {
  test(`outside the local demo the console does not offer a reset, and says why (${locale})`, async ({ page, db }) => {
    const officer = await makeStaff(db, "SECRETARIAT");
    await signInAs(page, officer);
    await page.goto(`/${locale}/admin`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator('a[href$="/admin/demo"]')).toHaveCount(0);

    await page.goto(`/${locale}/admin/demo`);
    await expect(page.locator("html")).toHaveAttribute("dir", dir);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("demo-reset-unavailable")).toBeVisible();
    await expect(page.getByRole("button", { name: title })).toHaveCount(0);
    await expectAccessible(page);
  });
}
