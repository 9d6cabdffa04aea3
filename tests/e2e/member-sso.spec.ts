import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { TEST_OIDC } from "./support/oidc-settings";
import { makeStaff } from "./support/world";

// Members sign in through the organisation's single sign-on, here a local
// `oidc-provider` (tests/e2e/support/oidc-provider.ts, started by global-setup.ts) that
// vouches for whatever address is typed on its login page. The whole round trip is real:
// next-auth's CSRF-protected sign-in, the provider's authorization code with PKCE and state,
// the token exchange and the ID token's verification, the userinfo request.

const BUTTON = `Sign in with ${TEST_OIDC.name}`;
const memberAddress = () => `sso-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@members.example.test`;

/** From the app's sign-in page, through the provider's login page, as `login`. */
async function signInThroughProvider(page: Page, locale: string, login: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.getByTestId("sso-sign-in").click();
  await page.waitForURL((url) => url.pathname.startsWith("/interaction/"));
  await page.getByLabel("E-mail address at the provider").fill(login);
  await page.getByRole("button", { name: "Continue to Hustings" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/interaction/") && !url.pathname.startsWith("/api/auth/"));
}

test("a new member signs in with the keyboard through single sign-on and lands in the members' area", async ({ page, db }) => {
  const email = memberAddress();
  await page.goto("/en/sign-in");
  const button = page.getByRole("button", { name: BUTTON });
  // Reachable with Tab, with a visible focus ring, and started with Enter.
  for (let i = 0; i < 40 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(button).toBeFocused();
  expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");

  await page.waitForURL((url) => url.pathname.startsWith("/interaction/"));
  await page.getByLabel("E-mail address at the provider").fill(email);
  await page.getByRole("button", { name: "Continue to Hustings" }).click();

  await expect(page).toHaveURL(/\/en\/member$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expect(page.getByText(`Signed in as SSO ${email.split("@")[0]}`)).toBeVisible();

  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user).toMatchObject({ role: "MEMBER", passwordHash: null, disabledAt: null });
  const audit = await db.auditEvent.findMany({ where: { entity: "User", entityId: user.id } });
  expect(audit.map((a) => [a.action, a.actorId])).toEqual([["created-by-sso", null]]);
});

test("an existing member signs in as themselves, in Arabic", async ({ page, db }) => {
  const email = memberAddress();
  const member = await db.user.create({ data: { email, name: "Existing SSO Member", role: "MEMBER" } });
  await signInThroughProvider(page, "ar", email.toUpperCase());
  await expect(page).toHaveURL(/\/ar\/member$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByText("Existing SSO Member")).toBeVisible();
  expect(await db.user.count({ where: { email } })).toBe(1);
  expect(await db.auditEvent.count({ where: { entity: "User", entityId: member.id } })).toBe(0);
});

test("an account at the provider with a secretariat's address is refused, with the message in the user's language", async ({ page, db }) => {
  const secretariat = await makeStaff(db, "SECRETARIAT");
  await signInThroughProvider(page, "en", secretariat.email);
  await expect(page).toHaveURL(/\/en\/sign-in\?/);
  await expect(page.getByTestId("sso-error")).toHaveText(
    "This e-mail address belongs to an account that signs in with its password, not through single sign-on. Sign in below with your e-mail address and password.",
  );
  await expectAccessible(page);
  // Not signed in: the secretariat's console sends the visitor to sign in.
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/sign-in/);

  // The provider remembers who signed in there: forget it, so that its login page shows again.
  await page.context().clearCookies();

  await signInThroughProvider(page, "ar", secretariat.email);
  await expect(page).toHaveURL(/\/ar\/sign-in\?/);
  await expect(page.getByTestId("sso-error")).toContainText("ينتمي عنوان البريد الإلكتروني هذا إلى حساب يسجّل الدخول بكلمة مروره");
  await expectAccessible(page);
});

test("an address the provider does not vouch for is refused", async ({ page, db }) => {
  const email = memberAddress();
  await signInThroughProvider(page, "en", `unverified:${email}`);
  await expect(page.getByTestId("sso-error")).toHaveText(/did not confirm your e-mail address/);
  expect(await db.user.count({ where: { email } })).toBe(0);
});

// That the sign-in page with the single sign-on button passes axe in English and Arabic, and
// names the provider in Arabic, is auth.spec.ts's sign-in page test (the same page).
