import type { Page } from "@playwright/test";
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

/**
 * Visitor text on the page is text only: no element inside or made from it, isolated direction,
 * wraps anywhere, the page no wider than the window. Returns the exact text of each field inside
 * `scope` (a test id), as the reader gets it: one round trip to the page for all of it, not one
 * per field (docs/testing.md).
 */
async function expectInert(page: Page, scope: string): Promise<Record<string, string[]>> {
  const report = await page.evaluate(
    ({ ids, scope }) => {
      const selector = ids.map((id) => `[data-testid="${id}"]`).join(",");
      const fields = [...document.querySelectorAll(selector)];
      const all = [...document.querySelectorAll("*")];
      return {
        texts: Object.fromEntries(
          ids.map((id) => [id, [...document.querySelectorAll(`[data-testid="${scope}"] [data-testid="${id}"]`)].map((e) => e.textContent ?? "")]),
        ),
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
        dir: document.documentElement.getAttribute("dir"),
      };
    },
    { ids: TEXT_FIELDS, scope },
  );
  expect(report.fields).toBeGreaterThan(0);
  expect(report.withElements, "elements inside visitor text").toEqual([]);
  expect(report.handlers, "inline event handlers").toEqual([]);
  expect(report.frames, "frames, embeds or a <base>").toBe(0);
  expect(report.notIsolated, "visitor text without an isolated direction").toBe(0);
  expect(report.notWrapping, "visitor text that cannot wrap").toBe(0);
  expect(report.ran, "a payload ran").toBeNull();
  expect(report.overflow, "the page is wider than the window").toBeLessThanOrEqual(0);
  expect(report.direction).toBe(report.dir ?? "ltr");
  return report.texts;
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
      await page.goto(`/${locale}/candidates/${candidate.id}/forum/${n}`);
      const bodies = page.getByTestId("forum-published").getByTestId("question-body");
      await expect(bodies).toHaveCount(n < pageCount ? pageSize : corpus.length - pageSize * (pageCount - 1));
      const shown = await expectInert(page, "forum-published");
      for (const field of TEXT_FIELDS) seen[field]!.push(...shown[field]!);
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
    const shown = await expectInert(page, "queue");
    expect(shown["question-body"]!.sort()).toEqual(sorted(expected.map((q) => q.body)));
    expect(shown["question-asker"]!.sort()).toEqual(sorted(expected.map((q) => q.askerName)));
    expect(shown["question-country"]!.sort()).toEqual(sorted(expected.map((q) => q.askerCountry)));
    expect(shown["question-affiliation"]!.sort()).toEqual(sorted(expected.map((q) => q.askerAffiliation)));
    if (status === "PUBLISHED") expect(shown["question-answer"]!.sort()).toEqual(sorted(expected.map((q) => q.body)));
  }

  expect(dialogs, "dialogs opened by a payload").toEqual([]);
});
