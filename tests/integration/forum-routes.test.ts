import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/forum/export/route";
import { POST as askRoute } from "@/app/api/forum/questions/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { FORUM_RATE_LIMITS } from "@/lib/forum/limits";
import { withAppDatabase } from "../support/app-database";
import { askInput, makeForumCandidate, makeQuestion, someAddress } from "../support/factories-forum";

// Route handlers revalidate Next's cache, which exists only inside Next: record the calls instead.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => void revalidated.push(tag) }));

const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

beforeEach(() => {
  revalidated.length = 0;
});

/** A formal candidate whose forum stays open whatever today's date. */
async function openForum(status: "FORMAL" | "ANNOUNCED" = "FORMAL") {
  const account = await makeForumCandidate(db, status);
  await db.conference.update({ where: { id: account.conferenceId }, data: { forumClosesAt: new Date("2099-01-01T00:00:00Z") } });
  return account.candidate;
}

function post(body: unknown, { locale, ip = someAddress(), cookie }: { locale?: string; ip?: string; cookie?: string } = {}) {
  const url = `http://localhost/api/forum/questions${locale ? `?locale=${locale}` : ""}`;
  return askRoute(
    new Request(url, {
      method: "POST",
      // The one address server.ts leaves in X-Forwarded-For (what a client sends there is tested
      // through the running server: tests/e2e/client-address.spec.ts).
      headers: { origin: "http://localhost", "content-type": "application/json", "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe("POST /api/forum/questions", () => {
  it("accepts a question with 201, keeps it pending and refreshes the forum's pages", async () => {
    const candidate = await openForum();
    const response = await post(askInput(candidate.id));
    expect(response.status).toBe(201);
    // The asker's private follow link (docs/decisions/049-forum-support-and-follow.md), its token kept only as a hash.
    const reply = (await response.json()) as { ok: boolean; follow: string };
    expect(reply.ok).toBe(true);
    expect(reply.follow).toMatch(/^\/en\/follow\/[A-Za-z0-9_-]{32}$/);
    const stored = await db.forumQuestion.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect(stored.followTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(reply.follow.split("/").pop());
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id, status: "PENDING" } })).toBe(1);
    expect(revalidated).toEqual([`forum:${candidate.id}`, "forums"]);
  });

  it("rate-limits by the client's address", async () => {
    const candidate = await openForum();
    const ip = someAddress();
    for (let i = 0; i < FORUM_RATE_LIMITS.perAddress.max; i++) expect((await post(askInput(candidate.id), { ip })).status).toBe(201);
    const limited = await post(askInput(candidate.id), { ip });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    expect(await limited.json()).toEqual({ error: "Too many questions have been sent in a short time. Please try again in 10 minutes." });
    // Another address: accepted.
    expect((await post(askInput(candidate.id))).status).toBe(201);
  });

  it("translates the wait into the asker's language", async () => {
    const candidate = await openForum();
    const ip = someAddress();
    for (let i = 0; i < FORUM_RATE_LIMITS.perAddress.max; i++) await post(askInput(candidate.id), { ip });
    const limited = await post(askInput(candidate.id), { ip, locale: "ar" });
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toBe("أُرسل عدد كبير جداً من الأسئلة في وقت قصير. يرجى المحاولة مجدداً بعد 10 دقائق.");
  });

  it("answers 400 with translated per-field errors, in the locale asked for", async () => {
    const candidate = await openForum();
    const response = await post(askInput(candidate.id, { askerName: " ", body: "x".repeat(2001), askerEmail: "nope" }), { locale: "fr" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "Certaines informations ne sont pas valides.",
      fieldErrors: {
        askerName: "Ce champ est obligatoire.",
        body: "Saisissez au plus 2000 caractères.",
        askerEmail: "Saisissez une adresse électronique valide.",
      },
    });
    expect(revalidated).toEqual([]);
  });

  it("reads the language from the NEXT_LOCALE cookie when the URL gives none, and falls back to English", async () => {
    const candidate = await openForum();
    const bad = askInput(candidate.id, { askerName: "" });
    expect((await (await post(bad, { cookie: "theme=dark; NEXT_LOCALE=ar" })).json()).fieldErrors.askerName).toBe("هذا الحقل مطلوب.");
    expect((await (await post(bad, { locale: "xx" })).json()).fieldErrors.askerName).toBe("This field is required.");
  });

  it("answers 400 to a body that is not JSON, and 413 to one far too large", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[]")).status).toBe(400);
    const huge = await post(JSON.stringify({ body: "x".repeat(70_000) }));
    expect(huge.status).toBe(413);
  });

  it("answers 409 with the reason to a repeat and to a closed forum", async () => {
    const candidate = await openForum();
    const input = askInput(candidate.id);
    expect((await post(input)).status).toBe(201);
    const repeat = await post(input);
    expect(repeat.status).toBe(409);
    expect(await repeat.json()).toMatchObject({ error: "This question has already been sent to this candidate." });

    const announced = await openForum("ANNOUNCED");
    const closed = await post(askInput(announced.id), { locale: "es" });
    expect(closed.status).toBe(409);
    expect(await closed.json()).toEqual({ error: "Este foro se abre cuando la candidatura se haya recibido oficialmente." });
  });

  it("answers 404 to an unknown candidate", async () => {
    const response = await post(askInput("no-such-candidate"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "This record does not exist." });
  });

  it("answers a filled honeypot with 201 and stores nothing", async () => {
    const candidate = await openForum();
    const response = await post(askInput(candidate.id, { website: "http://spam.example" }));
    expect(response.status).toBe(201);
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(0);
  });
});

