import type { Locator, Page } from "@playwright/test";
import { makeUser } from "../support/factories";
import { expect, signInAs, test } from "./support/fixtures";
import { ask, askForm, failOnDialogs, openForum, POST_PREFETCH_404, spreadOut, xssCorpus } from "./support/forum";
import { parseCsv } from "../support/csv";

// The XSS and injection corpus (tests/fixtures/xss/: 127 of our own, plus a sample of the shared public list when present) through every field of
// the ask form and the candidate's answer, then read back wherever it is shown: the
// candidate's queue, the public forum (every page), the secretariat's queue, the CSV and
// JSON exports. Nothing may run (a dialog or a console error fails the test, and some
// payloads set window.__forumXss), no element may come from it, and the page must keep its
// width and direction.

const LIMITS = { name: 100, country: 100, affiliation: 200, body: 2000 };
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// What the server keeps of a field (lib/forum/schema.ts): CR LF made LF, control characters
// dropped, trimmed; a one-line field's line breaks become a space.
const paragraphs = (value: string) => value.replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
const line = (value: string) => paragraphs(value).replace(/\s*\n\s*/g, " ").trim();

type Sent = { askerName: string; askerCountry: string | null; askerAffiliation: string | null; body: string };

function questionFor(payload: string, index: number): Sent {
  const fits = (max: number) => line(payload).length > 0 && line(payload).length <= max;
  return {
    askerName: fits(LIMITS.name) ? payload : `Asker ${index}`,
    askerCountry: fits(LIMITS.country) ? payload : null,
    askerAffiliation: fits(LIMITS.affiliation) ? payload : null,
    body: payload,
  };
}

function stored(q: Sent): Sent {
  return {
    askerName: line(q.askerName),
    askerCountry: q.askerCountry === null ? null : line(q.askerCountry),
    askerAffiliation: q.askerAffiliation === null ? null : line(q.askerAffiliation),
    body: paragraphs(q.body),
  };
}

const sorted = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort();

/** The exact text of each element, as the reader gets it. */
function texts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) => elements.map((e) => e.textContent ?? ""));
}

const TEXT_FIELDS = ["question-body", "question-answer", "question-asker", "question-country", "question-affiliation"];

/** Visitor text on the page is text only: no element inside, isolated direction, wraps anywhere, the page no wider than the window. */
async function expectInert(page: Page) {
  const report = await page.evaluate((ids) => {
    const selector = ids.map((id) => `[data-testid="${id}"]`).join(",");
    const fields = [...document.querySelectorAll(selector)];
    return {
      fields: fields.length,
      withElements: fields.filter((f) => f.children.length > 0).map((f) => f.innerHTML.slice(0, 80)),
      notIsolated: fields.filter((f) => !["isolate", "plaintext"].includes(getComputedStyle(f).unicodeBidi)).length,
      notWrapping: fields.filter((f) => getComputedStyle(f).overflowWrap !== "anywhere").length,
      ran: (window as unknown as { __forumXss?: unknown }).__forumXss ?? null,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      direction: getComputedStyle(document.body).direction,
    };
  }, TEXT_FIELDS);
  expect(report.fields).toBeGreaterThan(0);
  expect(report.withElements, "elements inside visitor text").toEqual([]);
  expect(report.notIsolated, "visitor text without an isolated direction").toBe(0);
  expect(report.notWrapping, "visitor text that cannot wrap").toBe(0);
  expect(report.ran, "a payload ran").toBeNull();
  expect(report.overflow, "the page is wider than the window").toBeLessThanOrEqual(0);
  expect(report.direction).toBe((await page.locator("html").getAttribute("dir")) ?? "ltr");
}

// A cell a spreadsheet would run as a formula carries a leading quote (OWASP CSV injection).
const csvSafe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

