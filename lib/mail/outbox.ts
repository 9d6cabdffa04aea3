import "server-only";
import type { Tx } from "@/lib/db";

// Mail is never sent from inside a change: the change writes a row here in its own
// transaction, and the worker (./worker.ts) sends it later. A change that rolls back
// therefore sends nothing, and an SMTP outage loses nothing.

export const MAIL_KINDS = ["forum-digest", "forum-answered", "password-reset", "ethics-answered", "forum-follow", "questionnaire-published"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Kinds whose recipient's address is forgotten once the message is sent: an asker's address serves this one message only. */
export const FORGET_ADDRESS_AFTER_SENDING: ReadonlySet<MailKind> = new Set(["forum-answered"]);

/** Kinds whose text is blanked once sent: each carries a working link (docs/decisions/023-second-factor.md, 049-forum-support-and-follow.md). */
export const FORGET_BODY_AFTER_SENDING: ReadonlySet<MailKind> = new Set(["password-reset", "forum-follow"]);

export type OutgoingMail = {
  to: string;
  /** Written in the recipient's language (./messages.ts, docs/decisions/042-wcag-22-and-mail-language.md). */
  subject: string;
  body: string;
  kind: MailKind;
  /** Not sent before this time (a digest waits to gather what follows). */
  notBefore?: Date;
};

export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<{ id: string }> {
  return tx.outboxMessage.create({
    data: {
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      ...(mail.notBefore ? { nextAttemptAt: mail.notBefore } : {}),
    },
    select: { id: true },
  });
}
