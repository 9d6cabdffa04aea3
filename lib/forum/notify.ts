import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { mailLocale } from "@/lib/mail/language";
import { forumAnsweredText, forumDigestText } from "@/lib/mail/messages";
import { enqueueMail } from "@/lib/mail/outbox";

// The forum's two e-mails, written to the outbox inside the change that causes them, each in
// its reader's language (docs/decisions/042-wcag-22-and-mail-language.md): the digest in the
// candidate's account's, the answer's note in the language of the page the question was asked on.

/** A digest gathers the questions that arrive in this time into one message. */
export const DIGEST_DELAY_MS = 10 * 60_000;

type Recipient = { email: string; name: string; locale: string | null };

async function digestRecipient(tx: Tx, candidateId: string): Promise<Recipient | null> {
  return tx.user.findFirst({ where: { candidateId, role: "CANDIDATE", disabledAt: null }, select: { email: true, name: true, locale: true } });
}

function renderDigest(recipient: Recipient, waiting: number) {
  return forumDigestText({
    locale: mailLocale(recipient.locale),
    siteUrl: env().NEXTAUTH_URL,
    name: recipient.name,
    waiting,
    everyMinutes: DIGEST_DELAY_MS / 60_000,
  });
}

/** The digest waiting to be sent to this address; one being sent right now (locked by the worker) is not it. */
async function openDigest(tx: Tx, address: string): Promise<string | null> {
  const [open] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "OutboxMessage"
     WHERE kind = 'forum-digest' AND "toAddress" = ${address} AND status = 'PENDING'
     ORDER BY "createdAt" DESC
     LIMIT 1
       FOR UPDATE SKIP LOCKED`;
  return open?.id ?? null;
}

/**
 * After a new question: tells the candidate that questions are waiting, one message per
 * digest period, not one per question. A digest still waiting to be sent gets the new
 * count; otherwise a new one is scheduled at the end of the period.
 */
export async function queueDigest(tx: Tx, candidateId: string, now: Date): Promise<void> {
  const recipient = await digestRecipient(tx, candidateId);
  if (!recipient) return;
  const waiting = await tx.forumQuestion.count({ where: { candidateId, status: "PENDING" } });
  if (waiting === 0) return;
  const mail = await renderDigest(recipient, waiting);
  const open = await openDigest(tx, recipient.email);
  if (open) {
    await tx.outboxMessage.update({ where: { id: open }, data: mail });
    return;
  }
  await enqueueMail(tx, { to: recipient.email, ...mail, kind: "forum-digest", notBefore: new Date(now.getTime() + DIGEST_DELAY_MS) });
}

/**
 * After a moderation that leaves fewer questions waiting: the digest not yet sent says the
 * new count, or is dropped when nothing waits any more (it would only say something stale).
 */
export async function refreshDigest(tx: Tx, candidateId: string): Promise<void> {
  const recipient = await digestRecipient(tx, candidateId);
  if (!recipient) return;
  const open = await openDigest(tx, recipient.email);
  if (!open) return;
  const waiting = await tx.forumQuestion.count({ where: { candidateId, status: "PENDING" } });
  if (waiting === 0) {
    await tx.outboxMessage.delete({ where: { id: open } });
    return;
  }
  await tx.outboxMessage.update({ where: { id: open }, data: await renderDigest(recipient, waiting) });
}

/** Tells the asker, once, that their question has been answered; the caller then forgets the address. */
export async function queueAnsweredNote(
  tx: Tx,
  question: { askerEmail: string; askerName: string; locale: string | null; body: string; answer: string; candidateId: string; candidateName: string },
): Promise<void> {
  const mail = await forumAnsweredText({
    locale: mailLocale(question.locale),
    siteUrl: env().NEXTAUTH_URL,
    askerName: question.askerName,
    candidateId: question.candidateId,
    candidateName: question.candidateName,
    question: question.body,
    answer: question.answer,
  });
  await enqueueMail(tx, { to: question.askerEmail, ...mail, kind: "forum-answered" });
}
