import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listAuditEvents } from "@/lib/audit/queries";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { answerReview } from "@/lib/ethics/answer-review";
import { getOwnMaterialReviews, getReviewForOffice, getReviewQueue } from "@/lib/ethics/ethics-queries";
import { requestReview } from "@/lib/ethics/request-review";
import { ETHICS_LIMITS } from "@/lib/ethics/schema";
import { createMaterial } from "@/lib/materials/create-material";
import { updateMaterial } from "@/lib/materials/update-material";
import { auditRowsFor } from "../support/audit";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeUser, unique, type TestUser } from "../support/factories";
import { makeCandidateWithUser, makeDraftStatement, makeReviewRequest } from "../support/factories-ethics";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// The CSV route reads the session through getCurrentUser; here each request says who is asking.
let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-ethics-"));
process.env.STORAGE_DIR = storageDir;
for (const name of ["MUX_TOKEN_ID", "MUX_TOKEN_SECRET", "MUX_WEBHOOK_SECRET"]) delete process.env[name];
const { attachMaterialFile } = await import("@/lib/materials/attach-file");
const { setVideoUrl } = await import("@/lib/materials/video");
const { GET: auditCsv } = await import("@/app/api/admin/audit/route");

const database = withAppDatabase();
let db: PrismaClient;
let officer: TestUser;
let secretariat: TestUser;
let chair: TestUser;
let member: TestUser;
let alice: Awaited<ReturnType<typeof makeCandidateWithUser>>;
let bob: Awaited<ReturnType<typeof makeCandidateWithUser>>;

beforeAll(async () => {
  db = createDb(database.url());
  officer = await makeUser(db, "ETHICS_OFFICER");
  secretariat = await makeUser(db, "SECRETARIAT");
  chair = await makeUser(db, "CHAIR");
  member = await makeUser(db, "MEMBER");
  alice = await makeCandidateWithUser(db);
  bob = await makeCandidateWithUser(db);
});
afterAll(() => rm(storageDir, { recursive: true, force: true }));

/** The last audit row written before the test began: the test's own rows come after it. */
let auditMark = 0n;
beforeEach(async () => {
  auditMark = (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
});

const asJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/**
 * 001: the audit log, which the secretariat reads, keeps ids and statuses, never the words nor
 * the Office's outcome. Every row the test wrote is read, of every area (a draft's own rows
 * included), not only the review's.
 */
async function expectAuditWithoutText(reviewId: string | null, action: string | null, secrets: string[]) {
  const rows = await db.auditEvent.findMany({ where: { id: { gt: auditMark } }, orderBy: { id: "asc" } });
  expect(rows.length).toBeGreaterThan(0);
  const written = asJson(rows);
  for (const secret of [...secrets, '"CLEARED"', '"ADVICE"']) {
    expect(secret.length).toBeGreaterThan(3);
    expect(written).not.toContain(secret);
  }
  if (reviewId === null) return rows.at(-1);
  const row = (await auditRowsFor(db, "EthicsReview", reviewId)).at(-1);
  expect(row).toMatchObject({ area: "ethics", action, entity: "EthicsReview", entityId: reviewId });
  return row;
}

describe("requestReview", () => {
  it("sends the candidate's own draft with a question, for the actor's candidature, and audits ids only", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    const question = unique("May I show the conference venue?");
    // A candidate id in the form is ignored: the candidature is the actor's.
    const review = await requestReview({ actor: asActor(alice.user), input: { materialId: draft.id, question, candidateId: bob.candidate.id } });
    expect(review).toMatchObject({ materialId: draft.id, candidateId: alice.candidate.id, status: "PENDING" });
    const stored = await db.ethicsReview.findUniqueOrThrow({ where: { id: review.id } });
    expect(stored.question).toBe(question);
    const row = await expectAuditWithoutText(review.id, "review-requested", [question, draft.body ?? "", draft.title]);
    expect(row).toMatchObject({ actorId: alice.user.id, actorRole: "CANDIDATE" });
    expect(row?.after).toEqual({ id: review.id, materialId: draft.id, candidateId: alice.candidate.id, status: "PENDING" });
  });

  it("refuses a blank or over-long question and writes nothing", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    const blank = await refusalOf(requestReview({ actor: asActor(alice.user), input: { materialId: draft.id, question: "  " } }));
    expect(blank).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { question: "required" } });
    const long = await refusalOf(
      requestReview({ actor: asActor(alice.user), input: { materialId: draft.id, question: "x".repeat(ETHICS_LIMITS.question + 1) } }),
    );
    expect(long.code).toBe("INVALID_INPUT");
    expect(long.fieldErrors?.question).toBeDefined();
    expect(await db.ethicsReview.count({ where: { materialId: draft.id } })).toBe(0);
  });

  it("keeps one open request per draft, and reviews drafts only", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    await requestReview({ actor: asActor(alice.user), input: { materialId: draft.id, question: "First question" } });
    const again = await refusalOf(requestReview({ actor: asActor(alice.user), input: { materialId: draft.id, question: "Second question" } }));
    expect(again).toMatchObject({ code: "CONFLICT", messageKey: "ethicsRequest.alreadyPending" });
    const published = await makeDraftStatement(db, alice.candidate.id, { state: "PUBLISHED" });
    const late = await refusalOf(requestReview({ actor: asActor(alice.user), input: { materialId: published.id, question: "Too late?" } }));
    expect(late).toMatchObject({ code: "CONFLICT", messageKey: "ethicsRequest.notDraft" });
    expect(await db.ethicsReview.count({ where: { materialId: { in: [draft.id, published.id] } } })).toBe(1);
  });

  it("allows a new request once the previous one is answered", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    const first = await makeReviewRequest(db, draft);
    await answerReview({ actor: asActor(officer), input: { reviewId: first.id, outcome: "ADVICE", comment: "Remove the emblem." } });
    const second = await requestReview({ actor: asActor(alice.user), input: { materialId: draft.id, question: "Is it fine now?" } });
    expect(second.status).toBe("PENDING");
  });

  it("refuses another candidate's draft, and an unknown one, writing nothing", async () => {
    const bobsDraft = await makeDraftStatement(db, bob.candidate.id);
    const refusal = await refusalOf(requestReview({ actor: asActor(alice.user), input: { materialId: bobsDraft.id, question: "Peeking" } }));
    expect(refusal.code).toBe("FORBIDDEN");
    expect(await db.ethicsReview.count({ where: { materialId: bobsDraft.id } })).toBe(0);
    const unknown = await refusalOf(requestReview({ actor: asActor(alice.user), input: { materialId: "no-such-material", question: "Hello" } }));
    expect(unknown.code).toBe("NOT_FOUND");
  });

  it("is refused to every other role, a disabled candidate and an anonymous visitor", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => requestReview({ actor, input: { materialId: draft.id, question: "Allowed?" } }));
    // A candidate account not bound to a candidature owns nothing.
    const unbound = await refusalOf(requestReview({ actor: actorOf("CANDIDATE", { candidateId: null }), input: { materialId: draft.id, question: "Mine?" } }));
    expect(unbound.code).toBe("FORBIDDEN");
    expect(await db.ethicsReview.count({ where: { materialId: draft.id } })).toBe(0);
  });
});

