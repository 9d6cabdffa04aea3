import "server-only";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { errorField, logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
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
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    try {
      const report = await deliverDue({ transport });
      if (report.retried > 0) metrics().mailSendFailures.inc({ outcome: "retried" }, report.retried);
      if (report.failed > 0) metrics().mailSendFailures.inc({ outcome: "failed" }, report.failed);
    } catch (error) {
      // The database may be briefly unreachable; the next tick tries again.
      logger().error({ err: errorField(error) }, "mail worker: delivery run failed");
    }
  };
  const tick = () => {
    if (running || stopped) return;
    running = run().finally(() => (running = null));
  };
  const timer = setInterval(tick, INTERVAL_MS);
  timer.unref();
  tick();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  globalForWorker.hustingsMailWorker = stop;
  // On shutdown no run starts, and the one under way may finish the message it is sending
  // (its row stays locked until then; the shutdown's own limit bounds the wait).
  onShutdown("mail worker", "workers", async () => {
    stop();
    await running;
  });
  return true;
}
