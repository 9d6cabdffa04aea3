import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { auditSnapshot, requestRefusal } from "./rules";
import { requestReviewSchema } from "./schema";

/**
 * 001: a candidate may ask the Ethics Office, confidentially, about one of their own drafts.
 * The candidate is the actor's, never the form's. Not in a closed conference (read-only,
 * docs/decisions/012): checked by the actor's candidature, so the refusal tells nothing of the id.
 */
export async function requestReview({ actor, input }: { actor: Actor | null; input: unknown }) {
  // The role first, before anything is read; the ownership once the draft is known.
  assertCan(actor, "request:ethics-review:own", { candidateId: actor?.candidateId });
  const candidateId = actor.candidateId;
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const { materialId, question } = parseInput(requestReviewSchema, input);
  return db().$transaction(async (tx) => {
    await assertCandidatureOpen(tx, candidateId);
    // FOR UPDATE: two requests sent at once for one draft are decided one after the other.
    await tx.$executeRaw`SELECT 1 FROM "Material" WHERE id = ${materialId} FOR UPDATE`;
    const material = await tx.material.findUnique({
      where: { id: materialId },
      select: { id: true, candidateId: true, state: true, ethicsReviews: { select: { status: true } } },
    });
    if (!material) throw new DomainError("NOT_FOUND", { messageKey: "ethicsRequest.notFound" });
    assertCan(actor, "request:ethics-review:own", { candidateId: material.candidateId });
    const refusal = requestRefusal(material, material.ethicsReviews);
    if (refusal) throw new DomainError("CONFLICT", { messageKey: `ethicsRequest.${refusal}` });
    const review = await tx.ethicsReview.create({
      data: { materialId: material.id, candidateId: material.candidateId, question },
      select: { id: true, materialId: true, candidateId: true, status: true },
    });
    await emitAudit(tx, { actor, area: "ethics", action: "review-requested", entity: "EthicsReview", entityId: review.id, after: auditSnapshot(review) });
    return review;
  });
}
