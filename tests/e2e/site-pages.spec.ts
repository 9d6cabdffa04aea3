import { expectAccessible, expect, test } from "./support/fixtures";
import { askForm, openForum } from "./support/forum";
import { makeStaff, makeWorld, makeWorldHearing } from "./support/world";

// The footer's pages (about, how it works, privacy, accessibility, contact): each opens from
// the footer of the page before, has its title as the one h1 and passes axe, in English and
// in Arabic (right to left); the forum's ask form and the hearing's question form say what is
// published before sending.

const PAGES = [
  { path: "about", en: "About Hustings", ar: "عن Hustings" },
  { path: "how-it-works", en: "How the election and the hearing work", ar: "كيف يجري الانتخاب وجلسة الاستماع" },
  { path: "privacy", en: "Privacy notice", ar: "إشعار الخصوصية" },
  { path: "accessibility", en: "Accessibility statement", ar: "بيان إمكانية النفاذ" },
  { path: "contact", en: "Contact", ar: "الاتصال" },
] as const;

const FOOTER_NAV = { en: "About this site", ar: "عن هذا الموقع" } as const;

for (const locale of ["en", "ar"] as const) {
  test(`every footer page opens from the footer and passes axe (${locale})`, async ({ page }) => {
    // Five pages, each judged by axe, each rendered on its first visit.
    test.setTimeout(120_000);
    await page.goto(`/${locale}/conferences`);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    for (const p of PAGES) {
      const footer = page.getByRole("contentinfo").getByRole("navigation", { name: FOOTER_NAV[locale] });
      await footer.getByRole("link", { name: p[locale], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/${p.path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p[locale]);
      await expectAccessible(page);
    }
    // The draw's pages are one link away from the rules that explain them.
    await page.goto(`/${locale}/how-it-works`);
    await expect(page.locator(`a[href="/${locale}/hearing/draw-specification"]`)).toBeVisible();
    await expect(page.locator(`a[href="/${locale}/hearing/verify"]`)).toBeVisible();
  });
}

test("the ask form says what is published before sending, with a link to the privacy notice", async ({ page, db }) => {
  const { candidate } = await openForum(db);
  await page.goto(`/en/candidates/${candidate.id}/ask`);
  const notice = askForm(page).getByTestId("privacy-notice");
  await expect(notice).toContainText("your name, country and affiliation are published with it and exported as open data");
  await expect(askForm(page).getByRole("button", { name: "Send the question" })).toHaveAccessibleDescription(/exported as open data/);
  await notice.getByRole("link", { name: "Read the privacy notice" }).click();
  await expect(page).toHaveURL(/\/en\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
});

test("the hearing's question form says that a drawn question is shown with the asker's name, with a link to the privacy notice", async ({ page, db }) => {
  const world = await makeWorld(db, { posts: 2 });
  const chair = await makeStaff(db, "CHAIR");
  const hearing = await makeWorldHearing(db, world.conference, { candidates: world.candidates, chairId: chair.id, ready: true });
  await page.goto(`/ar/hearing/${hearing.id}`);
  const notice = page.getByTestId("hearing-ask-form").getByTestId("privacy-notice");
  await expect(notice).toContainText("يُقرأ بصوت عالٍ ويُعرض في البث مع اسمك");
  await expect(notice.getByRole("link", { name: "اقرأ إشعار الخصوصية" })).toHaveAttribute("href", "/ar/privacy");
});
