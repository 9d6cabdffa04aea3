import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { askQuestion } from "@/lib/forum/ask";
import { answerQuestion, declineQuestion, publishQuestion } from "@/lib/forum/moderate";
import { DIGEST_DELAY_MS } from "@/lib/forum/notify";
import { MAIL_RETRY, retryDelayMs } from "@/lib/mail/retry";
import { smtpTransport } from "@/lib/mail/transport";
import { deliverDue } from "@/lib/mail/worker";
import { withAppDatabase } from "../support/app-database";
import { asActor, unique } from "../support/factories";
import { askInput, makeForumCandidate, makeQuestion, someAddress } from "../support/factories-forum";
import { startLocalSmtp, subjectOf, type LocalSmtp } from "../support/smtp";

const database = withAppDatabase();
let db: PrismaClient;
let smtp: LocalSmtp;

const FROM = "Hustings <no-reply@hustings.test>";
const NOW = new Date("2030-06-01T10:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

beforeAll(async () => {
  db = createDb(database.url());
  smtp = await startLocalSmtp();
});

afterAll(async () => {
  await smtp.stop();
});

/** Messages of this test only: each test writes to addresses of its own. */
async function outboxTo(address: string) {
  return db.outboxMessage.findMany({ where: { toAddress: address }, orderBy: { createdAt: "asc" } });
}

async function enqueue(n: number, extra: { to?: string } = {}) {
  const to = extra.to ?? `${unique("reader")}@example.org`;
  for (let i = 0; i < n; i++) {
    await db.outboxMessage.create({ data: { toAddress: to, subject: unique(`Message ${i}`), body: "Body.", kind: "forum-digest", nextAttemptAt: NOW } });
  }
  return to;
}

/** Sends everything due at `now` (earlier tests' leftovers included), and returns what arrived for `to`. */
async function deliverFor(to: string, now: Date) {
  await deliverDue({ transport: smtpTransport(smtp.url, FROM), now, batch: 100 });
  return smtp.received.filter((m) => m.to.includes(to));
}

const bodyOf = (raw: string) => raw.replace(/=\r?\n/g, "");

describe("the outbox worker", () => {
  it("delivers due messages through SMTP and marks them sent", async () => {
    const to = await enqueue(2);
    const received = await deliverFor(to, NOW);
    expect(received).toHaveLength(2);
    expect(received[0]?.from).toBe("no-reply@hustings.test");
    const rows = await outboxTo(to);
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt?.toISOString()])).toEqual([
      ["SENT", 1, NOW.toISOString()],
      ["SENT", 1, NOW.toISOString()],
    ]);
    // Sent once: a second run sends nothing more.
    expect(await deliverFor(to, later(60_000))).toHaveLength(2);
  });

  it("does not send a message before its time", async () => {
    const to = `${unique("reader")}@example.org`;
    await db.outboxMessage.create({ data: { toAddress: to, subject: "Later", body: "Body.", kind: "forum-digest", nextAttemptAt: later(60_000) } });
    expect(await deliverFor(to, NOW)).toHaveLength(0);
    expect(await deliverFor(to, later(60_000))).toHaveLength(1);
  });

  it("loses nothing in an SMTP outage: messages stay pending, tried again later, and go once the server is back", async () => {
    const to = await enqueue(3);
    await smtp.stop();
    try {
      const report = await deliverDue({ transport: smtpTransport(smtp.url, FROM), now: NOW, batch: 100 });
      expect(report.sent).toBe(0);
      const waiting = await outboxTo(to);
      for (const row of waiting) {
        expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
        expect(row.nextAttemptAt.toISOString()).toBe(later(retryDelayMs(1)).toISOString());
        expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      }
      // Still down at the next attempt: the wait doubles.
      await deliverDue({ transport: smtpTransport(smtp.url, FROM), now: later(retryDelayMs(1)), batch: 100 });
      for (const row of await outboxTo(to)) {
        expect(row).toMatchObject({ status: "PENDING", attempts: 2 });
        expect(row.nextAttemptAt.toISOString()).toBe(later(retryDelayMs(1) + retryDelayMs(2)).toISOString());
      }
    } finally {
      await smtp.start();
    }
    // Back: not before the next attempt is due, then every message, once.
    expect(await deliverFor(to, later(retryDelayMs(1)))).toHaveLength(0);
    const received = await deliverFor(to, later(retryDelayMs(1) + retryDelayMs(2)));
    expect(received).toHaveLength(3);
    expect((await outboxTo(to)).map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ["SENT", 3, null],
      ["SENT", 3, null],
      ["SENT", 3, null],
    ]);
  });

  it("marks a message FAILED after the last attempt, keeping it and its error", async () => {
    const to = await enqueue(1);
    await smtp.stop();
    let now = NOW;
    try {
      for (let attempt = 1; attempt <= MAIL_RETRY.maxAttempts; attempt++) {
        const [row] = await outboxTo(to);
        expect(row?.status).toBe("PENDING");
        now = row?.nextAttemptAt ?? now;
        await deliverDue({ transport: smtpTransport(smtp.url, FROM), now, batch: 100 });
      }
    } finally {
      await smtp.start();
    }
    const [row] = await outboxTo(to);
    expect(row).toMatchObject({ status: "FAILED", attempts: MAIL_RETRY.maxAttempts, sentAt: null });
    expect(row?.lastError).toBeTruthy();
    // A failed message is not sent by later runs.
    expect(await deliverFor(to, later(365 * 24 * 3_600_000))).toHaveLength(0);
  });

  it("never sends one message twice when two workers run at once (SKIP LOCKED)", async () => {
    const slow = await startLocalSmtp({ delayMs: 40 });
    try {
      const to = await enqueue(12);
      const worker = () => deliverDue({ transport: smtpTransport(slow.url, FROM), now: NOW, batch: 100 });
      const [a, b] = await Promise.all([worker(), worker()]);
      const mine = slow.received.filter((m) => m.to.includes(to));
      const subjects = mine.map((m) => subjectOf(m.raw));
      expect(subjects).toHaveLength(12);
      expect(new Set(subjects).size).toBe(12);
      // Both worked, side by side, on different messages.
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      expect((await outboxTo(to)).every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    } finally {
      await slow.stop();
    }
  });

  it("keeps headers on one line: a name with line breaks cannot add a recipient", async () => {
    const to = `${unique("reader")}@example.org`;
    await db.outboxMessage.create({
      data: { toAddress: to, subject: "Hello\r\nBcc: victim@example.org", body: "Body.", kind: "forum-answered", nextAttemptAt: NOW },
    });
    const [mail] = await deliverFor(to, NOW);
    expect(mail?.to).toEqual([to]);
    expect(mail?.raw).not.toMatch(/^Bcc:/im);
    expect(smtp.received.some((m) => m.to.includes("victim@example.org"))).toBe(false);
  });
});

