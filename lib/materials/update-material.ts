import "server-only";
import { materialAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertOwnMaterialActor, lockOwnMaterial, MATERIAL_FIELDS } from "./own-material";
import { editRefusal } from "./publish-rules";
import { materialIdSchema, updateMaterialSchemas } from "./schema";

/** A candidate edits a draft of their own; the material's kind is fixed when it is created. */
export async function updateMaterial({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id } = parseInput(materialIdSchema, input);
  return db().$transaction(async (tx) => {
    const before = await lockOwnMaterial(tx, candidateId, id);
    const refusal = editRefusal(before.state);
    if (refusal) throw new DomainError("CONFLICT", { messageKey: refusal });
    const data = parseInput(updateMaterialSchemas[before.kind], input);
    const after = await tx.material.update({
      where: { id },
      data: {
        title: data.title,
        language: data.language,
        body: "body" in data ? data.body : undefined,
        url: "url" in data ? data.url : undefined,
      },
      select: MATERIAL_FIELDS,
    });
    const { candidate: _candidate, ...snapshot } = before;
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "updated",
      entity: "Material",
      entityId: id,
      before: materialAuditView(snapshot),
      after: materialAuditView(after),
    });
    return after;
  });
}
