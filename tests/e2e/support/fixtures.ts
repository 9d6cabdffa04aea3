import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createDb, type PrismaClient } from "../../../lib/db/client";

type Fixtures = {
  /**
   * Let Next prefetch every link in view, as in a real browser (off by default, see below):
   * `test.use({ viewportPrefetch: true })` in a spec whose pages' links should all answer.
   */
  viewportPrefetch: boolean;
  /** Fails the test on any console error or uncaught page error not declared expected. */
  consoleErrors: { allow(pattern: RegExp): void };
};

type WorkerFixtures = {
  /**
   * The test database as its owner (E2E_DATABASE_URL), for the tests' own fixture writes: one
   * client and pool per worker, not one per test (a client's first connection cost every test
   * its own round of connecting and disconnecting; docs/testing.md).
   */
  db: PrismaClient;
};

/**
 * Next's <Link> fetches every page a visible link leads to, as soon as it is in view: the
 * header's and the footer's ten links on every page the specs open, some 900 requests in 27
 * tests, more than half of the server's work (docs/testing.md). The specs follow links, they
 * never test prefetching, so links are not watched for visibility here; a link is still
 * prefetched when the pointer reaches it, as a click does, and every navigation is Next's own.
 * E2E_VIEWPORT_PREFETCH=1 restores it everywhere, `test.use({ viewportPrefetch: true })` in one spec.
 */
const NO_VIEWPORT_PREFETCH = `(() => {
  const Native = window.IntersectionObserver;
  if (typeof Native !== "function") return;
  window.IntersectionObserver = class extends Native {
    observe(target) {
      if (target instanceof HTMLAnchorElement) return;
      super.observe(target);
    }
  };
})();`;

export const test = base.extend<Fixtures, WorkerFixtures>({
  viewportPrefetch: [Boolean(process.env.E2E_VIEWPORT_PREFETCH), { option: true }],
  context: async ({ context, viewportPrefetch }, provide) => {
    if (!viewportPrefetch) await context.addInitScript(NO_VIEWPORT_PREFETCH);
    await provide(context);
  },
  // Watches the test's context, not its `page`: a test that never opens a page (a request-only
  // check) is not given one just for this, and the test's page is that context's.
  consoleErrors: [
    async ({ context }, provide) => {
      const allowed: RegExp[] = [];
      const seen: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error" && !allowed.some((p) => p.test(message.text()))) seen.push(message.text());
      });
      context.on("weberror", (error) => seen.push(`pageerror: ${error.error().message}`));
      await provide({ allow: (pattern) => allowed.push(pattern) });
      expect(seen, "console errors during the test").toEqual([]);
    },
    { auto: true },
  ],
  db: [
    async ({}, provide) => {
      const url = process.env.E2E_DATABASE_URL;
      if (!url) throw new Error("E2E_DATABASE_URL is not set");
      const db = createDb(url);
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

export { expect };

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe-core's source, the very copy AxeBuilder injects (its own dependency, not another package's). */
const AXE_SOURCE = (createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"))("axe-core") as { source: string }).source;

type AxeViolation = { id: string; help: string; nodes: { target: unknown[] }[] };

/**
 * What AxeBuilder's legacy mode does (axe.run in the page, `<same_origin>` frames, the same
 * context and options), without its waste: it evaluates axe's 550 KB twice per check (once in
 * `analyze`, again in `inject`), and again on every check of a document that already has it,
 * and sends back every pass and inapplicable rule with their nodes' HTML. Here axe is injected
 * once per document and only the violations come back (docs/testing.md).
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function");
  if (!injected) await page.evaluate(`${AXE_SOURCE}\n;axe.configure({ allowedOrigins: ["<same_origin>"], branding: { application: "playwright" } });`);
  return page.evaluate(
    async ({ context, options }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      const results = await axe.run(context, options);
      return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    },
    // resultTypes: axe still runs every rule, but keeps the nodes of violations only (one of
    // each pass, incomplete and inapplicable result), which it would otherwise collect and
    // serialise for every element of the page.
    { context: { include: [], exclude: [] }, options: { runOnly: { type: "tag", values: WCAG_TAGS }, resultTypes: ["violations"] } },
  );
}

/** WCAG 2.2 A and AA (docs/accessibility.md), zero violations. */
export async function expectAccessible(page: Page) {
  // Next streams the metadata of a page rendered per request after its body: wait for the
  // title (still required) so that axe judges the finished document, not a moment of it.
  await expect(page).toHaveTitle(/\S/);
  // axe.run in the page itself (same rules, same tags). The default runs axe.runPartial in each
  // frame, then opens a blank page, injects axe's 550 KB again and merges there: twice the work
  // per check, for cross-origin frames, which the app has none of (docs/testing.md).
  // E2E_AXE_PARTIAL=1 restores it.
  const violations = process.env.E2E_AXE_PARTIAL ? (await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations : await axeViolations(page);
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
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
