import type { RoleName } from "../../lib/auth/permissions";
import { secondFactorRequired } from "../../lib/auth/second-factor-rule";
import { makeUser } from "../support/factories";
import { expectAccessible, expect, signIn, signInAs, test } from "./support/fixtures";
import { enrolSecondFactor, giveSecondFactor } from "./support/second-factor";
import { TEST_OIDC } from "./support/oidc-settings";
import { SESSION_COOKIE } from "./support/session";
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

// The candidate's sign-in also shows the refusal of another role's area: one sign-in (a
// production-cost scrypt check) for both.
const CANDIDATE_REFUSED = ", and is refused the secretariat's area (403) after no detour";

for (const role of Object.keys(LANDING) as RoleName[]) {
  test(`a ${role.toLowerCase()} signs in and lands on their area, in English and Arabic${role === "CANDIDATE" ? CANDIDATE_REFUSED : ""}`, async ({
    page,
    db,
    consoleErrors,
  }) => {
    const candidate =
      role === "CANDIDATE" ? await makeWorldCandidate(db, await makeWorldPost(db, await makeWorldConference(db)), { account: false }) : undefined;
    const user = await makeUser(db, role, { candidateId: candidate?.id });
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
    // The candidate's workspace names their candidature.
    if (candidate) await expect(page.getByText(`Your candidature: ${candidate.name}`)).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/ar${LANDING[role].path}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectAccessible(page);
    if (!candidate) return;

    // Signed in as a candidate, the secretariat's area is refused.
    consoleErrors.allow(/status of 403/);
    const response = await page.goto("/en/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
    await expect(page.locator("body")).not.toContainText("Secretariat console");
    await expectAccessible(page);
  });
}

// The test server offers members' single sign-on (playwright.config.ts), so this is also the
// page with its button, which member-sso.spec.ts follows: one axe check of each language for both.
test("the sign-in page, with the single sign-on button, passes axe in English and Arabic, and validates before sending", async ({ page }) => {
  for (const locale of ["en", "ar"]) {
    await page.goto(`/${locale}/sign-in`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByTestId("sso-sign-in")).toBeVisible();
    await expect(page.getByTestId("sso-error")).toHaveCount(0);
    await expectAccessible(page);
  }
  await expect(page.getByTestId("sso-sign-in")).toHaveText(`تسجيل الدخول عبر ${TEST_OIDC.name}`);
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

// That a disabled account's live session ends is tests/integration/auth.test.ts's ("ends a
// live session at once when the account is disabled"); here, the sign-out page, and that
// signing out ends the session on the server: the same cookie, replayed, opens nothing.
// Signed in with a minted session (a real session row, support/session.ts): the form's
// sign-in of a member is the member's test above.
test("sign-out ends a session, on the server too: the same cookie, replayed, opens nothing", async ({ page, db }) => {
  const member = await makeUser(db, "MEMBER");
  await signInAs(page, member);
  await page.goto("/en/member");
  await expect(page).toHaveURL(/\/en\/member$/);
  const [cookie] = await page
    .context()
    .cookies()
    .then((all) => all.filter((c) => c.name === SESSION_COOKIE));
  expect(cookie).toBeDefined();

  await page.getByRole("link", { name: "Sign out" }).last().click();
  // A client navigation: the member page's title stays until the sign-out page's replaces it,
  // so wait for that one (not any title) before axe judges the page.
  await expect(page).toHaveURL(/\/en\/sign-out$/);
  await expect(page).toHaveTitle(/^Sign out/);
  await expectAccessible(page);
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
  expect(await db.userSession.count({ where: { userId: member.id, endedAt: { not: null } } })).toBe(1);
  await page.goto("/en/member");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);

  // The cookie as it was before signing out, put back (as someone who copied it would).
  await page.context().addCookies([cookie!]);
  await page.goto("/en/member");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
});
