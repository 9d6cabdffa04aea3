import { makeUser } from "../support/factories";
import { totpCode } from "../../lib/second-factor/totp-core";
import { expectAccessible, expect, signIn, test } from "./support/fixtures";

// The second factor and the password reset, through the browser (docs/decisions/023-second-factor.md).
// The rules themselves (window, reuse, limits, who may do what) are the integration tests';
// here, what only a browser shows: the redirects of a pending session, the enrolment page
// with its QR code, the codes shown once, keyboard use, axe in English and Arabic, and the
// reset link as the outbox holds it.
const SIGN_IN = { timeout: 30_000 };

test("a secretariat account enrols before anything else, then signs in again with a recovery code, in English and Arabic", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");

  await signIn(page, "en", user.email, user.password);
  await expect(page).toHaveURL(/\/en\/sign-in\/second-factor/, SIGN_IN);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your second factor");
  // A pending session opens nothing else: the console sends it back here.
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/sign-in\/second-factor/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const key = page.getByTestId("totp-secret");
  await expect(key).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code that adds this account to an authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const secret = (await key.getAttribute("data-secret")) ?? "";

  const code = page.getByLabel("Code from the app");
  await code.fill("000000");
  await code.press("Enter");
  await expect(page.getByText("This code is not correct, or it has already been used.")).toBeVisible();
  await code.fill(totpCode(secret));
  await code.press("Enter");
  const recoveryCodes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(recoveryCodes).toHaveCount(10);
  const recovery = (await recoveryCodes.first().textContent()) ?? "";
  await page.getByTestId("continue-after-enrolment").click();
  await expect(page).toHaveURL(/\/en\/admin$/);

  await page.goto("/ar/account/security");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("second-factor-status")).toContainText("10");
  await expectAccessible(page);

  // Signed out, in again: the second step asks for a code; a recovery code does.
  await page.context().clearCookies();
  await signIn(page, "ar", user.email, user.password);
  await expect(page).toHaveURL(/\/ar\/sign-in\/second-factor/, SIGN_IN);
  await expectAccessible(page);
  await page.locator('input[name="code"]').fill(recovery);
  await page.locator('input[name="code"]').press("Enter");
  await expect(page).toHaveURL(/\/ar\/admin$/, SIGN_IN);
});

test("a forgotten password is reset with the link the outbox holds, and a common one is refused", async ({ page, db }) => {
  const user = await makeUser(db, "MEMBER");
  await page.goto("/en/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\/forgot-password$/);
  await expectAccessible(page);
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("form-success")).toContainText("If an account with a password uses this address");

  // The message is written just after the answer (lib/users/request-password-reset.ts).
  await expect.poll(() => db.outboxMessage.count({ where: { toAddress: user.email, kind: "password-reset" } })).toBe(1);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: user.email, kind: "password-reset" } });
  const link = /https?:\/\/\S+\/en\/set-password\/\S+/.exec(mail.body)?.[0] ?? "";
  await page.goto(new URL(link).pathname);
  await expect(page.getByText("Choose a new password for your account.")).toBeVisible();

  await page.getByRole("textbox", { name: "New password", exact: true }).fill("Password1234");
  await page.getByRole("textbox", { name: "New password, again" }).fill("Password1234");
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByText("This password is one of the most common ones")).toBeVisible();
  const fresh = "lantern quietly over the harbour";
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(fresh);
  await page.getByRole("textbox", { name: "New password, again" }).fill(fresh);
  await page.getByRole("button", { name: "Set the password" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();

  await signIn(page, "en", user.email, fresh);
  await expect(page).toHaveURL(/\/en\/member$/, SIGN_IN);

  await page.goto("/ar/sign-in/forgot-password");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
});
