import { chairDb } from "@/lib/db";

export const dynamic = "force-dynamic";

// docs/decisions/019-database-capacity.md: the check runs on the reserved pool, so that a
// flood of viewers filling the general pool does not make a load balancer drop an instance
// whose database is fine; it answers within its own short deadline whatever the database
// does; and however many ask at once, one probe at a time is in flight (they share it), so
// asking often cannot take the reserved connections from the chair.
const DEADLINE_MS = 1_000;

let inFlight: Promise<number> | null = null;

function probe(): Promise<number> {
  inFlight ??= (async () => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS} ms`)), DEADLINE_MS);
    });
    try {
      await Promise.race([chairDb().$queryRaw`SELECT 1`, deadline]);
      return Math.round(performance.now() - started);
    } finally {
      clearTimeout(timer);
      inFlight = null;
    }
  })();
  return inFlight;
}

/** Liveness and database reachability, for load balancers and the start script: 200, or 503 within a second. */
export async function GET() {
  try {
    const latencyMs = await probe();
    return Response.json({ status: "ok", database: "reachable", latencyMs }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } });
  }
}
