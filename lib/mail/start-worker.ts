import "server-only";
import { env } from "@/lib/env";
import { smtpTransport } from "./transport";
import { deliverDue } from "./worker";

// Due messages are looked for this often; a digest waits longer than this anyway.
const INTERVAL_MS = 30_000;

const globalForWorker = globalThis as unknown as { hustingsMailWorker?: () => void };

/**
 * Started once per server instance (instrumentation.ts) when SMTP is configured; without
 * SMTP_URL mail stays in the outbox, to be sent once it is. Several instances may each run
 * one: the outbox's row locks keep them from sending a message twice.
 */
export function startMailWorker(): boolean {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL || !MAIL_FROM) return false;
  if (globalForWorker.hustingsMailWorker) return true;
  const transport = smtpTransport(SMTP_URL, MAIL_FROM);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue({ transport });
    } catch (error) {
      // The database may be briefly unreachable; the next tick tries again.
      console.error("mail worker: delivery run failed", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), INTERVAL_MS);
  timer.unref();
  void tick();
  globalForWorker.hustingsMailWorker = () => clearInterval(timer);
  return true;
}
