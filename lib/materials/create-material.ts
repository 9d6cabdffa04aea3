import "server-only";
import { materialAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse";
import { assertOwnMaterialActor, MATERIAL_FIELDS } from "./own-material";
import { createMaterialSchema } from "./schema";

/**
 * A candidate adds campaign material to their own candidature. It starts as a draft,
 * seen only by the candidate (and the Ethics Office if they ask for a review). A video or
 * brochure gets its file from the upload service afterwards. Not in a closed conference.
 */
export async function createMaterial({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const data = parseInput(createMaterialSchema, input);
  return db().$transaction(async (tx) => {
    await assertCandidatureOpen(tx, candidateId);
    const created = await tx.material.create({
      data: {
        candidateId,
        kind: data.kind,
        title: data.title,
        language: data.language,
        body: data.kind === "STATEMENT" ? data.body : null,
        url: data.kind === "LINK" ? data.url : null,
      },
      select: MATERIAL_FIELDS,
    });
    await emitAudit(tx, { actor, area: "material", action: "created", entity: "Material", entityId: created.id, after: materialAuditView(created) });
    return created;
  });
}