describe("answerReview", () => {
  it("gives advice with a comment, records the officer, and audits the status only", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    const request = await makeReviewRequest(db, draft);
    const comment = unique("Please remove the Union emblem from the second page.");
    const answered = await answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "ADVICE", comment } });
    expect(answered.status).toBe("ADVICE");
    const stored = await db.ethicsReview.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ status: "ADVICE", answer: comment, reviewerId: officer.id });
    expect(stored.answeredAt).toBeInstanceOf(Date);
    const row = await expectAuditWithoutText(request.id, "review-answered", [comment, request.question]);
    expect(row).toMatchObject({ actorId: officer.id, actorRole: "ETHICS_OFFICER" });
    // That it was answered, not how: the outcome is the candidate's and the Office's (docs/audit.md).
    expect(row?.before).toMatchObject({ status: "PENDING" });
    expect(row?.after).toEqual({ id: request.id, materialId: draft.id, candidateId: alice.candidate.id, status: "ANSWERED" });
    // Advice is never published: the draft stays a draft; the candidate decides.
    expect((await db.material.findUniqueOrThrow({ where: { id: draft.id } })).state).toBe("DRAFT");
  });

  it("clears a draft without a comment", async () => {
    const request = await makeReviewRequest(db, await makeDraftStatement(db, alice.candidate.id));
    await answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "CLEARED", comment: "" } });
    expect(await db.ethicsReview.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "CLEARED", answer: null });
    const row = await expectAuditWithoutText(request.id, "review-answered", [request.question]);
    expect(row?.after).toMatchObject({ status: "ANSWERED" });
  });

  it("refuses advice without a comment, and an unknown outcome, leaving the request pending", async () => {
    const request = await makeReviewRequest(db, await makeDraftStatement(db, alice.candidate.id));
    const refusal = await refusalOf(answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "ADVICE", comment: " " } }));
    expect(refusal).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { comment: "ethicsOffice.commentRequired" } });
    const pending = await refusalOf(answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "PENDING" } }));
    expect(pending.fieldErrors).toMatchObject({ outcome: "ethicsOffice.outcomeRequired" });
    expect((await db.ethicsReview.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("answers a request once only, and refuses an unknown request", async () => {
    const request = await makeReviewRequest(db, await makeDraftStatement(db, alice.candidate.id));
    await answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "CLEARED" } });
    const again = await refusalOf(answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "ADVICE", comment: "Changed my mind" } }));
    expect(again).toMatchObject({ code: "CONFLICT", messageKey: "ethicsOffice.alreadyAnswered" });
    const unknown = await refusalOf(answerReview({ actor: asActor(officer), input: { reviewId: "no-such-review", outcome: "CLEARED" } }));
    expect(unknown.code).toBe("NOT_FOUND");
  });

  it("is refused to every other role (the requesting candidate included), a disabled officer and an anonymous visitor", async () => {
    const request = await makeReviewRequest(db, await makeDraftStatement(db, alice.candidate.id));
    const input = { reviewId: request.id, outcome: "CLEARED" };
    await expectOnlyRoleAllowed("ETHICS_OFFICER", (actor) => answerReview({ actor, input }));
    for (const user of [alice.user, bob.user, secretariat, chair, member]) {
      expect((await refusalOf(answerReview({ actor: asActor(user), input }))).code).toBe("FORBIDDEN");
    }
    expect((await db.ethicsReview.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });
});