test("every payload of the corpus, through every field, is shown as text in the queue, the public forum, the console and the exports, and never runs", async ({ page, db, consoleErrors }) => {
  test.setTimeout(600_000);
  // Refused e-mail addresses come back as 400, repeats as 409: the browser logs them.
  consoleErrors.allow(/status of (400|409)/);
  consoleErrors.allow(POST_PREFETCH_404);
  const dialogs = failOnDialogs(page);
  const corpus = xssCorpus();
  expect(corpus.filter((p) => p.source === "hand-written").length).toBeGreaterThanOrEqual(100);
  const { candidate, user } = await openForum(db);
  const sent = corpus.map((p, i) => questionFor(p.payload, i));

  // A few through the form itself, typed into every field (one-line payloads: an input drops line breaks).
  await page.goto(`/en/candidates/${candidate.id}`);
  const typed = corpus
    .map((p, i) => ({ ...p, i }))
    .filter((p) => ["sets a global if it runs", "right-to-left override", "SVG", "SQL fragment"].includes(p.category) && !p.payload.includes("\n") && p.payload.length <= LIMITS.name)
    .filter((p, index, all) => all.findIndex((q) => q.category === p.category) === index);
  expect(typed).toHaveLength(4);
  for (const p of typed) {
    await ask(page, { name: p.payload, country: p.payload, affiliation: p.payload, body: p.payload });
    await expect(askForm(page).getByTestId("ask-sent")).toBeVisible();
    await spreadOut(db, candidate.id);
    await askForm(page).getByLabel("Member State or country").fill("");
    await askForm(page).getByLabel("Affiliation").fill("");
  }
  // The e-mail field refuses them, with a translated message and nothing stored.
  const mailPayload = corpus.find((p) => p.payload.includes("@x.y"))!.payload;
  await ask(page, { name: "Mail tester", email: mailPayload, body: `${mailPayload} (e-mail)` });
  await expect(askForm(page).getByTestId("ask-error-askerEmail")).toBeVisible();
  await expect(askForm(page).getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");
  await askForm(page).getByLabel("E-mail address").fill("");
  expect(await page.evaluate(() => (window as unknown as { __forumXss?: unknown }).__forumXss ?? null)).toBeNull();

  // The rest through the same endpoint the form posts to.
  const typedIndexes = new Set(typed.map((p) => p.i));
  for (const [i, q] of sent.entries()) {
    if (typedIndexes.has(i)) continue;
    const response = await page.request.post("/api/forum/questions?locale=en", { data: { candidateId: candidate.id, ...q, askerEmail: `asker${i}@example.org`, website: "" } });
    expect(response.status(), corpus[i]!.payload).toBe(201);
    await spreadOut(db, candidate.id);
  }
  // Every payload in the e-mail field: refused as an address (400) or, were it one, as a repeat (409); never stored.
  for (const [i, p] of corpus.entries()) {
    const response = await page.request.post("/api/forum/questions?locale=en", { data: { candidateId: candidate.id, askerName: "Mail tester", askerEmail: p.payload, body: sent[i]!.body } });
    expect([400, 409], p.payload).toContain(response.status());
    if (response.status() === 400) expect(Object.keys(((await response.json()) as { fieldErrors: object }).fieldErrors)).toContain("askerEmail");
  }
  expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(corpus.length);
  const expected = sent.map(stored);

  // The candidate's queue: every payload, as text.
  await signInAs(page, "en", user);
  await page.goto("/en/my/forum");
  const queue = page.getByTestId("queue");
  await expect(queue.getByTestId("queue-item")).toHaveCount(corpus.length);
  expect((await texts(queue.getByTestId("question-body"))).sort()).toEqual(sorted(expected.map((q) => q.body)));
  expect((await texts(queue.getByTestId("question-asker"))).sort()).toEqual(sorted(expected.map((q) => q.askerName)));
  expect((await texts(queue.getByTestId("question-country"))).sort()).toEqual(sorted(expected.map((q) => q.askerCountry)));
  expect((await texts(queue.getByTestId("question-affiliation"))).sort()).toEqual(sorted(expected.map((q) => q.askerAffiliation)));
  await expectInert(page);

  // Published, each answered with its own payload: all but three straight in the database,
  // those three through the publish form (which also revalidates the public pages).
  const rows = await db.forumQuestion.findMany({ where: { candidateId: candidate.id }, select: { id: true, body: true }, orderBy: { createdAt: "asc" } });
  const byForm = rows.slice(0, 3);
  const now = Date.now();
  for (const [k, row] of rows.slice(3).entries()) {
    await db.forumQuestion.update({ where: { id: row.id }, data: { status: "PUBLISHED", publishedAt: new Date(now - 60_000 - k * 1000), answer: row.body, answeredAt: new Date(now - 60_000 - k * 1000) } });
  }
  for (const row of byForm) {
    await page.goto("/en/my/forum");
    const item = page.locator(`[data-testid="queue-item"][data-question-id="${row.id}"]`);
    await item.getByRole("form", { name: /^Publish the question from/ }).getByLabel("Answer (optional)").fill(row.body);
    await item.getByRole("form", { name: /^Publish the question from/ }).getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("done-notice")).toHaveText("The question and your answer are published.");
  }
  await page.goto("/en/my/forum?status=PUBLISHED");
  expect((await texts(page.getByTestId("queue").getByTestId("question-answer"))).sort()).toEqual(sorted(expected.map((q) => q.body)));
  await expectInert(page);

  // The public forum, every page, in English and in Arabic.
  await page.context().clearCookies();
  const pageCount = Math.ceil(corpus.length / 20);
  for (const locale of ["en", "ar"] as const) {
    const seen: Record<string, string[]> = Object.fromEntries(TEXT_FIELDS.map((f) => [f, []]));
    for (let n = 1; n <= pageCount; n++) {
      const path = n === 1 ? `/${locale}/candidates/${candidate.id}` : `/${locale}/candidates/${candidate.id}/forum/${n}`;
      await expect(async () => {
        await page.goto(path);
        await expect(page.getByTestId("forum-published").getByTestId("question-body")).toHaveCount(n < pageCount ? 20 : corpus.length - 20 * (pageCount - 1), { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expectInert(page);
      for (const field of TEXT_FIELDS) seen[field]!.push(...(await texts(page.getByTestId("forum-published").getByTestId(field))));
    }
    expect(seen["question-body"]!.sort()).toEqual(sorted(expected.map((q) => q.body)));
    expect(seen["question-answer"]!.sort()).toEqual(sorted(expected.map((q) => q.body)));
    expect(seen["question-asker"]!.sort()).toEqual(sorted(expected.map((q) => q.askerName)));
    expect(seen["question-country"]!.sort()).toEqual(sorted(expected.map((q) => q.askerCountry)));
    expect(seen["question-affiliation"]!.sort()).toEqual(sorted(expected.map((q) => q.askerAffiliation)));
  }

  // The secretariat's console.
  const secretariat = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", secretariat);
  await page.goto(`/en/admin/forum?candidate=${candidate.id}`);
  await expect(page.getByTestId("queue").getByTestId("queue-item")).toHaveCount(corpus.length);
  expect((await texts(page.getByTestId("queue").getByTestId("question-body"))).sort()).toEqual(sorted(expected.map((q) => q.body)));
  await expectInert(page);

  // Open data: JSON gives back each text exactly; CSV too, formulas defused.
  const json = (await (await page.request.get(`/api/forum/export?format=json&candidate=${candidate.id}`)).json()) as {
    questions: { askerName: string; askerCountry: string | null; askerAffiliation: string | null; question: string; answer: string | null }[];
  };
  expect(json.questions).toHaveLength(corpus.length);
  expect(json.questions.map((q) => q.question).sort()).toEqual(sorted(expected.map((q) => q.body)));
  expect(json.questions.map((q) => q.answer).sort()).toEqual(sorted(expected.map((q) => q.body)));
  expect(sorted(json.questions.map((q) => q.askerName))).toEqual(sorted(expected.map((q) => q.askerName)));
  expect(sorted(json.questions.map((q) => q.askerCountry))).toEqual(sorted(expected.map((q) => q.askerCountry)));
  expect(sorted(json.questions.map((q) => q.askerAffiliation))).toEqual(sorted(expected.map((q) => q.askerAffiliation)));
  expect(JSON.stringify(json)).not.toContain("@example.org");

  const csvResponse = await page.request.get(`/api/forum/export?format=csv&candidate=${candidate.id}`);
  expect(csvResponse.headers()["content-type"]).toContain("text/csv");
  const [header, ...records] = parseCsv((await csvResponse.text()).replace(/^\uFEFF/, ""));
  expect(header).toContain("question");
  const column = (name: string) => records.map((r) => r[header!.indexOf(name)] ?? "");
  expect(records).toHaveLength(corpus.length);
  expect(column("question").sort()).toEqual(sorted(expected.map((q) => csvSafe(q.body))));
  expect(column("answer").sort()).toEqual(sorted(expected.map((q) => csvSafe(q.body))));
  expect(column("asker_name").sort()).toEqual(sorted(expected.map((q) => csvSafe(q.askerName))));
  expect(records.flat().filter((cell) => /^[=+\-@]/.test(cell)), "cells a spreadsheet would run").toEqual([]);

  expect(dialogs, "dialogs opened by a payload").toEqual([]);
});
