import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { exportForum } from "@/lib/forum/export";
import { withdrawQuestion } from "@/lib/forum/moderate";
import { getForumCounts, getForumWindow, getPublicForum } from "@/lib/forum/queries";
import { FORUM_LIMITS } from "@/lib/forum/schema";
import { withAppDatabase } from "../support/app-database";
import { parseCsv } from "../support/csv";
import { asActor } from "../support/factories";
import { makeForumCandidate, makeQuestion } from "../support/factories-forum";
import { refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

const at = (day: number, hour = 0) => new Date(Date.UTC(2030, 5, day, hour));
const EMAIL = "secret.asker@example.org";

/** A forum with one question in each state, each with text that says what it is. */
async function forumWithEveryState() {
  const { candidate } = await makeForumCandidate(db);
  type Extra = NonNullable<Parameters<typeof makeQuestion>[2]>;
  const make = (status: Extra["status"], extra: Extra = {}) =>
    makeQuestion(db, candidate.id, { status, body: `${status} text ${candidate.id}`, askerEmail: EMAIL, ...extra });
  await make("PENDING");
  await make("DECLINED", { reason: "DECLINE-REASON kept private." });
  await make("WITHDRAWN", { answer: "WITHDRAWN answer", reason: "WITHDRAW-REASON kept private." });
  await make("HIDDEN", { answer: "HIDDEN answer", reason: "HIDE-REASON kept private." });
  await make("PUBLISHED", { answer: "PUBLISHED answer" });
  await makeQuestion(db, candidate.id, { status: "PUBLISHED", body: `PUBLISHED unanswered ${candidate.id}`, askerEmail: EMAIL });
  return candidate;
}

const SECRET = /PENDING|DECLINED|WITHDRAWN|HIDDEN|REASON|secret\.asker/;

describe("the public forum", () => {
  it("shows published questions, and the withdrawn ones as such: never pending, declined, withdrawn or hidden text, nor an address", async () => {
    const candidate = await forumWithEveryState();
    const forum = await getPublicForum(candidate.id, 1);
    expect(forum.total).toBe(3);
    const shown = forum.items.filter((q) => !q.withdrawn);
    expect(shown.map((q) => q.body).sort()).toEqual([`PUBLISHED text ${candidate.id}`, `PUBLISHED unanswered ${candidate.id}`]);
    // The question published then withdrawn keeps its place, last, with its date only (docs/domain.md#forum-fairness).
    const withdrawn = await db.forumQuestion.findFirstOrThrow({ where: { candidateId: candidate.id, status: "WITHDRAWN" } });
    expect(forum.items.at(-1)).toEqual({
      id: withdrawn.id,
      withdrawn: true,
      askerName: "",
      askerCountry: null,
      askerAffiliation: null,
      body: "",
      answer: null,
      answeredAt: null,
      publishedAt: withdrawn.publishedAt,
      supports: 0,
    });
    expect(JSON.stringify(forum)).not.toMatch(SECRET);
    expect(Object.keys(forum.items[0] ?? {}).sort()).toEqual([
      "answer",
      "answeredAt",
      "askerAffiliation",
      "askerCountry",
      "askerName",
      "body",
      "id",
      "publishedAt",
      "supports",
      "withdrawn",
    ]);
  });

  it("lists answered questions first, newest answer first, then the unanswered, newest first, page by page", async () => {
    const { candidate } = await makeForumCandidate(db);
    const ids: Record<string, string> = {};
    // 12 answered (answer times day 1..12) and 13 unanswered (published day 1..13): 25, two pages of 20.
    for (let d = 1; d <= 12; d++)
      ids[`a${d}`] = (await makeQuestion(db, candidate.id, { status: "PUBLISHED", answer: `answer ${d}`, publishedAt: at(1), answeredAt: at(d, 12) })).id;
    for (let d = 1; d <= 13; d++) ids[`u${d}`] = (await makeQuestion(db, candidate.id, { status: "PUBLISHED", publishedAt: at(d) })).id;
    await makeQuestion(db, candidate.id, { status: "PENDING" });
    const first = await getPublicForum(candidate.id, 1);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 25 });
    const expected = [...Array.from({ length: 12 }, (_, i) => ids[`a${12 - i}`]), ...Array.from({ length: 13 }, (_, i) => ids[`u${13 - i}`])];
    expect(first.items).toHaveLength(FORUM_LIMITS.pageSize);
    const second = await getPublicForum(candidate.id, 2);
    expect(second.items).toHaveLength(5);
    expect([...first.items, ...second.items].map((q) => q.id)).toEqual(expected);
  });

  it("reads a page out of range as the nearest page, and an empty forum as one empty page", async () => {
    const { candidate } = await makeForumCandidate(db);
    for (let i = 0; i < 3; i++) await makeQuestion(db, candidate.id, { status: "PUBLISHED" });
    expect(await getPublicForum(candidate.id, 99)).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect(await getPublicForum(candidate.id, -3)).toMatchObject({ page: 1 });
    expect(await getPublicForum(candidate.id, Number.NaN)).toMatchObject({ page: 1 });
    const empty = (await makeForumCandidate(db)).candidate;
    expect(await getPublicForum(empty.id, 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe("the counts", () => {
  it("are the same five numbers for every candidate: received (all), published (withdrawn included), answered, declined, withdrawn", async () => {
    const busy = await forumWithEveryState();
    const quiet = (await makeForumCandidate(db)).candidate;
    await makeQuestion(db, quiet.id, { status: "DECLINED" });
    const counts = await getForumCounts([busy.id, quiet.id, "unknown-candidate"]);
    expect(counts.get(busy.id)).toEqual({ received: 6, published: 3, answered: 1, declined: 1, withdrawn: 1 });
    expect(counts.get(quiet.id)).toEqual({ received: 1, published: 0, answered: 0, declined: 1, withdrawn: 0 });
    expect(counts.get("unknown-candidate")).toEqual({ received: 0, published: 0, answered: 0, declined: 0, withdrawn: 0 });
    expect((await getForumCounts([])).size).toBe(0);
  });

  it("change when a question is published and answered, and keep it when the candidate withdraws it", async () => {
    const { candidate } = await makeForumCandidate(db);
    const q = await makeQuestion(db, candidate.id);
    expect((await getForumCounts([candidate.id])).get(candidate.id)).toEqual({ received: 1, published: 0, answered: 0, declined: 0, withdrawn: 0 });
    await db.forumQuestion.update({ where: { id: q.id }, data: { status: "PUBLISHED", publishedAt: new Date(), answer: "Yes.", answeredAt: new Date() } });
    expect((await getForumCounts([candidate.id])).get(candidate.id)).toEqual({ received: 1, published: 1, answered: 1, declined: 0, withdrawn: 0 });
    // Withdrawn after publication: still published and received, now withdrawn; its answer is no longer on the forum.
    await db.forumQuestion.update({ where: { id: q.id }, data: { status: "WITHDRAWN", withdrawReason: "Published by mistake." } });
    expect((await getForumCounts([candidate.id])).get(candidate.id)).toEqual({ received: 1, published: 1, answered: 0, declined: 0, withdrawn: 1 });
  });
});

describe("the forum's window as the page reads it", () => {
  it("is open for a formal candidature before the opening, closed otherwise, and null for an unknown candidate", async () => {
    const formal = (await makeForumCandidate(db)).candidate;
    const announced = (await makeForumCandidate(db, "ANNOUNCED")).candidate;
    expect(await getForumWindow(formal.id, at(1))).toMatchObject({ open: true });
    expect(await getForumWindow(formal.id, new Date("2030-12-01"))).toEqual({ open: false, reasonKey: "forum.closedAfterClosing" });
    expect(await getForumWindow(announced.id, at(1))).toEqual({ open: false, reasonKey: "forum.closedNotFormal" });
    expect(await getForumWindow("unknown-candidate")).toBeNull();
  });
});

describe("the open-data exports", () => {
  it("export one forum's public record as JSON: the published questions and the withdrawn one marked, with no other state's text and no address", async () => {
    const candidate = await forumWithEveryState();
    const file = await exportForum({ candidateId: candidate.id, format: "json", now: new Date("2030-07-01T00:00:00Z") });
    expect(file.contentType).toBe("application/json; charset=utf-8");
    expect(file.fileName).toBe(`forum-${candidate.id}-2030-07-01.json`);
    const document = JSON.parse(file.body);
    expect(document).toMatchObject({ candidateId: candidate.id, count: 3 });
    type Row = { status: string; question: string | null };
    expect(
      document.questions
        .filter((q: Row) => q.status === "published")
        .map((q: Row) => q.question)
        .sort(),
    ).toEqual([`PUBLISHED text ${candidate.id}`, `PUBLISHED unanswered ${candidate.id}`]);
    const withdrawn = await db.forumQuestion.findFirstOrThrow({ where: { candidateId: candidate.id, status: "WITHDRAWN" } });
    expect(document.questions.filter((q: Row) => q.status === "withdrawn")).toEqual([
      {
        id: withdrawn.id,
        candidateId: candidate.id,
        candidateName: candidate.name,
        post: expect.any(String),
        status: "withdrawn",
        askerName: null,
        askerCountry: null,
        askerAffiliation: null,
        question: null,
        answer: null,
        publishedAt: withdrawn.publishedAt!.toISOString(),
        answeredAt: null,
        // Made directly in the database, without the withdrawal's audit row: its time is not known.
        withdrawnAt: null,
      },
    ]);
    expect(file.body).not.toMatch(SECRET);
  });

  it("export every forum as CSV, the published and the published-then-withdrawn", async () => {
    const a = await forumWithEveryState();
    const b = await forumWithEveryState();
    const file = await exportForum({ format: "csv" });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.fileName).toMatch(/^forum-all-\d{4}-\d{2}-\d{2}\.csv$/);
    for (const c of [a, b]) {
      expect(file.body).toContain(`PUBLISHED text ${c.id}`);
      expect(file.body).toContain(`PUBLISHED unanswered ${c.id}`);
    }
    expect(file.body).not.toMatch(SECRET);
    const onRecord = await db.forumQuestion.count({
      where: { OR: [{ status: "PUBLISHED" }, { status: "WITHDRAWN", publishedAt: { not: null } }] },
    });
    // Header + one line per question on the public record (no text here spans lines).
    expect(file.body.trimEnd().split("\r\n")).toHaveLength(onRecord + 1);
  });

  it("keep a question the candidate published then withdrew, marked, with both dates and without its text, asker or answer; not a withdrawn one never published", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    const publishedAt = at(3, 9);
    const kept = await makeQuestion(db, candidate.id, {
      status: "PUBLISHED",
      body: `Awkward question ${candidate.id}`,
      answer: `Awkward answer ${candidate.id}`,
      askerEmail: EMAIL,
      publishedAt,
    });
    const before = new Date();
    await withdrawQuestion({ actor: asActor(user), input: { id: kept.id, reason: "WITHDRAW-REASON: published by mistake.", confirmed: "yes" } });
    const after = new Date();
    // Cannot happen through the application (only a published question can be withdrawn), but if it
    // were in the database it was never public, so it is not on the record.
    const neverPublished = await makeQuestion(db, candidate.id, { status: "WITHDRAWN", body: `Never public ${candidate.id}`, publishedAt: null });

    const json = await exportForum({ candidateId: candidate.id, format: "json" });
    const document = JSON.parse(json.body);
    expect(document.count).toBe(1);
    const [row] = document.questions;
    expect(row).toMatchObject({
      id: kept.id,
      status: "withdrawn",
      question: null,
      askerName: null,
      answer: null,
      answeredAt: null,
      publishedAt: publishedAt.toISOString(),
    });
    const withdrawnAt = new Date(row.withdrawnAt).getTime();
    expect(withdrawnAt).toBeGreaterThanOrEqual(before.getTime());
    // The database keeps milliseconds, rounded: a millisecond's slack.
    expect(withdrawnAt).toBeLessThanOrEqual(after.getTime() + 1);

    const csv = await exportForum({ candidateId: candidate.id, format: "csv" });
    const [header, ...records] = parseCsv(csv.body.replace(/^\uFEFF/, ""));
    expect(records).toHaveLength(1);
    const cell = (name: string) => records[0]?.[header!.indexOf(name)];
    expect(cell("id")).toBe(kept.id);
    expect(cell("status")).toBe("withdrawn");
    expect(cell("published_at")).toBe(publishedAt.toISOString());
    expect(cell("withdrawn_at")).toBe(row.withdrawnAt);
    for (const name of ["asker_name", "asker_country", "asker_affiliation", "question", "answer", "answered_at"]) expect(cell(name), name).toBe("");

    for (const body of [json.body, csv.body]) {
      expect(body).not.toContain("Awkward");
      expect(body).not.toContain(kept.askerName);
      expect(body).not.toContain(neverPublished.id);
      expect(body).not.toContain("Never public");
      expect(body).not.toMatch(SECRET);
    }
    // The forum's page shows it the same way (docs/domain.md#forum-fairness).
    const page = await getPublicForum(candidate.id, 1);
    expect(page.items.map((q) => ({ id: q.id, withdrawn: q.withdrawn }))).toContainEqual({ id: kept.id, withdrawn: true });
  });

  it("say an unknown forum is not found", async () => {
    expect((await refusalOf(exportForum({ candidateId: "unknown-candidate", format: "csv" }))).code).toBe("NOT_FOUND");
  });
});