describe("reading reviews (001: the candidate and the Ethics Office only)", () => {
  it("shows the Office its queue: waiting requests oldest first, then the answered ones", async () => {
    const older = await makeReviewRequest(db, await makeDraftStatement(db, alice.candidate.id));
    await db.ethicsReview.update({ where: { id: older.id }, data: { requestedAt: new Date("2000-01-01T00:00:00Z") } });
    const newer = await makeReviewRequest(db, await makeDraftStatement(db, bob.candidate.id));
    const answered = await makeReviewRequest(db, await makeDraftStatement(db, bob.candidate.id));
    await answerReview({ actor: asActor(officer), input: { reviewId: answered.id, outcome: "CLEARED" } });
    const queue = await getReviewQueue(asActor(officer));
    expect(queue.pending[0]?.id).toBe(older.id);
    const pendingIds = queue.pending.map((r) => r.id);
    expect(pendingIds.indexOf(newer.id)).toBeGreaterThan(pendingIds.indexOf(older.id));
    expect(pendingIds).not.toContain(answered.id);
    expect(queue.answered.map((r) => r.id)).toContain(answered.id);
    await expectOnlyRoleAllowed("ETHICS_OFFICER", (actor) => getReviewQueue(actor));
  });

  it("lets the Office read one request with its draft, and nobody else", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    const request = await makeReviewRequest(db, draft);
    const review = await getReviewForOffice(asActor(officer), request.id);
    expect(review).toMatchObject({ question: request.question, material: { body: draft.body, title: draft.title, kind: "STATEMENT" } });
    await expectOnlyRoleAllowed("ETHICS_OFFICER", (actor) => getReviewForOffice(actor, request.id));
    // The candidate who asked reads it on their own page, not through the Office's read.
    expect((await refusalOf(getReviewForOffice(asActor(alice.user), request.id))).code).toBe("FORBIDDEN");
    expect((await refusalOf(getReviewForOffice(asActor(officer), "no-such-review"))).code).toBe("NOT_FOUND");
  });

  it("lets the candidate read their own requests and advice, and hides another candidate's material as not found", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    const request = await makeReviewRequest(db, draft);
    await answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "ADVICE", comment: "Shorten the title." } });
    const own = await getOwnMaterialReviews(asActor(alice.user), draft.id);
    expect(own.ethicsReviews).toEqual([
      expect.objectContaining({ id: request.id, status: "ADVICE", answer: "Shorten the title.", question: request.question }),
    ]);
    expect((await refusalOf(getOwnMaterialReviews(asActor(bob.user), draft.id))).code).toBe("NOT_FOUND");
    expect((await refusalOf(getOwnMaterialReviews(asActor(alice.user), "no-such-material"))).code).toBe("NOT_FOUND");
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => getOwnMaterialReviews(actor, draft.id));
    for (const user of [secretariat, chair, member, officer]) {
      expect((await refusalOf(getOwnMaterialReviews(asActor(user), draft.id))).code).toBe("FORBIDDEN");
    }
  });
});

