import "server-only";
import { materialAuditView } from "@/lib/audit/confidential";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { isAllowedMediaAddress, mediaHosts, originOf } from "@/lib/security/media-origins";
import { parseInput } from "@/lib/validation/parse";
import { enteredMediaOrigins } from "./media-address";
import { assertOwnMaterialActor, lockOwnMaterial, MATERIAL_FIELDS } from "./own-material";
import { publishRefusal } from "./publish-rules";
import { materialIdSchema, publishMaterialSchema } from "./schema";

/**
 * The candidate publishes their own material: only with a formal candidature (001,
 * footnote 2) and both declarations of 001 A ticked, which are kept with the material.
 */
export async function publishMaterial({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id, declaredNoSymbols, declaredNoResources } = parseInput(publishMaterialSchema, input);
  return db().$transaction(async (tx) => {
    const { candidate, ...before } = await lockOwnMaterial(tx, candidateId, id);
    const refusal = publishRefusal({ ...before, candidateStatus: candidate.status, declaredNoSymbols, declaredNoResources });
    if (refusal) {
      throw new DomainError(refusal.code, {
        messageKey: refusal.key,
        fieldErrors: refusal.field ? { [refusal.field]: refusal.key } : undefined,
      });
    }
    // An external video whose site left the list after it was saved would not play: not published (docs/decisions/028-media-origins.md).
    if (before.videoSource === "URL" && before.url && !isAllowedMediaAddress(before.url, enteredMediaOrigins())) {
      const origin = originOf(before.url);
      throw new DomainError("CONFLICT", {
        messageKey: "mediaOrigins.notAllowedToPublish",
        values: { host: origin ? new URL(origin).host : "", hosts: mediaHosts(enteredMediaOrigins()) },
      });
    }
    const after = await tx.material.update({
      where: { id },
      data: { state: "PUBLISHED", publishedAt: new Date(), declaredNoSymbols, declaredNoResources },
      select: MATERIAL_FIELDS,
    });
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "published",
      entity: "Material",
      entityId: id,
      before: materialAuditView(before),
      after: materialAuditView(after),
    });
    return after;
  });
}

/** The candidate takes their own published material off the public page; it becomes a draft again. */
export async function unpublishMaterial({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertOwnMaterialActor(actor);
  const candidateId = actor.candidateId;
  const { id } = parseInput(materialIdSchema, input);
  return db().$transaction(async (tx) => {
    const { candidate: _candidate, ...before } = await lockOwnMaterial(tx, candidateId, id);
    if (before.state !== "PUBLISHED") throw new DomainError("CONFLICT", { messageKey: "workspace.notPublished" });
    const after = await tx.material.update({
      where: { id },
      data: { state: "DRAFT", publishedAt: null },
      select: MATERIAL_FIELDS,
    });
    await emitAudit(tx, {
      actor,
      area: "material",
      action: "unpublished",
      entity: "Material",
      entityId: id,
      before: materialAuditView(before),
      after: materialAuditView(after),
    });
    return after;
  });
}
