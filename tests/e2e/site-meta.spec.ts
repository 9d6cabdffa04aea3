import { expect, test } from "./support/fixtures";
import { makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// docs/site-meta.md: every public page names its six language versions and x-default, and
// describes itself for link previews; a time zone is shown by its name, never its IANA id.

/** The attributes of every `<tag …>` in the document's head, names lower-cased. */
function headTags(html: string, tag: "link" | "meta"): Record<string, string>[] {
  const head = html.slice(0, html.indexOf("</head>"));
  return [...head.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, "gi"))].map((m) =>
    Object.fromEntries([...(m[1] ?? "").matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)].map((a) => [(a[1] ?? "").toLowerCase(), (a[2] ?? "").replace(/&amp;/g, "&")])),
  );
}

test("a candidate's page has its language alternates, its preview, and the conference's zone by name", async ({ page, db, baseURL }) => {
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference), { account: false });
  const origin = new URL(baseURL!).origin;
  const path = `/candidates/${candidate.id}`;

  // As a link preview fetches it: Next puts a crawler's metadata in the head, never streamed after the body.
  const response = await page.request.get(`/fr${path}`, { headers: { "user-agent": "facebookexternalhit/1.1" } });
  expect(response.status()).toBe(200);
  const html = await response.text();

  const alternates = Object.fromEntries(
    headTags(html, "link")
      .filter((l) => l.rel === "alternate" && l.hreflang)
      .map((l) => [l.hreflang, l.href]),
  );
  expect(alternates).toEqual({
    ar: `${origin}/ar${path}`,
    en: `${origin}/en${path}`,
    es: `${origin}/es${path}`,
    fr: `${origin}/fr${path}`,
    ru: `${origin}/ru${path}`,
    zh: `${origin}/zh${path}`,
    "x-default": `${origin}${path}`,
  });
  expect(headTags(html, "link").find((l) => l.rel === "canonical")?.href).toBe(`${origin}/fr${path}`);

  const og = (property: string) =>
    headTags(html, "meta")
      .filter((m) => m.property === property)
      .map((m) => m.content);
  expect(og("og:title")).toEqual([candidate.name]);
  expect(og("og:type")).toEqual(["profile"]);
  expect(og("og:url")).toEqual([`${origin}/fr${path}`]);
  expect(og("og:locale")).toEqual(["fr_FR"]);
  expect(og("og:locale:alternate")).toEqual([]);
  expect(og("og:site_name")).toEqual(["Hustings"]);
  expect(og("og:description")[0]).toBeTruthy();
  expect(og("og:image")).toEqual([`${origin}/og-image.png`]);
  expect((await page.request.get("/og-image.png")).headers()["content-type"]).toBe("image/png");
  // X reads the Open Graph image: its card type only, no twitter:image repeating og:image.
  const twitter = (name: string) =>
    headTags(html, "meta")
      .filter((m) => m.name === name)
      .map((m) => m.content);
  expect(twitter("twitter:card")).toEqual(["summary_large_image"]);
  expect(twitter("twitter:image")).toEqual([]);

  await page.goto(`/en${path}`);
  await expect(page.getByText("Gulf Standard Time, GMT+4").first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Asia/Dubai");
});

test("a page of the site's own has its alternates and preview in its language", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const html = await (await page.request.get("/ar/about", { headers: { "user-agent": "facebookexternalhit/1.1" } })).text();
  const links = headTags(html, "link");
  expect(links.find((l) => l.rel === "alternate" && l.hreflang === "x-default")?.href).toBe(`${origin}/about`);
  expect(links.find((l) => l.rel === "alternate" && l.hreflang === "zh")?.href).toBe(`${origin}/zh/about`);
  const meta = headTags(html, "meta");
  expect(meta.find((m) => m.property === "og:locale")?.content).toBe("ar_AR");
  expect(meta.find((m) => m.property === "og:url")?.content).toBe(`${origin}/ar/about`);
});
