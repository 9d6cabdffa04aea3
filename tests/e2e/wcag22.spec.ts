import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldHearing, makeWorldPost } from "./support/world";

// WCAG 2.2 checks that axe cannot make (docs/accessibility.md): a focused element is never hidden
// under the fixed "Live now" bar (2.4.11), and the sign-in fields take a pasted password and
// name themselves to password managers (3.3.8). Target sizes (2.5.8) are axe's, in every spec.

test("keyboard focus is never under the live banner, down to the footer's last link", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const candidates = [await makeWorldCandidate(db, post, { account: false }), await makeWorldCandidate(db, post, { account: false })];
  const hearing = await makeWorldHearing(db, conference, { candidates, ready: true });
  await db.hearing.update({ where: { id: hearing.id }, data: { status: "LIVE", startedAt: new Date() } });
  // A short window, so that the page scrolls and the footer starts under the bar.
  await page.setViewportSize({ width: 800, height: 420 });
  const banner = page.getByTestId("live-banner");
  // /api/live may be shared for up to 5 s: the banner shows once it names this hearing.
  await expect(async () => {
    await page.goto(`/en/conferences/${conference.slug}`);
    await expect(banner.locator(`a[href="/en/hearing/${hearing.id}"]`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const bar = await banner.boundingBox();
  if (!bar) throw new Error("the banner is not laid out");

  const lastFooterLink = page.getByRole("contentinfo").getByRole("link").last();
  const lastHref = await lastFooterLink.getAttribute("href");
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, href: el.getAttribute("href"), inBanner: Boolean(el.closest("[data-testid=live-banner]")) };
    });
    if (!focused || focused.inBanner) continue;
    expect(focused.bottom, `focused ${focused.href ?? "element"} ends under the banner`).toBeLessThanOrEqual(bar.y + 0.5);
    expect(focused.top).toBeGreaterThanOrEqual(-0.5);
    reached = focused.href === lastHref;
  }
  expect(reached, "the footer's last link was reached by keyboard").toBe(true);
});

test("the sign-in fields name themselves to password managers and take a pasted password", async ({ page }) => {
  await page.goto("/ar/sign-in");
  await expect(page.locator('input[name="email"]')).toHaveAttribute("autocomplete", "username");
  const password = page.locator('input[name="password"]');
  await expect(password).toHaveAttribute("autocomplete", "current-password");
  // Nothing cancels a paste: a password manager's or the clipboard's copy goes in as it is.
  const accepted = await password.evaluate((input: HTMLInputElement) => {
    const data = new DataTransfer();
    data.setData("text/plain", "pasted-secret-123");
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    return input.dispatchEvent(event);
  });
  expect(accepted).toBe(true);
  await password.focus();
  await page.keyboard.insertText("pasted-secret-123");
  await expect(password).toHaveValue("pasted-secret-123");
});

test("a signed-in user chooses the language of their mail, in English and Arabic", async ({ page, db }) => {
  const member = await makeStaff(db, "MEMBER");
  await signInAs(page, member);
  await page.goto("/en/account/language");
  await expect(page.getByTestId("mail-language")).toHaveText("Not chosen yet: mail is written in English until you choose one here or sign in again.");
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("form-success")).toContainText("Saved: the portal will write to you in this language.");
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { locale: true } })).locale).toBe("zh");

  await page.goto("/ar/account/language");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("mail-language")).toHaveText("الآن: 中文.");
  await expectAccessible(page);
});
