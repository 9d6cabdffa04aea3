import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// What only a browser shows: the confirmation dialog (components/forms/confirm-button.tsx) and
// the translated error page. That each service refuses without the confirmation is
// tests/integration/confirmations.test.ts's.

test("retiring a post asks first, names what follows, and Esc or Cancel change nothing; by keyboard alone", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  await makeWorldCandidate(db, post, { account: false });
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/conferences/${conference.slug}/posts`);

  const trigger = page.getByRole("form", { name: `Retire post ${post.code}` }).getByRole("button", { name: "Retire" });
  const dialog = page.getByRole("dialog", { name: `Retire the post ${post.code}?` });
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${post.name} leaves the public lists and takes no new candidates; the 1 candidate who stood for it stays on record.`);
  // Focus starts on Cancel, visibly, so that Enter alone never confirms.
  const cancel = dialog.getByRole("button", { name: "Cancel" });
  await expect(cancel).toBeFocused();
  expect(await cancel.evaluate((el) => el.matches(":focus-visible") && getComputedStyle(el).outlineStyle !== "none")).toBe(true);
  await expectAccessible(page);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await trigger.click();
  await cancel.click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).retiredAt).toBeNull();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Retire the post" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The answer re-renders the console page: slow on a loaded machine.
  await expect(page.getByTestId(`post-${post.code}`)).toContainText("Retired", { timeout: 30_000 });
  expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).retiredAt).not.toBeNull();
});

test("the candidature status form preselects nothing, and the dialog names the chosen move; in Arabic too", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const candidate = await makeWorldCandidate(db, post, { account: false });
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/ar/admin/conferences/${conference.slug}/candidates/${candidate.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const select = page.locator('select[name="to"]');
  await expect(select).toHaveValue("");
  await select.selectOption("WITHDRAWN");
  await page.locator('button[aria-haspopup="dialog"]').click();
  const dialog = page.getByTestId("status-change-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`ينتهي ترشيح ${candidate.name} لمنصب ${post.name} بالانسحاب.`);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "إلغاء" }).click();
  await expect(dialog).toBeHidden();
  expect((await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).status).toBe("FORMAL");
});

test("an error in an area's page is said in the reader's language inside the area, without internals, and Try again recovers", async ({
  page,
  db,
  consoleErrors,
}) => {
  // The page is answered 500 and React reports the failure (error 441: message withheld, digest given): this test's point.
  consoleErrors.allow(/Minified React error #441|status of 500|status of 404/);
  const gates = process.env.PAGE_CACHE_TEST_GATES;
  if (!gates) throw new Error("PAGE_CACHE_TEST_GATES is needed (playwright.config.ts sets it)");
  mkdirSync(gates, { recursive: true });
  const secretariat = await makeStaff(db, "SECRETARIAT");
  const arm = () => writeFileSync(path.join(gates, `${encodeURIComponent(`/admin ${secretariat.id}`)}.fail`), "");
  await signInAs(page, secretariat);

  arm();
  await page.goto("/ar/admin");
  const error = page.getByTestId("error-page");
  await expect(error.getByRole("heading", { level: 1 })).toHaveText("حدث خطأ ما");
  await expect(error.getByRole("link", { name: "العودة إلى وحدة تحكم الأمانة" })).toHaveAttribute("href", "/ar/admin");
  // The site's header and the area's navigation stay; the error's message never shows.
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "التنقل داخل المساحة" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("armed by a test");
  await expectAccessible(page);
  await error.getByRole("button", { name: "حاول مرة أخرى" }).click();
  await expect(error).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  arm();
  await page.goto("/en/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectAccessible(page);

  // A record missing inside the area is said inside it too, with the way back to its home.
  const conference = await makeWorldConference(db);
  const missing = await page.goto(`/fr/admin/conferences/${conference.slug}/candidates/no-such-candidature`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByTestId("not-found-page").getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("link", { name: "Retour à la console du secrétariat" })).toBeVisible();
});

test("an error in the chair's console is said in the chair's language inside the console's frame, with the ways back, and Try again recovers", async ({
  page,
  db,
  consoleErrors,
}) => {
  // The console is answered 500 and React reports the failure (error 441): this test's point.
  consoleErrors.allow(/Minified React error #441|status of 500/);
  const gates = process.env.PAGE_CACHE_TEST_GATES;
  if (!gates) throw new Error("PAGE_CACHE_TEST_GATES is needed (playwright.config.ts sets it)");
  mkdirSync(gates, { recursive: true });
  const chair = await makeStaff(db, "CHAIR");
  // The gate of the chair's page for this chair (components/areas/area-pages.tsx): one render fails.
  const arm = () => writeFileSync(path.join(gates, `${encodeURIComponent(`/chair ${chair.id}`)}.fail`), "");
  await signInAs(page, chair);

  arm();
  await page.goto("/ar/chair");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const error = page.getByTestId("chair-error");
  await expect(error.getByRole("heading", { level: 1 })).toHaveText("تعذّر عرض لوحة التحكم");
  await expect(error).toContainText("لا تتأثر جلسة الاستماع: كل إجراء اتُّخذ يبقى قائمًا");
  // The site's header and the console's own navigation stay; the ways back lead to the console and the webcast.
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "التنقل داخل المساحة" }).getByRole("link", { name: "وحدة تحكم الرئيس" })).toHaveAttribute(
    "href",
    "/ar/chair",
  );
  await expect(error.getByRole("link", { name: "فتح لوحة التحكم من جديد" })).toHaveAttribute("href", "/ar/chair");
  await expect(error.getByRole("link", { name: "صفحة البث العامة" })).toHaveAttribute("href", "/ar/hearing");
  await expect(page.locator("body")).not.toContainText("armed by a test");
  await expect(error.getByRole("heading", { level: 1 })).toBeFocused();
  await expectAccessible(page);
  await error.getByRole("button", { name: "حاول مرة أخرى" }).click();
  await expect(error).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("وحدة تحكم الرئيس");

  arm();
  await page.goto("/en/chair");
  await expect(error.getByRole("heading", { level: 1 })).toHaveText("The console could not be shown");
  await expect(error.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(error.getByRole("link", { name: "Open the console again" })).toHaveAttribute("href", "/en/chair");
  await expect(page.getByRole("navigation", { name: "Area navigation" })).toBeVisible();
  await expectAccessible(page);
});
