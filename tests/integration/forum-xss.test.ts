import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/forum/export/route";
import { POST as askRoute } from "@/app/api/forum/questions/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { publishQuestion } from "@/lib/forum/moderate";
import { getForumQueueForSecretariat, getOwnForumQueue, getPublicForum } from "@/lib/forum/queries";
import { FORUM_LIMITS } from "@/lib/forum/schema";
import { neutraliseFormulas } from "@/lib/http/csv";
import { withAppDatabase } from "../support/app-database";
import { parseCsv } from "../support/csv";
import { asActor, makeUser } from "../support/factories";
import { makeForumCandidate, someAddress } from "../support/factories-forum";

// The XSS and injection corpus (tests/fixtures/xss/payloads.json) through the server: every
// payload in every text field of a question it fits in, as the ask form posts it, then read
// back from every list that shows it (the candidate's queue, the secretariat's, the public
// pages) and from the open-data exports. What is stored is exactly what was typed, cleaned as
// lib/forum/schema.ts says and nothing more; the e-mail field refuses every payload; CSV
// cells a spreadsheet would run are defused. That the pages render it as text is the
// browser's part (tests/e2e/forum-xss.spec.ts).

vi.mock("next/cache", () => ({ revalidateTag: () => undefined, updateTag: () => undefined, revalidatePath: () => undefined }));

type Payload = { category: string; source: string; payload: string };
const corpus = JSON.parse(readFileSync(path.resolve("tests/fixtures/xss/payloads.json"), "utf8")) as Payload[];

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

// What the server keeps of a field: CR LF made LF, control characters dropped, trimmed; a
// one-line field's line breaks become a space.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (value: string) => value.replace(/\r\n?/g, "\n").replace(CONTROL, "");
const paragraphs = (value: string) => clean(value).trim();
const line = (value: string) =>
  clean(value)
    .replace(/\s*\n\s*/g, " ")
    .trim();

type Fields = { askerName: string; askerCountry: string | null; askerAffiliation: string | null; body: string };

/** The payload in every field it fits in; a field it does not fit gets plain text. */
function questionFor(payload: string, index: number): Fields {
  const fits = (max: number) => line(payload).length > 0 && line(payload).length <= max;
  return {
    askerName: fits(FORUM_LIMITS.name) ? payload : `Asker ${index}`,
    askerCountry: fits(FORUM_LIMITS.country) ? payload : null,
    askerAffiliation: fits(FORUM_LIMITS.affiliation) ? payload : null,
    body: payload,
  };
}

function stored(q: Fields): Fields {
  return {
    askerName: line(q.askerName),
    askerCountry: q.askerCountry === null ? null : line(q.askerCountry),
    askerAffiliation: q.askerAffiliation === null ? null : line(q.askerAffiliation),
    body: paragraphs(q.body),
  };
}

const sorted = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort();
const pick = (items: Fields[], field: keyof Fields) => sorted(items.map((q) => q[field]));

function ask(body: unknown) {
  return askRoute(
    new Request("http://localhost/api/forum/questions?locale=en", {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/json", "x-forwarded-for": someAddress() },
      body: JSON.stringify(body),
    }),
  );
}

/** Moves a forum's questions a day back, so that the next one meets no per-forum limit (FORUM_RATE_LIMITS). */
async function spreadOut(candidateId: string) {
  await db.$executeRaw`UPDATE "ForumQuestion" SET "createdAt" = "createdAt" - interval '1 day' WHERE "candidateId" = ${candidateId}`;
}

// A spreadsheet runs a cell, or a piece after a separator, that starts with one of = + - @
// TAB CR (OWASP CSV injection): the export puts a quote before it (lib/http/csv.ts).
const csvSafe = neutraliseFormulas;

