import { chairDb } from "@/lib/db";
import { liveBus } from "@/lib/hearings/live-bus";
import { isShuttingDown } from "@/lib/lifecycle/shutdown";
import { CHECK_DEADLINE_MS, readiness } from "@/lib/observability/readiness";
import { storage } from "@/lib/storage";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A key of the storage's shape that is never written: asking for it proves the store answers. */
const PROBE_KEY = "00000000000000000000000000000000.txt";

/**
 * Readiness (docs/decisions/029-observability-and-shutdown.md): the database (on the reserved
 * pool, as /api/health, docs/decisions/019-database-capacity.md), the live bus's LISTEN
 * connection and the file store each answer within 1.5 s; 503 naming what failed, or at once
 * while the instance stops.
 */
export async function GET() {
  const result = await readiness(
    {
      database: () => chairDb().$queryRaw`SELECT 1`,
      listen: async () => {
        if (!(await liveBus().settle(CHECK_DEADLINE_MS))) throw new Error("not listening");
      },
      storage: () => storage().stat(PROBE_KEY),
    },
    { stopping: isShuttingDown() },
  );
  const headers = { "Cache-Control": "no-store" };
  if (result.ready) return Response.json({ status: "ready", checks: result.checks }, { headers });
  return Response.json(
    { status: isShuttingDown() ? "stopping" : "unavailable", checks: result.checks },
    { status: 503, headers: { ...headers, "Retry-After": "5" } },
  );
}