describe("the forum's mail, end to end through the outbox", () => {
  it("sends the candidate one digest for several questions, after the digest period, not one per question", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    for (let i = 0; i < 4; i++) await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: later(i * 1000) });
    expect(await deliverFor(user.email, later(5000))).toHaveLength(0);
    const received = await deliverFor(user.email, later(DIGEST_DELAY_MS));
    expect(received).toHaveLength(1);
    expect(subjectOf(received[0]?.raw ?? "")).toBe("Your forum: 4 questions are waiting");
    expect(bodyOf(received[0]?.raw ?? "")).toContain("4 questions are waiting");
    // The next question starts a new digest.
    await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: later(DIGEST_DELAY_MS + 1000) });
    expect(await outboxTo(user.email)).toHaveLength(2);
  });

  it("keeps the digest's count true as the candidate moderates, and drops it when nothing waits any more", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    for (let i = 0; i < 3; i++) await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: NOW });
    const [first, second, third] = await db.forumQuestion.findMany({ where: { candidateId: candidate.id }, orderBy: { createdAt: "asc" } });
    await publishQuestion({ actor: asActor(user), input: { id: first?.id } });
    expect((await outboxTo(user.email)).map((m) => m.subject)).toEqual(["Your forum: 2 questions are waiting"]);
    await declineQuestion({ actor: asActor(user), input: { id: second?.id, reason: "Not a question for this forum.", confirmed: "yes" } });
    expect((await outboxTo(user.email)).map((m) => m.subject)).toEqual(["Your forum: 1 question is waiting"]);
    await publishQuestion({ actor: asActor(user), input: { id: third?.id } });
    expect(await outboxTo(user.email)).toEqual([]);
    expect(await deliverFor(user.email, later(DIGEST_DELAY_MS))).toHaveLength(0);
  });

  it("tells the asker when their question is answered, with the question and the answer", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    const email = `${unique("asker")}@example.org`;
    const question = await makeQuestion(db, candidate.id, { askerEmail: email, body: "Will you open the regional offices?" });
    await publishQuestion({ actor: asActor(user), input: { id: question.id, answer: "Yes, all six of them." } });
    const [mail, ...more] = await deliverFor(email, new Date());
    expect(more).toHaveLength(0);
    expect(subjectOf(mail?.raw ?? "")).toBe(`${candidate.name} has answered your question`);
    const body = bodyOf(mail?.raw ?? "");
    expect(body).toContain("Will you open the regional offices?");
    expect(body).toContain("Yes, all six of them.");
    // Sent: the address served its one purpose and is kept nowhere.
    expect(await db.forumQuestion.findUniqueOrThrow({ where: { id: question.id } })).toMatchObject({ askerEmail: null });
    expect(await db.outboxMessage.count({ where: { toAddress: email } })).toBe(0);
    const sent = await db.outboxMessage.findMany({ where: { kind: "forum-answered", body: { contains: "Will you open the regional offices?" } } });
    expect(sent.map((m) => [m.status, m.toAddress])).toEqual([["SENT", ""]]);
  });

  it("keeps the asker's address while the note cannot be sent, so that an outage loses nothing", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    const email = `${unique("asker")}@example.org`;
    const question = await makeQuestion(db, candidate.id, { askerEmail: email, status: "PUBLISHED" });
    await answerQuestion({ actor: asActor(user), input: { id: question.id, answer: "Later, but answered." } });
    await smtp.stop();
    try {
      await deliverDue({ transport: smtpTransport(smtp.url, FROM), batch: 100 });
    } finally {
      await smtp.start();
    }
    expect(await outboxTo(email)).toEqual([expect.objectContaining({ status: "PENDING", attempts: 1 })]);
    expect(await deliverFor(email, new Date(Date.now() + retryDelayMs(1)))).toHaveLength(1);
  });
});
