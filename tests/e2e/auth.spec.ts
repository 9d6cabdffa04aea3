import type { RoleName } from "../../lib/auth/permissions";
import { makeCandidate, makeMemberState, makePost, makeUser } from "../support/factories";
import { expectAccessible, expect, signIn, test } from "./support/fixtures";

const LANDING: Record<RoleName, { path: string; heading: string }> = {
  SECRETARIAT: { path: "/admin", heading: "Secretariat console" },
  CHAIR: { path: "/chair", heading: "Chair's console" },
  CANDIDATE: { path: "/my", heading: "Candidate's workspace" },
  ETHICS_OFFICER: { path: "/ethics", heading: "Ethics Office: review requests" },
  MEMBER: { path: "/member", heading: "Members" },
};

for (const role of Object.keys(LANDING) as RoleName[]) {
  test(`a ${role.toLowerCase()} signs in and lands on their area, in English and Arabic`, async ({ page, db }) => {
    let candidateId: string | undefined;
    if (role === "CANDIDATE") {
      const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
      const post = await makePost(db, conference.id);
      const state = await makeMemberState(db);
      candidateId = (await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id })).id;
    }
    const user = await makeUser(db, role, { candidateId });

    await signIn(page, "en", user.email, user.password);
    await expect(page).toHaveURL(new RegExp(`/en${LANDING[role].path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LANDING[role].heading);
    // An area whose tools have not landed says so, and what will fill it.
    if (role === "MEMBER") await expect(page.getByText("its tools arrive with the issue named below")).toBeVisible();
    // The chair's console (issue 6) shows the hearing they chair; this new chair has none.
    if (role === "CHAIR") await expect(page.getByTestId("chair-no-hearing")).toHaveText("You are not the chair of any hearing.");
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
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "The e-mail address or the password is not correct, or the account is disabled.",
  );
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
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  const candidate = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id });
  const user = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  await signIn(page, "en", user.email, user.password);
  await expect(page).toHaveURL(/\/en\/my$/);
  await expect(page.getByText(`Your candidature: ${candidate.name}`)).toBeVisible();

  const response = await page.goto("/en/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
  await expect(page.locator("body")).not.toContainText("Secretariat console");
  await expectAccessible(page);
});

test("a disabled account loses its session on the next request, and sign-out ends a session", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  await signIn(page, "en", user.email, user.password);
  await expect(page).toHaveURL(/\/en\/admin$/);
  await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  await page.reload();
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);

  const other = await makeUser(db, "MEMBER");
  await signIn(page, "en", other.email, other.password);
  await expect(page).toHaveURL(/\/en\/member$/);
  await page.getByRole("link", { name: "Sign out" }).last().click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await page.goto("/en/member");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
});
