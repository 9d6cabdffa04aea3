import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { forumTranslator } from "./messages";

// The forum's two e-mails, written to the outbox inside the change that causes them.
// Both are in English: neither the candidate's account nor the question records a
// language (a `locale` column on ForumQuestion would let the asker's note follow the
// language of the form; the catalogs already hold every language).
const MAIL_LOCALE = "en" as const;

/** A digest gathers the questions that arrive in this time into one message. */
export const DIGEST_DELAY_MS = 10 * 60_000;

function link(path: string): string | null {
  const base = env().NEXTAUTH_URL;
  return base ? new URL(path, base).toString() : null;
}

type Recipient = { email: string; name: string };

async function digestRecipient(tx: Tx, candidateId: string): Promise<Recipient | null> {
  return tx.user.findFirst({ where: { candidateId, role: "CANDIDATE", disabledAt: null }, select: { email: true, name: true } });
}

async function renderDigest(recipient: Recipient, waiting: number): Promise<{ subject: string; body: string }> {
  const t = await forumTranslator(MAIL_LOCALE);
  const url = link(`/${MAIL_LOCALE}/my/forum`);
  return {
    subject: t("forum.mail.digestSubject", { count: waiting }),
    body: [
      t("forum.mail.greeting", { name: recipient.name }),
      t("forum.mail.digestBody", { count: waiting }),
      url ? t("forum.mail.digestLink", { url }) : t("forum.mail.digestSignIn"),
      t("forum.mail.digestFooter", { minutes: DIGEST_DELAY_MS / 60_000 }),
    ].join("\n\n"),
  };
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
  question: { askerEmail: string; askerName: string; body: string; answer: string; candidateId: string; candidateName: string },
): Promise<void> {
  const t = await forumTranslator(MAIL_LOCALE);
  const url = link(`/${MAIL_LOCALE}/candidates/${question.candidateId}`);
  const body = [
    t("forum.mail.greeting", { name: question.askerName }),
    t("forum.mail.answeredBody", { candidate: question.candidateName }),
    `${t("forum.mail.yourQuestion")}\n${question.body}`,
    `${t("forum.mail.theAnswer")}\n${question.answer}`,
    ...(url ? [t("forum.mail.answeredLink", { url })] : []),
    t("forum.mail.emailDeleted"),
  ].join("\n\n");
  await enqueueMail(tx, {
    to: question.askerEmail,
    subject: t("forum.mail.answeredSubject", { candidate: question.candidateName }),
    body,
    kind: "forum-answered",
  });
}
