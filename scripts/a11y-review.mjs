// The scripted part of the WCAG 2.2 review (docs/accessibility.md), not part of the suite: it
// visits the demo's pages in each language, as a visitor and as each demo account, and writes
// per page axe's violations (wcag22aa included), targets under 24 px outside sentences, fixed
// and sticky elements, the footer's links, credential fields' autocomplete, cancelled pastes
// and draggable elements. Run it against a server with the demo loaded:
//   BASE=http://127.0.0.1:3000 [WIDTH=390] [LOCALES=en,ar] [VISITOR_ONLY=1] OUT=review.json node scripts/a11y-review.mjs
import { chromium } from "@playwright/test";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
// The very axe-core the suite injects (tests/e2e/support/fixtures.ts).
const AXE = createRequire(require.resolve("@axe-core/playwright"))("axe-core").source;
const BASE = process.env.BASE ?? "http://127.0.0.1:3000";
const LOCALES = (process.env.LOCALES ?? "en,ar,fr,es,ru,zh").split(",");
const WIDTH = Number(process.env.WIDTH ?? 1280);
const results = [];

async function check(page, path, locale, who) {
  const url = `${BASE}/${locale}${path}`;
  const res = await page.goto(url, { waitUntil: "load" }).catch((e) => ({ status: () => `ERR ${e.message}` }));
  await page.waitForTimeout(1200);
  const status = typeof res?.status === "function" ? res.status() : "?";
  const data = await page
    .evaluate(async (axeSource) => {
      if (!window.axe) eval(axeSource);
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        resultTypes: ["violations"],
      });
      const violations = r.violations.map(
        (v) =>
          `${v.id}(${v.nodes.length}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(" | ")}`,
      );
      // Interactive targets under 24x24 that are not inline in a sentence.
      const small = [];
      for (const el of document.querySelectorAll(
        "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])",
      )) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const cs = getComputedStyle(el);
        if (cs.visibility === "hidden") continue;
        if (r.width >= 24 && r.height >= 24) continue;
        const parent = el.parentElement;
        const inline = cs.display === "inline" && parent && [...parent.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim().length > 0);
        if (inline) continue;
        small.push(
          `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? "#" + el.getAttribute("data-testid") : ""} ${Math.round(r.width)}x${Math.round(r.height)} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`,
        );
      }
      const fixed = [...document.querySelectorAll("body *")]
        .filter((el) => ["fixed", "sticky"].includes(getComputedStyle(el).position) && el.getBoundingClientRect().height > 0)
        .map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute("data-testid") || el.className || "").toString().slice(0, 40)}`);
      const footer = document.querySelector("footer");
      const footerLinks = footer ? [...footer.querySelectorAll("a")].map((a) => new URL(a.href).pathname.split("/").slice(2).join("/")) : [];
      const creds = [
        ...document.querySelectorAll("input[type=password], input[autocomplete=one-time-code], input[autocomplete=username], input[autocomplete=new-password]"),
      ].map((i) => `${i.name}:${i.type}:${i.getAttribute("autocomplete")}`);
      const draggable = document.querySelectorAll("[draggable=true]").length;
      const pasteBlocked = [...document.querySelectorAll("input")]
        .filter((i) => {
          const dt = new DataTransfer();
          dt.setData("text/plain", "x");
          return !i.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
        })
        .map((i) => i.name);
      return { violations, small, fixed, footerLinks, creds, draggable, pasteBlocked, dir: document.documentElement.dir };
    }, AXE)
    .catch((e) => ({ error: String(e) }));
  results.push({ who, locale, path, status, ...data });
  process.stdout.write(`${who} ${locale} ${path} ${status} axe:${data.violations?.length ?? "?"} small:${data.small?.length ?? "?"}\n`);
}

const PUBLIC = [
  "",
  "/posts",
  "/hearing",
  "/conferences",
  "/about",
  "/how-it-works",
  "/privacy",
  "/accessibility",
  "/contact",
  "/sign-in",
  "/sign-in/forgot-password",
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
const ctx = await browser.newContext({ viewport: { width: WIDTH, height: 900 } });
const page = await ctx.newPage();
// Discover a post, a candidate, its forum, its ask page, a hearing page from the English home.
await page.goto(`${BASE}/en/posts`);
const extra = new Set();
for (const sel of ['a[href*="/posts/"]', 'a[href*="/candidates/"]']) {
  const href = await page
    .locator(sel)
    .first()
    .getAttribute("href")
    .catch(() => null);
  if (href) extra.add(href.replace(/^\/en/, ""));
}
const cand = [...extra].find((h) => h.includes("/candidates/"));
if (!cand) {
  await page.goto(`${BASE}/en${[...extra][0]}`);
  const c = await page
    .locator('a[href*="/candidates/"]')
    .first()
    .getAttribute("href")
    .catch(() => null);
  if (c) extra.add(c.replace(/^\/en/, ""));
}
const candidate = [...extra].find((h) => h.includes("/candidates/"));
if (candidate) {
  extra.add(`${candidate}/ask`);
  extra.add(`${candidate}/forum/1`);
}
await page.goto(`${BASE}/en/hearing`);
const hearings = await page.evaluate(() =>
  [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")).filter((h) => /\/hearing\/(?!verify)[^/]+$/.test(h)),
);
for (const h of hearings.slice(0, 1)) extra.add(h.replace(/^\/en/, ""));
extra.add("/hearing/verify");
const pages = [...PUBLIC, ...extra];
for (const locale of LOCALES) for (const p of pages) await check(page, p, locale, "visitor");

const ACCOUNTS = {
  candidate: ["candidate@demo.hustings.test", "demo-candidate", ["/my", "/my/forum", "/my/materials", "/my/profile", "/account/language"]],
  secretariat: ["secretariat@demo.hustings.test", "demo-secretariat", ["/admin", "/admin/users", "/admin/conferences", "/admin/audit", "/account/security"]],
  ethics: ["ethics@demo.hustings.test", "demo-ethics", ["/ethics"]],
  chair: ["chair@demo.hustings.test", "demo-chair", ["/chair"]],
  member: ["member@demo.hustings.test", "demo-member", ["/member", "/account/language"]],
};
for (const [who, [email, password, paths]] of Object.entries(process.env.VISITOR_ONLY ? {} : ACCOUNTS)) {
  const c = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await c.newPage();
  await p.goto(`${BASE}/en/sign-in`);
  await p.fill('input[name="email"]', email);
  await p.fill('input[name="password"]', password);
  await p.click('form button[type="submit"]');
  await p.waitForURL((u) => !u.pathname.endsWith("/sign-in"), { timeout: 20000 }).catch(() => {});
  process.stdout.write(`${who} signed in -> ${p.url()}\n`);
  for (const locale of LOCALES) for (const path of paths) await check(p, path, locale, who);
  await c.close();
}
await browser.close();
const fs = await import("node:fs");
fs.writeFileSync(process.env.OUT ?? "a11y-review.json", JSON.stringify(results, null, 1));
