import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { isRehearsalEntity } from "./rehearsal-mark";
import { confidentialView } from "./confidential";

export const AUDIT_AREAS = ["conference", "post", "candidate", "user", "hearing", "cost", "material", "forum", "ethics", "questionnaire"] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export type AuditInput = {
  /** null for what the system does by itself (e.g. a Mux webhook): no one acted. */
  actor: Actor | null;
  area: AuditArea;
  /** A verb in the past: "created", "updated", "status-changed", "disabled" … */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Dates as ISO strings and bigints as strings: what a JSON column can hold, losslessly enough to read. */
function snapshot(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as object;
}

/**
 * docs/conventions.md#audit-in-the-same-transaction: the audit row is written inside the change's own transaction, so that a
 * change without its audit row cannot be committed. The table refuses UPDATE and DELETE. Rows about material, ethics
 * reviews and the candidate's profile keep ids and statuses only, whatever the caller passed (lib/audit/confidential.ts).
 */
export async function emitAudit(tx: Tx, event: AuditInput): Promise<void> {
  // Serialised (dates, bigints), then cut to what the area may keep.
  const kept = (value: unknown) => snapshot(confidentialView(event.area, event.action, snapshot(value)));
  // A rehearsal's rows say so (docs/decisions/018-rehearsal-hearings.md).
  const rehearsal = event.area === "hearing" && (await isRehearsalEntity(tx, event.entity, event.entityId));
  await tx.auditEvent.create({
    data: {
      actorId: event.actor?.id ?? null,
      actorRole: event.actor?.role ?? null,
      area: event.area,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId,
      before: kept(event.before),
      after: rehearsal ? { ...kept(event.after), rehearsal: true } : kept(event.after),
    },
  });
}
