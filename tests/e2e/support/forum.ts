import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { PrismaClient } from "../../../lib/db/client";
import { unique } from "../../support/factories";
import { makeWorldCandidate, makeWorldConference, makeWorldPost } from "./world";

// Data and helpers for the forum's end-to-end specs (tests/e2e/forum-*.spec.ts).

/**
 * A formal candidature with its account, in a conference of the test's own that opens in
 * 2030 (tests/e2e/support/world.ts): its forum takes questions until then. `forumClosesAt`
 * sets that conference's own closing time.
 */
export async function openForum(db: PrismaClient, options: { status?: "ANNOUNCED" | "FORMAL"; forumClosesAt?: Date } = {}) {
  const conference = await makeWorldConference(db);
  if (options.forumClosesAt) await db.conference.update({ where: { id: conference.id }, data: { forumClosesAt: options.forumClosesAt } });
  const post = await makeWorldPost(db, conference);
  const candidate = await makeWorldCandidate(db, post, { status: options.status ?? "FORMAL", memberStateId: (await nominatingState(db)).id });
  if (!candidate.user) throw new Error("openForum: the candidature has no account");
  return { conference, post, candidate, user: candidate.user };
}

/**
 * A real Member State (the global set-up loads them) to nominate with: the shared factory
 * makes states from a small range of test codes, and no rule of the forum depends on the
 * state.
 */
export function nominatingState(db: PrismaClient) {
  return db.memberState.findFirstOrThrow({ where: { NOT: { iso3: { startsWith: "X" } } }, orderBy: { iso3: "asc" } });
}

/**
 * The server sees every browser of these specs as 127.0.0.1, and the forum counts questions
 * per address across all forums and per forum (FORUM_RATE_LIMITS, lib/forum/limits.ts). After each question it asks, a spec moves its own forum's questions out of both
 * counts, as if other people had sent them earlier, so specs running side by side never
 * meet each other's limits. Only the rate-limit spec meets one, on purpose, in its own forum.
 */
export async function spreadOut(db: PrismaClient, candidateId: string) {
  await db.$executeRaw`
    UPDATE "ForumQuestion"
       SET "ipHash" = 'e2e-spread-' || id, "createdAt" = "createdAt" - interval '1 day'
     WHERE "candidateId" = ${candidateId} AND "ipHash" NOT LIKE 'e2e-spread-%'`;
}

/** A question straight into the database, in any state (for lists, counts and pagination). */
export async function makeQuestion(
  db: PrismaClient,
  candidateId: string,
  data: { status?: "PENDING" | "PUBLISHED" | "DECLINED" | "WITHDRAWN" | "HIDDEN"; body?: string; answer?: string; askerName?: string; at?: Date } = {},
) {
  const at = data.at ?? new Date(Date.now() - 2 * 60 * 60 * 1000);
  const status = data.status ?? "PENDING";
  const body = data.body ?? unique("A question");
  return db.forumQuestion.create({
    data: {
      candidateId,
      askerName: data.askerName ?? unique("Asker"),
      body,
      bodyHash: unique("hash"),
      ipHash: unique("e2e-spread"),
      status,
      createdAt: at,
      publishedAt: status === "PUBLISHED" || status === "WITHDRAWN" ? at : null,
      answer: data.answer ?? null,
      answeredAt: data.answer ? at : null,
      declineReason: status === "DECLINED" ? "Not a question for this forum." : null,
      withdrawReason: status === "WITHDRAWN" ? "Taken back by the candidate." : null,
      hiddenReason: status === "HIDDEN" ? "Abusive content hidden." : null,
    },
  });
}

export type Payload = { category: string; source: string; payload: string };

/** The XSS and injection corpus (tests/fixtures/xss/README.md). */
const SHARED_LIST = path.resolve("..", "shared", "data", "xss", "payloadbox-xss-payload-list.txt");
/** How many lines of the shared list to add: opt-in (XSS_SHARED_SAMPLE=60), see tests/fixtures/xss/README.md. */
const SHARED_SAMPLE = Number(process.env.XSS_SHARED_SAMPLE ?? 0);

/**
 * The project's own corpus (tests/fixtures/xss/payloads.json), plus, when the shared public
 * list is beside the repository, a random sample of it (never copied into the project). The
 * sample's seed is printed; XSS_SAMPLE_SEED repeats a run.
 */
export function xssCorpus(): Payload[] {
  const own = JSON.parse(readFileSync(path.resolve("tests/fixtures/xss/payloads.json"), "utf8")) as Payload[];
  if (!(SHARED_SAMPLE > 0) || !existsSync(SHARED_LIST)) return own;
  const lines = readFileSync(SHARED_LIST, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line.length <= 2000);
  const seed = Number(process.env.XSS_SAMPLE_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`[forum-xss] adding ${SHARED_SAMPLE} of ${lines.length} payloads from ${SHARED_LIST} (XSS_SAMPLE_SEED=${seed})`);
  // A small seeded generator (mulberry32), so a failing sample can be run again.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Distinct as the server judges repeats (lib/abuse/text.ts normaliseForRepeat: control
  // characters dropped, NFKC, case and spacing ignored), or a sampled line would be refused as
  // a repeat of another.
  const repeatKey = (text: string) =>
    text
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .normalize("NFKC")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  const known = new Set(own.map((p) => repeatKey(p.payload)));
  const sample: Payload[] = [];
  for (let guard = 0; sample.length < SHARED_SAMPLE && guard < SHARED_SAMPLE * 20; guard += 1) {
    const index = Math.floor(next() * lines.length);
    const line = lines[index];
    // A line that is only spaces or control characters once cleaned is not a question at all.
    if (line === undefined || repeatKey(line) === "" || known.has(repeatKey(line))) continue;
    known.add(repeatKey(line));
    sample.push({ category: "shared sample", source: `payloadbox:${index + 1}`, payload: line });
  }
  return [...own, ...sample];
}

/** Fails the test on any alert, confirm or prompt: a payload that runs would open one. */
export function failOnDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

/** The ask form, on a candidate's ask page (/candidates/[id]/ask). */
export function askForm(page: Page) {
  return page.getByRole("form", { name: "Ask a question" });
}

export async function ask(page: Page, question: { name: string; country?: string; affiliation?: string; email?: string; body: string }) {
  const form = askForm(page);
  await form.getByLabel("Your name").fill(question.name);
  if (question.country !== undefined) await form.getByLabel("Member State or country").fill(question.country);
  if (question.affiliation !== undefined) await form.getByLabel("Affiliation").fill(question.affiliation);
  if (question.email !== undefined) await form.getByLabel("E-mail address").fill(question.email);
  await form.getByLabel("Your question").fill(question.body);
  await form.getByRole("button", { name: "Send the question" }).click();
}
