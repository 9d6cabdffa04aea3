// Pure rules of the Ethics Office review (001): no database, unit-tested.
import { reviewAuditView } from "@/lib/audit/confidential";

type MaterialState = "DRAFT" | "PUBLISHED" | "TAKEN_DOWN";
type ReviewStatus = "PENDING" | "CLEARED" | "ADVICE";

/**
 * Why a candidate may not ask for a review now (a key of the "ethicsRequest" catalog), or null if they may.
 * 001: the Office advises on drafts, before the candidate decides to publish; one open
 * request per draft, so the Office answers one question at a time.
 */
export function requestRefusal(material: { state: MaterialState }, reviews: { status: ReviewStatus }[]): "notDraft" | "alreadyPending" | null {
  if (material.state !== "DRAFT") return "notDraft";
  if (reviews.some((r) => r.status === "PENDING")) return "alreadyPending";
  return null;
}

/** Only a request still waiting may be answered: an answer, once given, is not rewritten. */
export function answerRefusal(review: { status: ReviewStatus }): string | null {
  return review.status === "PENDING" ? null : "ethicsOffice.alreadyAnswered";
}

/**
 * What the audit log keeps of a review: ids, and whether it waits or was answered. 001: the
 * question, the draft, the advice and the outcome (cleared or advice) are confidential to the
 * candidate and the Ethics Office, and the secretariat reads the audit log (docs/audit.md).
 */
export function auditSnapshot(review: { id: string; materialId: string; candidateId: string; status: ReviewStatus }) {
  return reviewAuditView({ id: review.id, materialId: review.materialId, candidateId: review.candidateId, status: review.status });
}
