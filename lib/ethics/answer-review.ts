import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { assertCandidatureOpen } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { queueReviewAnsweredNote } from "./notify";
import { answerRefusal, auditSnapshot } from "./rules";
import { answerReviewSchema } from "./schema";

const REVIEW_FIELDS = { id: true, materialId: true, candidateId: true, status: true } as const;

/**
 * 001: the Ethics Office clears a draft or gives advice; the candidate decides what to publish.
 * Not in a closed conference (read-only, docs/decisions/012).
 */
export async function answerReview({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "answer:ethics-review:any");
  const { reviewId, outcome, comment } = parseInput(answerReviewSchema, input);
  return db().$transaction(async (tx) => {
    // The conference first, then the review: the order every change takes them in.
    const owner = await tx.ethicsReview.findUnique({ where: { id: reviewId }, select: { candidateId: true } });
    if (!owner) throw new DomainError("NOT_FOUND", { messageKey: "ethicsOffice.notFound" });
    await assertCandidatureOpen(tx, owner.candidateId);
    // FOR UPDATE: two officers answering at once cannot both answer.
    await tx.$executeRaw`SELECT 1 FROM "EthicsReview" WHERE id = ${reviewId} FOR UPDATE`;
    const before = await tx.ethicsReview.findUnique({ where: { id: reviewId }, select: REVIEW_FIELDS });
    if (!before) throw new DomainError("NOT_FOUND", { messageKey: "ethicsOffice.notFound" });
    const refusal = answerRefusal(before);
    if (refusal) throw new DomainError("CONFLICT", { messageKey: refusal });
    const after = await tx.ethicsReview.update({
      where: { id: before.id },
      data: { status: outcome, answer: comment, reviewerId: actor.id, answeredAt: new Date() },
      select: { ...REVIEW_FIELDS, requestedAt: true },
    });
    // The candidate hears of it in their own language; the mail is sent only if this commits.
    await queueReviewAnsweredNote(tx, { candidateId: after.candidateId, materialId: after.materialId, outcome, requestedAt: after.requestedAt });
    await emitAudit(tx, {
      actor,
      area: "ethics",
      action: "review-answered",
      entity: "EthicsReview",
      entityId: after.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    const { requestedAt: _requestedAt, ...answered } = after;
    return answered;
  });
}