describe("the audit log keeps drafts and the Office's outcome confidential (docs/audit.md)", () => {
  const pdf = () => new File([new Uint8Array(readFileSync(path.join(__dirname, "../fixtures/hostile/clean.pdf")))], unique("Distinctive file name") + ".pdf");

  it("writes no draft's title, text, link, video address, file key or file name, however it is made or edited", async () => {
    const actor = asActor(alice.user);
    const t = (label: string) => unique(`Distinctive ${label}`);
    const secrets = {
      statementTitle: t("statement title"),
      body: t("statement body"),
      linkTitle: t("link title"),
      link: `https://example.org/${unique("distinctive-link")}`,
      videoTitle: t("video title"),
      video: `https://video.example.org/${unique("distinctive-video")}.m3u8`,
      brochureTitle: t("brochure title"),
      newTitle: t("edited title"),
      newBody: t("edited body"),
      newLink: `https://example.org/${unique("edited-link")}`,
      question: t("question"),
      advice: t("advice"),
    };
    const statement = await createMaterial({ actor, input: { kind: "STATEMENT", title: secrets.statementTitle, language: "en", body: secrets.body } });
    const link = await createMaterial({ actor, input: { kind: "LINK", title: secrets.linkTitle, language: "en", url: secrets.link } });
    const video = await createMaterial({ actor, input: { kind: "VIDEO", title: secrets.videoTitle, language: "en" } });
    await setVideoUrl({ actor, input: { id: video.id, url: secrets.video } });
    const brochure = await createMaterial({ actor, input: { kind: "BROCHURE", title: secrets.brochureTitle, language: "en" } });
    const file = pdf();
    const attached = await attachMaterialFile({ actor, input: { id: brochure.id }, file });
    await updateMaterial({ actor, input: { id: statement.id, title: secrets.newTitle, language: "fr", body: secrets.newBody } });
    await updateMaterial({ actor, input: { id: link.id, title: secrets.linkTitle, language: "en", url: secrets.newLink } });
    const review = await requestReview({ actor, input: { materialId: statement.id, question: secrets.question } });
    await answerReview({ actor: asActor(officer), input: { reviewId: review.id, outcome: "ADVICE", comment: secrets.advice } });

    const rows = await db.auditEvent.findMany({ where: { id: { gt: auditMark } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.area, r.action])).toEqual([
      ["material", "created"],
      ["material", "created"],
      ["material", "created"],
      ["material", "video-url-set"],
      ["material", "created"],
      ["material", "file-attached"],
      ["material", "updated"],
      ["material", "updated"],
      ["ethics", "review-requested"],
      ["ethics", "review-answered"],
    ]);
    const keyAndName = [String(attached.fileKey), String(attached.fileName), file.name];
    await expectAuditWithoutText(review.id, "review-answered", [...Object.values(secrets), ...keyAndName]);
    // What is kept: ids and statuses.
    expect(rows[0]?.after).toMatchObject({ id: statement.id, candidateId: alice.candidate.id, kind: "STATEMENT", state: "DRAFT" });
    expect(rows[3]?.after).toMatchObject({ videoSource: "URL", hasFile: false });
    expect(rows[5]?.after).toEqual({ hasFile: true });
  });

  it("shows the secretariat's page and CSV no outcome, even of a row written before the scrub", async () => {
    const draft = await makeDraftStatement(db, alice.candidate.id);
    const cleared = await makeReviewRequest(db, draft);
    const comment = unique("Distinctive clearance note");
    await answerReview({ actor: asActor(officer), input: { reviewId: cleared.id, outcome: "CLEARED", comment } });
    // A row as an older version of the application wrote it (the migration scrubs these; the read does not rely on it).
    const oldAdvice = unique("Distinctive old advice");
    const oldTitle = unique("Distinctive old title");
    await db.auditEvent.create({
      data: {
        area: "ethics",
        action: "review-answered",
        entity: "EthicsReview",
        entityId: unique("old-review"),
        before: { id: "old", status: "PENDING" },
        after: { id: "old", status: "ADVICE", answer: oldAdvice },
      },
    });
    await db.auditEvent.create({
      data: { area: "material", action: "created", entity: "Material", entityId: draft.id, after: { id: draft.id, title: oldTitle, state: "DRAFT" } },
    });

    const { events } = await listAuditEvents(asActor(secretariat), {}, "UTC", 1000);
    const page = asJson(events);
    expect(page).toContain(cleared.id);
    for (const hidden of [comment, oldAdvice, oldTitle, '"CLEARED"', '"ADVICE"']) expect(page).not.toContain(hidden);
    expect(events.find((e) => e.entityId === cleared.id && e.action === "review-answered")?.after).toMatchObject({ status: "ANSWERED" });

    asking = asActor(secretariat);
    const response = await auditCsv(new Request("http://localhost/api/admin/audit"));
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain(cleared.id);
    expect(csv).toContain("ANSWERED");
    for (const hidden of [comment, oldAdvice, oldTitle, "CLEARED", "ADVICE"]) expect(csv).not.toContain(hidden);
    asking = null;
  });
});
