import type { Locator, Page } from "@playwright/test";
import { FORUM_LIMITS } from "../../lib/forum/schema";
import { unique } from "../support/factories";
import { expect, signInAs, test } from "./support/fixtures";
import { failOnDialogs, openForum, xssCorpus } from "./support/forum";

// The XSS and injection corpus (tests/fixtures/xss/) as the browser shows it. What the server
// stores, refuses and exports is tests/integration/forum-xss.test.ts; here each payload is
// already stored, in every text field it fits in and as its own answer, and the pages that show
// visitor text are read in English and Arabic: the public forum (every page) and the
// candidate's queue. Nothing may run (a dialog or a console error fails the test, and some
// payloads set window.__forumXss), no element may come from it, and the page keeps its width
// and direction.

const TEXT_FIELDS = ["question-body", "question-answer", "question-asker", "question-country", "question-affiliation"];

/** The payload in every field it fits in (as the server would have stored it: one-line fields without line breaks). */
function fieldsFor(payload: string, index: number) {
  const text = payload.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
  const oneLine = text.replace(/\s*\n\s*/g, " ").trim();
  const fits = (max: number) => oneLine.length > 0 && oneLine.length <= max;
  return {
    askerName: fits(FORUM_LIMITS.name) ? oneLine : `Asker ${index}`,
    askerCountry: fits(FORUM_LIMITS.country) ? oneLine : null,
    askerAffiliation: fits(FORUM_LIMITS.affiliation) ? oneLine : null,
    body: text.trim(),
  };
}

const sorted = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort();

/** The exact text of each element, as the reader gets it. */
function texts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) => elements.map((e) => e.textContent ?? ""));
}

/** Visitor text on the page is text only: no element inside or made from it, isolated direction, wraps anywhere, the page no wider than the window. */
async function expectInert(page: Page) {
  const report = await page.evaluate((ids) => {
    const selector = ids.map((id) => `[data-testid="${id}"]`).join(",");
    const fields = [...document.querySelectorAll(selector)];
    const all = [...document.querySelectorAll("*")];
    return {
      fields: fields.length,
      withElements: fields.filter((f) => f.children.length > 0).map((f) => f.innerHTML.slice(0, 80)),
      // The app writes no inline handler and no frame; one on the page came from a payload.
      handlers: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith("on"))).map((e) => e.outerHTML.slice(0, 80)),
      frames: document.querySelectorAll("iframe, object, embed, frame, base, meta[http-equiv]").length,
      notIsolated: fields.filter((f) => !["isolate", "plaintext"].includes(getComputedStyle(f).unicodeBidi)).length,
      notWrapping: fields.filter((f) => getComputedStyle(f).overflowWrap !== "anywhere").length,
      ran: (window as unknown as { __forumXss?: unknown }).__forumXss ?? null,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      direction: getComputedStyle(document.body).direction,
    };
  }, TEXT_FIELDS);
  expect(report.fields).toBeGreaterThan(0);
  expect(report.withElements, "elements inside visitor text").toEqual([]);
  expect(report.handlers, "inline event handlers").toEqual([]);
  expect(report.frames, "frames, embeds or a <base>").toBe(0);
  expect(report.notIsolated, "visitor text without an isolated direction").toBe(0);
  expect(report.notWrapping, "visitor text that cannot wrap").toBe(0);
  expect(report.ran, "a payload ran").toBeNull();
  expect(report.overflow, "the page is wider than the window").toBeLessThanOrEqual(0);
  expect(report.direction).toBe((await page.locator("html").getAttribute("dir")) ?? "ltr");
}

test("stored hostile payloads are shown as text on the public forum and in the candidate's queue, in English and Arabic, and never run", async ({
  page,
  db,
}) => {
  test.setTimeout(300_000);
  const dialogs = failOnDialogs(page);
  const corpus = xssCorpus();
  const { candidate, user } = await openForum(db);
  const expected = corpus.map((p, i) => fieldsFor(p.payload, i));

  // Each payload twice: published with itself as the answer (the public pages), and waiting
  // (the queue's publish and decline forms name the asker in their labels).
  const base = Date.now() - 24 * 60 * 60 * 1000;
  const row = (q: (typeof expected)[number], i: number, status: "PUBLISHED" | "PENDING") => ({
    candidateId: candidate.id,
    ...q,
    bodyHash: unique("hash"),
    ipHash: unique("e2e-xss"),
    status,
    answer: status === "PUBLISHED" ? q.body : null,
    createdAt: new Date(base + i * 1000),
    publishedAt: status === "PUBLISHED" ? new Date(base + i * 1000) : null,
    answeredAt: status === "PUBLISHED" ? new Date(base + i * 1000) : null,
  });
  await db.forumQuestion.createMany({ data: [...expected.map((q, i) => row(q, i, "PUBLISHED")), ...expected.map((q, i) => row(q, i, "PENDING"))] });

  const pageSize = FORUM_LIMITS.pageSize;
  const pageCount = Math.ceil(corpus.length / pageSize);
  for (const locale of ["en", "ar"] as const) {
    const seen: Record<string, string[]> = Object.fromEntries(TEXT_FIELDS.map((f) => [f, []]));
    for (let n = 1; n <= pageCount; n++) {
      await page.goto(n === 1 ? `/${locale}/candidates/${candidate.id}` : `/${locale}/candidates/${candidate.id}/forum/${n}`);
      const bodies = page.getByTestId("forum-published").getByTestId("question-body");
      await expect(bodies).toHaveCount(n < pageCount ? pageSize : corpus.length - pageSize * (pageCount - 1));
      await expectInert(page);
      for (const field of TEXT_FIELDS) seen[field]!.push(...(await texts(page.getByTestId("forum-published").getByTestId(field))));
    }
    expect(seen["question-body"]!.sort()).toEqual(sorted(expected.map((q) => q.body)));
    expect(seen["question-answer"]!.sort()).toEqual(sorted(expected.map((q) => q.body)));
    expect(seen["question-asker"]!.sort()).toEqual(sorted(expected.map((q) => q.askerName)));
    expect(seen["question-country"]!.sort()).toEqual(sorted(expected.map((q) => q.askerCountry)));
    expect(seen["question-affiliation"]!.sort()).toEqual(sorted(expected.map((q) => q.askerAffiliation)));
  }

  await signInAs(page, user);
  // Waiting (the asker's name also in the forms' labels) in both languages; published (with the answer and its edit form) once.
  for (const [locale, status] of [
    ["en", "PENDING"],
    ["ar", "PENDING"],
    ["en", "PUBLISHED"],
  ] as const) {
    await page.goto(`/${locale}/my/forum?status=${status}`);
    const queue = page.getByTestId("queue");
    await expect(queue.getByTestId("queue-item")).toHaveCount(corpus.length);
    expect((await texts(queue.getByTestId("question-body"))).sort()).toEqual(sorted(expected.map((q) => q.body)));
    expect((await texts(queue.getByTestId("question-asker"))).sort()).toEqual(sorted(expected.map((q) => q.askerName)));
    expect((await texts(queue.getByTestId("question-country"))).sort()).toEqual(sorted(expected.map((q) => q.askerCountry)));
    expect((await texts(queue.getByTestId("question-affiliation"))).sort()).toEqual(sorted(expected.map((q) => q.askerAffiliation)));
    if (status === "PUBLISHED") expect((await texts(queue.getByTestId("question-answer"))).sort()).toEqual(sorted(expected.map((q) => q.body)));
    await expectInert(page);
  }

  expect(dialogs, "dialogs opened by a payload").toEqual([]);
});
