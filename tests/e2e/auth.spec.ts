import type { RoleName } from "../../lib/auth/permissions";
import { secondFactorRequired } from "../../lib/auth/second-factor-rule";
import { makeUser } from "../support/factories";
import { expectAccessible, expect, signIn, test } from "./support/fixtures";
import { enrolSecondFactor, giveSecondFactor } from "./support/second-factor";
import { makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// The sign-in specs are the only ones that go through the form (every other spec mints the
// session: support/session.ts). A sign-in checks a scrypt hash of production cost on the
// server, so landing is given longer than a page's usual wait.
const SIGN_IN = { timeout: 30_000 };

const LANDING: Record<RoleName, { path: string; heading: string }> = {
  SECRETARIAT: { path: "/admin", heading: "Conferences" },
  CHAIR: { path: "/chair", heading: "Chair's console" },
  CANDIDATE: { path: "/my", heading: "Candidate's workspace" },
  ETHICS_OFFICER: { path: "/ethics", heading: "Ethics Office: review requests" },
  MEMBER: { path: "/member", heading: "Members" },
};

for (const role of Object.keys(LANDING) as RoleName[]) {
  test(`a ${role.toLowerCase()} signs in and lands on their area, in English and Arabic`, async ({ page, db }) => {
    const candidateId =
      role === "CANDIDATE" ? (await makeWorldCandidate(db, await makeWorldPost(db, await makeWorldConference(db)), { account: false })).id : undefined;
    const user = await makeUser(db, role, { candidateId });
    // The staff roles give a second factor after the password (docs/decisions/023-second-factor.md).
    const secret = secondFactorRequired(role) ? await enrolSecondFactor(db, user.id) : null;

    await signIn(page, "en", user.email, user.password);
    if (secret) await giveSecondFactor(page, secret);
    await expect(page).toHaveURL(new RegExp(`/en${LANDING[role].path}$`), SIGN_IN);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LANDING[role].heading);
    // The members' area shows the current conference's hearing, or says there is none yet.
    if (role === "MEMBER") await expect(page.getByTestId("member-hearing").or(page.getByTestId("member-no-hearing"))).toBeVisible();
    // The chair's console shows the hearing they chair; this new chair has none.
    if (role === "CHAIR") await expect(page.getByTestId("chair-no-hearing")).toContainText("You chair no hearing that is under way or still to come.");
    await expectAccessible(page);

    await page.goto(`/ar${LANDING[role].path}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectAccessible(page);
  });
}

test("the sign-in page passes axe in English and Arabic, and validates before sending", async ({ page }) => {
  for (const locale of ["en", "ar"]) {
    await page.goto(`/${locale}/sign-in`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectAccessible(page);
  }
  await page.goto("/en/sign-in");
  await page.locator('input[name="email"]').fill("not-an-address");
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.locator('input[name="email"]')).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("a wrong password shows an error and signs nobody in", async ({ page, db, consoleErrors }) => {
  // next-auth answers a refused sign-in with 401, which the browser reports.
  consoleErrors.allow(/status of 401/);
  const user = await makeUser(db, "MEMBER");
  await signIn(page, "en", user.email, `${user.password}-wrong`);
  await expect(page.getByTestId("sign-in-error")).toHaveText("The e-mail address or the password is not correct, or the account is disabled.", SIGN_IN);
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await expectAccessible(page);
  await page.goto("/en/member");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
});

test("an anonymous visitor is sent to sign in instead of the secretariat's area", async ({ page }) => {
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});

test("a candidate is refused the secretariat's area (403), and lands there after no detour", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, await makeWorldConference(db)));
  const user = candidate.user;
  await signIn(page, "en", user.email, user.password);
  await expect(page).toHaveURL(/\/en\/my$/, SIGN_IN);
  await expect(page.getByText(`Your candidature: ${candidate.name}`)).toBeVisible();

  const response = await page.goto("/en/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
  await expect(page.locator("body")).not.toContainText("Secretariat console");
  await expectAccessible(page);
});

// That a disabled account's live session ends is tests/integration/auth.test.ts's ("ends a
// live session at once when the account is disabled"); here, the sign-out page.
test("sign-out ends a session", async ({ page, db }) => {
  const member = await makeUser(db, "MEMBER");
  await signIn(page, "en", member.email, member.password);
  await expect(page).toHaveURL(/\/en\/member$/, SIGN_IN);
  await page.getByRole("link", { name: "Sign out" }).last().click();
  await expectAccessible(page);
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await page.goto("/en/member");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
});
