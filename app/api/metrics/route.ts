import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { metricsAccess } from "@/lib/observability/metrics-token";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const BACKLOG_DEADLINE_MS = 1_000;

/**
 * Prometheus metrics (docs/decisions/029-observability-and-shutdown.md), for a scraper that
 * sends `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN there is no such
 * page (404); a missing or wrong token is 401.
 */
export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"), env().METRICS_TOKEN);
  if (access === "disabled") return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (access === "refused")
    return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer realm="metrics"' } });
  const m = metrics();
  await readOutboxBacklog(m.outboxBacklog);
  return new Response(await m.registry.metrics(), { headers: { "Content-Type": m.registry.contentType, "Cache-Control": "no-store" } });
}

/** The outbox's waiting messages, read now; absent from the answer when the database does not answer in time. */
async function readOutboxBacklog(gauge: ReturnType<typeof metrics>["outboxBacklog"]) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const count = await Promise.race([
      db().outboxMessage.count({ where: { status: "PENDING" } }),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("late")), BACKLOG_DEADLINE_MS))),
    ]);
    gauge.set(count);
  } catch {
    gauge.reset();
  } finally {
    clearTimeout(timer);
  }
}
