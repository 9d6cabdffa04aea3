import type { CandidatureStatus } from "@/lib/db/generated/enums";

// What the public may see of a candidature, by its status: one rule for the profile, the
// photo and CV, the material and the candidate's forum, read by the pages and the services
// alike. Below candidates, materials and uploads, which all ask it.

/**
 * Campaigning is limited until the candidature is formalised (docs/domain.md#campaigning-after-formal):
 * only a FORMAL candidature publishes a profile or material, or takes forum questions.
 */
export function mayCampaignPublicly(status: CandidatureStatus): boolean {
  return status === "FORMAL";
}

/**
 * On the public record once formally received (General Rule 170), and kept there, marked,
 * after a withdrawal or the election (docs/domain.md#public-record).
 */
export const PUBLIC_RECORD_STATUSES = ["FORMAL", "WITHDRAWN", "ELECTED", "NOT_ELECTED"] as const satisfies readonly CandidatureStatus[];

export function isOnPublicRecord(status: CandidatureStatus): boolean {
  return (PUBLIC_RECORD_STATUSES as readonly CandidatureStatus[]).includes(status);
}
