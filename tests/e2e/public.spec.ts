import { gzipSync } from "node:zlib";
import type { PrismaClient } from "../../lib/db/client";
import { unique } from "../support/factories";
import { expectAccessible, expect, test } from "./support/fixtures";
import { makeWorldCandidate, makeWorldConference, makeWorldHearing, makeWorldPost } from "./support/world";

// The visitor's pages, on a conference of the test's own, reached by its slug
// (docs/decisions/012). The current conference's unprefixed pages (/, /posts) render the same
// components and are tests/integration's; no test here depends on which conference is current.

const POST_NAMES = { en: "Secretary-General", ar: "الأمين العام", fr: "Secrétaire général", zh: "秘书长" };

/** A conference with one post, a formal candidate with a published vision, and a hearing. */
async function publicWorld(db: PrismaClient) {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference, { name: POST_NAMES.en, names: POST_NAMES });
  const vision = unique("A vision for a connected world");
  const candidate = await makeWorldCandidate(db, post, { vision, account: false });
  const hearing = await makeWorldHearing(db, conference, { candidates: [candidate] });
  return { conference, post, candidate, vision, hearing };
}

// The visitor's journey, in English and in Arabic (right to left): a conference's home → its
// posts → a post → a candidate, every page checked with axe.
for (const locale of ["en", "ar"] as const) {
  test(`a visitor browses a conference → post → candidate (${locale})`, async ({ page, db }) => {
    // Five pages and four axe runs: three times the usual time on a busy machine.
    test.slow();
    const { conference, post, candidate, vision, hearing } = await publicWorld(db);
    const base = `/${locale}/conferences/${conference.slug}`;
    await page.goto(base);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(conference.name);
    // The deadline is stated with its rule (GR170), at 23:59 in Geneva.
    const keyDates = page.locator("#key-dates + ol");
    await expect(keyDates.locator("li").first()).toContainText(locale === "en" ? "General Rule 170" : "170");
    await expect(keyDates.locator("li").first().locator("time")).toHaveAttribute("datetime", "2030-09-30T21:59:00.000Z");
    await expectAccessible(page);

    await page.locator(`main a[href$="/conferences/${conference.slug}/posts"]`).click();
    await expect(page).toHaveURL(new RegExp(`${base}/posts$`));
    await expectAccessible(page);

    await page.locator(`main a[href$="/posts/${post.code}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${base}/posts/${post.code}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(POST_NAMES[locale]);
    await expectAccessible(page);

    await page.locator(`main a[href$="/candidates/${candidate.id}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/candidates/${candidate.id}$`));
    await expect(page.locator("dl")).toContainText(candidate.memberState.nameEn);
    await expect(page.getByText(vision)).toBeVisible();
    await expectAccessible(page);
    // The weight targets (docs/performance.md) as a floor no change may break: this world is
    // smaller than the demo, which bench/page-weight.ts weighs, but a page that carried, say,
    // the whole message catalogue again would be over them here too.
    for (const path of [base, `/${locale}/candidates/${candidate.id}`]) {
      const html = await (await page.request.get(path)).body();
      expect(html.length, `${path}: bytes of HTML`).toBeLessThanOrEqual(40_000);
      expect(gzipSync(html).length, `${path}: bytes of gzip`).toBeLessThanOrEqual(10_000);
    }

    // The conference's home leads to its hearing's webcast page.
    await page.goto(base);
    await page.getByTestId("webcast-link").click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/hearing/${hearing.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "The candidates' hearing" : /.+/);
  });
}

test("a candidate's vision is public once the candidature is formal, not before", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const formal = await makeWorldCandidate(db, post, { vision: unique("A vision"), account: false });
  const announced = await makeWorldCandidate(db, post, { status: "ANNOUNCED", vision: unique("Not yet public"), account: false });

  await page.goto(`/en/conferences/${conference.slug}/posts/${post.code}`);
  await expect(page.getByRole("link", { name: `Profile of ${formal.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Profile of ${announced.name}` })).toBeVisible();
  await page.getByRole("link", { name: `Profile of ${formal.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(formal.name);
  await expect(page.locator("dl")).toContainText("Formal");

  await page.goto(`/en/candidates/${announced.id}`);
  await expect(page.locator("dl")).toContainText("Announced");
  await expect(page.getByText("The candidate has not published a vision statement yet.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Not yet public");
});

test("the language switcher keeps the page", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference, { name: POST_NAMES.en, names: POST_NAMES });
  const path = `/conferences/${conference.slug}/posts/${post.code}`;
  await page.goto(`/en${path}`);
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(new RegExp(`/fr${path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(POST_NAMES.fr);
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh${path}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(POST_NAMES.zh);
});

test("a keyboard user can skip to the content, with a visible focus", async ({ page }) => {
  await page.goto("/en/conferences");
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
  for (const path of ["/en", "/en/conferences", "/en/sign-in", "/api/health"]) {
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
