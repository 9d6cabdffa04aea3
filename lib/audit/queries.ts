import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { confidentialView } from "./confidential";
import { AUDIT_PAGE_SIZE, dayRange, type AuditFilters } from "./filters";

const EVENT_SELECT = {
  id: true,
  at: true,
  actorId: true,
  actorRole: true,
  area: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

/** The zone the log's days are read in: the current conference's own, UTC when none (the log spans conferences). */
export async function auditTimeZone(actor: Actor | null): Promise<string> {
  assertCan(actor, "read:audit:any");
  const conference = await db().conference.findFirst({ where: { isCurrent: true }, select: { timeZone: true } });
  return conference?.timeZone ?? "UTC";
}

function whereOf(filters: AuditFilters, timeZone: string): Prisma.AuditEventWhereInput {
  const at = dayRange(filters.from, filters.to, timeZone);
  return {
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.area ? { area: filters.area } : {}),
    ...(at.gte || at.lt ? { at } : {}),
  };
}

/**
 * One page of the log, newest first. Pages are cut by id (a keyset), so events written
 * while someone reads do not push rows from one page to the next. The page and the CSV both
 * read through here: rows about drafts, profiles and ethics reviews are shown as ids and
 * statuses only, never the Ethics Office's outcome, even a row written before the scrub
 * (docs/audit.md).
 */
export async function listAuditEvents(actor: Actor | null, filters: AuditFilters, timeZone: string, take = AUDIT_PAGE_SIZE) {
  assertCan(actor, "read:audit:any");
  const where = whereOf(filters, timeZone);
  const rows = await db().auditEvent.findMany({
    where: filters.cursor ? { AND: [where, { id: { lt: BigInt(filters.cursor) } }] } : where,
    select: EVENT_SELECT,
    orderBy: { id: "desc" },
    take: take + 1,
  });
  const events = rows.slice(0, take).map((r) => ({
    ...r,
    id: r.id.toString(),
    before: confidentialView(r.area, r.action, r.before) as typeof r.before,
    after: confidentialView(r.area, r.action, r.after) as typeof r.after,
  }));
  const last = events.at(-1);
  return { events, nextCursor: rows.length > take && last ? last.id : null };
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

/** Everyone who has written to the log, for the filter's list. */
export async function listAuditActors(actor: Actor | null) {
  assertCan(actor, "read:audit:any");
  return db().user.findMany({ where: { auditEvents: { some: {} } }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } });
}