describe("GET /api/forum/export", () => {
  const get = (query: string) => exportRoute(new Request(`http://localhost/api/forum/export${query}`));

  it("exports one forum as CSV, published questions only, as a download", async () => {
    const candidate = await openForum();
    await makeQuestion(db, candidate.id, { status: "PUBLISHED", body: "=cmd|' /C calc'!A0", askerEmail: "hidden@example.org" });
    await makeQuestion(db, candidate.id, { status: "DECLINED", body: "Declined text" });
    const response = await get(`?format=csv&candidate=${candidate.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="forum-${candidate.id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await response.text();
    expect(text).toContain("'=cmd|' /C calc'!A0");
    expect(text).not.toContain("Declined text");
    expect(text).not.toContain("hidden@example.org");
  });

  it("exports a question published then withdrawn as withdrawn, without its text; not one withdrawn without having been published", async () => {
    const candidate = await openForum();
    const kept = await makeQuestion(db, candidate.id, {
      status: "WITHDRAWN",
      body: "Withdrawn words",
      answer: "Withdrawn answer",
      publishedAt: new Date("2030-06-03T09:00:00Z"),
    });
    const never = await makeQuestion(db, candidate.id, { status: "WITHDRAWN", body: "Never published words", publishedAt: null });
    const csv = await (await get(`?format=csv&candidate=${candidate.id}`)).text();
    expect(csv).toContain(`${kept.id},${candidate.id},`);
    expect(csv).toContain(",withdrawn,,,,,,2030-06-03T09:00:00.000Z,,");
    const json = await (await get(`?format=json&candidate=${candidate.id}`)).json();
    expect(json.questions).toEqual([expect.objectContaining({ id: kept.id, status: "withdrawn", question: null, answer: null, askerName: null })]);
    for (const text of [csv, JSON.stringify(json)]) {
      expect(text).not.toMatch(/Withdrawn words|Withdrawn answer|Never published/);
      expect(text).not.toContain(kept.askerName);
      expect(text).not.toContain(never.id);
    }
  });

  it("exports every forum as JSON", async () => {
    const a = await openForum();
    const b = await openForum();
    await makeQuestion(db, a.id, { status: "PUBLISHED" });
    await makeQuestion(db, b.id, { status: "PUBLISHED" });
    const response = await get("?format=json");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = await response.json();
    expect(document.candidateId).toBeNull();
    expect(document.questions.map((q: { candidateId: string }) => q.candidateId)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it("refuses an unknown format with 400 and an unknown or malformed forum with 404", async () => {
    expect((await get("?format=xlsx")).status).toBe(400);
    expect((await get("?format=csv&candidate=nobody")).status).toBe(404);
    expect((await get(`?format=csv&candidate=${encodeURIComponent('x"; filename="evil.html')}`)).status).toBe(404);
  });
});
