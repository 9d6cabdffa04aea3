import "server-only";
import { materialAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { storage } from "@/lib/storage";
import { storeUpload } from "@/lib/uploads/store-upload";
import { parseInput } from "@/lib/validation/parse";
import { assertDraftOfKind, assertOwnMaterialActor, lockOwnMaterial, MATERIAL_FIELDS } from "./own-material";
import { materialIdSchema } from "./schema";

const FILE_FIELDS = { fileKey: true, fileName: true, mimeType: true, sizeBytes: true } as const;

async function checked(tx: Tx, candidateId: string, id: string) {
  const material = await lockOwnMaterial(tx, candidateId, id);
  // A brochure is a PDF (docs/domain.md#campaign-material); no other kind takes a file here.
  assertDraftOfKind(material, "BROCHURE", "workspace.fileOnlyBrochure");
  return material;
}

/**
 * A candidate attaches the PDF of one of their own draft brochures. The material is
 * checked before the file is read (nothing is stored for a refused request) and again,
 * locked, in the change; a replaced file is deleted only after the commit.
 */
export async function attachMaterialFile({ actor, input, file }: { actor: Actor | null; input: unknown; file: File }) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id } = parseInput(materialIdSchema, input);
  await db().$transaction((tx) => checked(tx, candidateId, id));
  const stored = await storeUpload({ actor, kind: "brochure", file });
  let result;
  try {
    result = await db().$transaction(async (tx) => {
      const material = await checked(tx, candidateId, id);
      const before = await tx.material.findUniqueOrThrow({ where: { id }, select: FILE_FIELDS });
      const after = await tx.material.update({
        where: { id },
        data: { fileKey: stored.key, fileName: stored.safeName, mimeType: stored.mime, sizeBytes: BigInt(stored.size) },
        select: { ...MATERIAL_FIELDS, ...FILE_FIELDS },
      });
      await emitAudit(tx, {
        actor,
        area: "material",
        action: "file-attached",
        entity: "Material",
        entityId: id,
        before: materialAuditView(before),
        after: materialAuditView({ fileKey: after.fileKey }),
      });
      return { after, previous: material.fileKey };
    });
  } catch (error) {
    await storage()
      .delete(stored.key)
      .catch(() => undefined);
    throw error;
  }
  if (result.previous)
    await storage()
      .delete(result.previous)
      .catch(() => undefined);
  return result.after;
}
