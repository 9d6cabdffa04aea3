import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createDb, type PrismaClient } from "../../../lib/db/client";

type Fixtures = {
  /** Fails the test on any console error or uncaught page error not declared expected. */
  consoleErrors: { allow(pattern: RegExp): void };
  db: PrismaClient;
};

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, provide) => {
      const allowed: RegExp[] = [];
      const seen: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && !allowed.some((p) => p.test(message.text()))) seen.push(message.text());
      });
      page.on("pageerror", (error) => seen.push(`pageerror: ${error.message}`));
      await provide({ allow: (pattern) => allowed.push(pattern) });
      expect(seen, "console errors during the test").toEqual([]);
    },
    { auto: true },
  ],
  db: async ({}, provide) => {
    const url = process.env.E2E_DATABASE_URL;
    if (!url) throw new Error("E2E_DATABASE_URL is not set");
    const db = createDb(url);
    await provide(db);
    await db.$disconnect();
  },
});

export { expect };

/** WCAG 2.1 A and AA, zero violations. */
export async function expectAccessible(page: Page) {
  // Next streams the metadata of a page rendered per request after its body: wait for the
  // title (still required) so that axe judges the finished document, not a moment of it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export { signInAs, signOut } from "./session";

/** The sign-in form, for the sign-in specs only (auth.spec.ts); other specs start signed in (signInAs). */
export async function signIn(page: Page, locale: string, email: string, password: string) {
  await page.goto(`/${locale}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}
