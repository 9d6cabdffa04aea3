import type { PrismaClient } from "@/lib/db/client";

/** The audit rows written for one record, oldest first. */
export function auditRowsFor(db: PrismaClient, entity: string, entityId: string) {
  return db.auditEvent.findMany({ where: { entity, entityId }, orderBy: { id: "asc" } });
}