describe("the XSS and injection corpus through the forum's server", () => {
  it("has at least a hundred payloads of our own, each distinct under the repeat rule and within the question's limit", () => {
    expect(corpus.filter((p) => p.source === "hand-written").length).toBeGreaterThanOrEqual(100);
    expect(corpus.every((p) => paragraphs(p.payload).length > 0 && paragraphs(p.payload).length <= FORUM_LIMITS.body)).toBe(true);
    expect(corpus.some((p) => p.payload.includes("@x.y"))).toBe(true);
  });

  it("stores every payload as typed, refuses it as an e-mail address, lists it in both queues, publishes it and exports it exactly, formulas defused", async () => {
    const { candidate, user, conferenceId } = await makeForumCandidate(db);
    await db.conference.update({ where: { id: conferenceId }, data: { forumClosesAt: new Date("2099-01-01T00:00:00Z") } });
    const sent = corpus.map((p, i) => questionFor(p.payload, i));
    const expected = sent.map(stored);

    // Accepted, each with an address that is left in the database only to tell the asker.
    for (const [i, q] of sent.entries()) {
      const response = await ask({ candidateId: candidate.id, ...q, askerEmail: `asker${i}@example.org`, website: "" });
      expect(response.status, corpus[i]!.payload).toBe(201);
      await spreadOut(candidate.id);
    }
    const rows = await db.forumQuestion.findMany({
      where: { candidateId: candidate.id },
      select: { id: true, askerName: true, askerCountry: true, askerAffiliation: true, body: true },
    });
    expect(rows).toHaveLength(corpus.length);
    const byBody = new Map(rows.map((r) => [r.body, r]));
    for (const [i, q] of expected.entries()) {
      const { id: _id, ...row } = byBody.get(q.body) ?? { id: "", body: `(missing) ${corpus[i]!.payload}` };
      expect(row, corpus[i]!.payload).toEqual(q);
    }

    // Every payload as the e-mail address, with a question of its own: refused on that field, nothing stored.
    for (const [i, p] of corpus.entries()) {
      const response = await ask({ candidateId: candidate.id, askerName: "Mail tester", askerEmail: p.payload, body: `Mail test ${i}`, website: "" });
      expect(response.status, p.payload).toBe(400);
      expect(Object.keys(((await response.json()) as { fieldErrors: object }).fieldErrors), p.payload).toEqual(["askerEmail"]);
    }
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(corpus.length);

    // The candidate's queue and the secretariat's give back each text exactly, never an address.
    const actor = asActor(user);
    const secretariat = asActor(await makeUser(db, "SECRETARIAT"));
    for (const queue of [await getOwnForumQueue(actor), await getForumQueueForSecretariat(secretariat, { candidateId: candidate.id })]) {
      expect(queue).toHaveLength(corpus.length);
      for (const field of ["body", "askerName", "askerCountry", "askerAffiliation"] as const) expect(pick(queue, field), field).toEqual(pick(expected, field));
      expect(JSON.stringify(queue)).not.toContain("@example.org");
    }

    // Published, each answered with its own payload (the answer goes through the same cleaning as a question).
    for (const row of rows) await publishQuestion({ actor, input: { id: row.id, answer: row.body } });
    const published = await getOwnForumQueue(actor, { status: "PUBLISHED" });
    expect(sorted(published.map((q) => q.answer))).toEqual(pick(expected, "body"));

    // The public pages, all of them.
    const first = await getPublicForum(candidate.id, 1);
    expect(first.total).toBe(corpus.length);
    const shown = [...first.items];
    for (let n = 2; n <= first.pageCount; n++) shown.push(...(await getPublicForum(candidate.id, n)).items);
    for (const field of ["body", "askerName", "askerCountry", "askerAffiliation"] as const) expect(pick(shown, field), field).toEqual(pick(expected, field));
    expect(sorted(shown.map((q) => q.answer))).toEqual(pick(expected, "body"));

    // JSON gives back each text exactly, as JSON that nothing sniffs as a page.
    const jsonResponse = await exportRoute(new Request(`http://localhost/api/forum/export?format=json&candidate=${candidate.id}`));
    expect(jsonResponse.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(jsonResponse.headers.get("x-content-type-options")).toBe("nosniff");
    const jsonText = await jsonResponse.text();
    expect(jsonText).not.toContain("@example.org");
    const json = JSON.parse(jsonText) as {
      questions: { askerName: string; askerCountry: string | null; askerAffiliation: string | null; question: string; answer: string | null }[];
    };
    expect(json.questions).toHaveLength(corpus.length);
    expect(sorted(json.questions.map((q) => q.question))).toEqual(pick(expected, "body"));
    expect(sorted(json.questions.map((q) => q.answer))).toEqual(pick(expected, "body"));
    expect(sorted(json.questions.map((q) => q.askerName))).toEqual(pick(expected, "askerName"));
    expect(sorted(json.questions.map((q) => q.askerCountry))).toEqual(pick(expected, "askerCountry"));
    expect(sorted(json.questions.map((q) => q.askerAffiliation))).toEqual(pick(expected, "askerAffiliation"));

    // CSV: the same texts, every cell a spreadsheet would run defused with a leading quote.
    const csvResponse = await exportRoute(new Request(`http://localhost/api/forum/export?format=csv&candidate=${candidate.id}`));
    expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csvResponse.headers.get("x-content-type-options")).toBe("nosniff");
    const csvText = await csvResponse.text();
    expect(csvText).not.toContain("@example.org");
    const [header, ...records] = parseCsv(csvText.replace(/^\uFEFF/, ""));
    expect(records).toHaveLength(corpus.length);
    const column = (name: string) =>
      records
        .map((r) => r[header!.indexOf(name)] ?? "")
        .filter((cell) => cell !== "")
        .sort();
    const safe = (field: keyof Fields) => sorted(expected.map((q) => (q[field] === null ? null : csvSafe(q[field]))));
    expect(column("question")).toEqual(safe("body"));
    expect(column("answer")).toEqual(safe("body"));
    expect(column("asker_name")).toEqual(safe("askerName"));
    expect(column("asker_country")).toEqual(safe("askerCountry"));
    expect(column("asker_affiliation")).toEqual(safe("askerAffiliation"));
    expect(
      records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell)),
      "cells a spreadsheet would run",
    ).toEqual([]);
  }, 180_000);
});
