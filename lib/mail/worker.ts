import "server-only";
import { db } from "@/lib/db";
import { FORGET_ADDRESS_AFTER_SENDING, FORGET_BODY_AFTER_SENDING, type MailKind } from "./outbox";
import { MAIL_RETRY, retryDelayMs } from "./retry";
import type { MailTransport } from "./transport";

export type DeliveryReport = { sent: number; retried: number; failed: number };

type DueRow = { id: string; kind: string; toAddress: string; subject: string; body: string; attempts: number };

// The row stays locked while its message is sent: longer than the SMTP timeouts.
const SEND_TRANSACTION = { timeout: 90_000, maxWait: 10_000 } as const;

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 1000);
}

/** Sends one due message, or returns null when none is due (or every due one is being sent by another worker). */
async function deliverOne(transport: MailTransport, now: Date): Promise<keyof DeliveryReport | null> {
  return db().$transaction(async (tx) => {
    // SKIP LOCKED: a message another worker is sending is invisible here, so two workers
    // (or two app instances) never send the same message.
    const [row] = await tx.$queryRaw<DueRow[]>`
      SELECT id, kind, "toAddress", subject, body, attempts
        FROM "OutboxMessage"
       WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
       ORDER BY "nextAttemptAt", id
       LIMIT 1
         FOR UPDATE SKIP LOCKED`;
    if (!row) return null;
    const attempts = row.attempts + 1;
    try {
      await transport.send({ to: row.toAddress, subject: row.subject, text: row.body });
    } catch (error) {
      const failed = attempts >= MAIL_RETRY.maxAttempts;
      await tx.outboxMessage.update({
        where: { id: row.id },
        data: failed
          ? { status: "FAILED", attempts, lastError: describe(error) }
          : { attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)), lastError: describe(error) },
      });
      return failed ? "failed" : "retried";
    }
    // A crash between the server's acceptance and this commit sends the message again on
    // the next run: delivery is at least once, never lost.
    const forget = FORGET_ADDRESS_AFTER_SENDING.has(row.kind as MailKind);
    const blank = FORGET_BODY_AFTER_SENDING.has(row.kind as MailKind);
    await tx.outboxMessage.update({
      where: { id: row.id },
      data: { status: "SENT", attempts, sentAt: now, lastError: null, ...(forget ? { toAddress: "" } : {}), ...(blank ? { body: "" } : {}) },
    });
    return "sent";
  }, SEND_TRANSACTION);
}

/**
 * Sends up to `batch` messages that are due at `now`, one transaction per message. A
 * failure leaves the message PENDING with its next attempt pushed back (./retry.ts), or
 * FAILED after the last attempt; nothing is ever deleted.
 */
export async function deliverDue({
  transport,
  now = new Date(),
  batch = 20,
}: {
  transport: MailTransport;
  now?: Date;
  batch?: number;
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < batch; i++) {
    const outcome = await deliverOne(transport, now);
    if (!outcome) break;
    report[outcome]++;
  }
  return report;
}
