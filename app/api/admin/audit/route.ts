import { csvLine } from "@/lib/http/csv";
import { auditFiltersSchema } from "@/lib/audit/filters";
import { auditTimeZone, listAuditEvents } from "@/lib/audit/queries";
import { assertCan } from "@/lib/auth/assert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isDomainError } from "@/lib/errors/domain-error";
import { toLocalDateTime } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

const BATCH = 1000;
const HEADER = ["id", "at_utc", "at_local", "time_zone", "actor_id", "actor_name", "actor_role", "area", "action", "entity", "entity_id", "before", "after"];

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The audit log as CSV, with the page's filters. Route handlers check the caller themselves (docs/conventions.md#authorise-where-the-data-is-touched). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  try {
    assertCan(user, "read:audit:any");
  } catch (error) {
    if (isDomainError(error)) return error.code === "UNAUTHENTICATED" ? plain(401, "Sign in first.") : plain(403, "Forbidden.");
    throw error;
  }
  const parsed = auditFiltersSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return plain(400, "Invalid filters.");
  const timeZone = await auditTimeZone(user);
  let body = csvLine(HEADER);
  let cursor: string | undefined;
  // Keyset batches, newest first, like the page.
  for (;;) {
    const { events, nextCursor } = await listAuditEvents(user, { ...parsed.data, cursor }, timeZone, BATCH);
    for (const e of events) {
      body += csvLine([
        e.id,
        e.at.toISOString(),
        toLocalDateTime(e.at, timeZone),
        timeZone,
        e.actorId,
        e.actor?.name,
        e.actorRole,
        e.area,
        e.action,
        e.entity,
        e.entityId,
        e.before === null ? "" : JSON.stringify(e.before),
        e.after === null ? "" : JSON.stringify(e.after),
      ]);
    }
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
