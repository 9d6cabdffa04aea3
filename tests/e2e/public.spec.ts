import { expectAccessible, expect, test } from "./support/fixtures";
import { makeCandidate, makeMemberState, makePost, unique } from "../support/factories";

// The visitor's journey, in English and in Arabic (right to left): home → posts → a post →
// a candidate, every page checked with axe.
for (const locale of ["en", "ar"] as const) {
  test(`a visitor browses home → post → candidate (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("PP-18");
    // The deadline is stated with its rule (GR170) and in the conference's zone.
    const keyDates = page.locator("#key-dates + ol");
    await expect(keyDates.locator("li").first()).toContainText(locale === "en" ? "General Rule 170" : "170");
    await expect(keyDates.locator("li").first().locator("time")).toHaveAttribute("datetime", "2018-10-01T21:59:00.000Z");
    await expectAccessible(page);

    await page.getByRole("navigation").first().getByRole("link").nth(1).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/posts$`));
    await expectAccessible(page);

    await page.locator('a[href$="/posts/SG"]').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/posts/SG$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "Secretary-General" : "الأمين العام");
    await expectAccessible(page);

    await page.locator('a[href*="/candidates/"]').first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/candidates/`));
    await expect(page.locator("dl")).toBeVisible();
    await expect(page.locator("#vision")).toBeVisible();
    await expectAccessible(page);

    // The home page leads to the hearing's webcast page.
    await page.goto(`/${locale}`);
    await page.getByTestId("webcast-link").click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/hearing$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "The candidates' hearing" : /.+/);
  });
}

test("a candidate's page shows the nominating state, status and published vision; not before the candidature is formal", async ({ page, db }) => {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  const vision = unique("A vision for a connected world");
  const formal = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id, vision });
  const announced = await makeCandidate(db, {
    conferenceId: conference.id,
    postId: post.id,
    memberStateId: state.id,
    status: "ANNOUNCED",
    vision: unique("Not yet public"),
  });

  await page.goto(`/en/posts/${post.code}`);
  await expect(page.getByRole("link", { name: `Profile of ${formal.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Profile of ${announced.name}` })).toBeVisible();

  await page.getByRole("link", { name: `Profile of ${formal.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(formal.name);
  await expect(page.locator("dl")).toContainText(state.nameEn);
  await expect(page.locator("dl")).toContainText("Formal");
  await expect(page.getByText(vision)).toBeVisible();

  await page.goto(`/en/candidates/${announced.id}`);
  await expect(page.locator("dl")).toContainText("Announced");
  await expect(page.getByText("The candidate has not published a vision statement yet.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Not yet public");
});

test("the language switcher keeps the page", async ({ page }) => {
  await page.goto("/en/posts/SG");
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/fr\/posts\/SG$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Secrétaire général");
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(/\/zh\/posts\/SG$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
});

test("a keyboard user can skip to the content, with a visible focus", async ({ page }) => {
  await page.goto("/en");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("an unknown page answers 404 in the reader's language", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/);
  const response = await page.goto("/fr/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expectAccessible(page);
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/en", "/en/sign-in", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
  }
  const signIn = (await request.get("/en/sign-in")).headers()["content-security-policy"];
  expect(signIn).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  const health = await (await request.get("/api/health")).json();
  expect(health).toMatchObject({ status: "ok", database: "reachable" });
});
