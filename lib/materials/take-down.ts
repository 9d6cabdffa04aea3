import "server-only";
import { materialAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { MATERIAL_FIELDS } from "./own-material";
import { takeDownSchema } from "./schema";

/**
 * The secretariat takes published material down with a reason, which is logged and shown
 * to the candidate. The material is kept (state TAKEN_DOWN), not deleted. A closed
 * conference's material stays as it was when the conference closed.
 */
export async function takeDownMaterial({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "takedown:material:any");
  const { id, reason } = parseInput(takeDownSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    // The conference first, then the material: the order every change takes them in.
    const owner = await tx.material.findUnique({ where: { id }, select: { candidateId: true } });
    if (!owner) throw new DomainError("NOT_FOUND");
    await assertCandidatureOpen(tx, owner.candidateId);
    await tx.$executeRaw`SELECT 1 FROM "Material" WHERE id = ${id} FOR UPDATE`;
    const before = await tx.material.findUnique({ where: { id }, select: MATERIAL_FIELDS });
    if (!before) throw new DomainError("NOT_FOUND");
    if (before.state !== "PUBLISHED") throw new DomainError("CONFLICT", { messageKey: "adminMaterials.notPublished" });
    const after = await tx.material.update({
      where: { id },
      data: { state: "TAKEN_DOWN", takenDownAt: new Date(), takedownReason: reason, takenDownById: actor.id },
      select: MATERIAL_FIELDS,
    });
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "taken-down",
      entity: "Material",
      entityId: id,
      before: materialAuditView(before),
      after: materialAuditView(after),
    });
    return after;
  });
}
