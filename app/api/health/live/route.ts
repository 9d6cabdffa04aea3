export const dynamic = "force-dynamic";

/** Liveness (docs/decisions/029-observability-and-shutdown.md): the process answers. Asks nothing of the database, so a database outage never gets the instance restarted. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
