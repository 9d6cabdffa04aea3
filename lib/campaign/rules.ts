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
 * Why the candidate may not put anything new before the public now — material, a version of
 * the profile, the photo or the CV — as a "workspace" message key, or null when they may. A
 * withdrawn candidature publishes nothing new, while what it published stays on the record,
 * marked (docs/domain.md#public-record).
 */
export function campaignPublishRefusal(status: CandidatureStatus): string | null {
  if (status === "WITHDRAWN") return "workspace.candidatureWithdrawn";
  if (status === "ELECTED" || status === "NOT_ELECTED") return "workspace.electionHeld";
  if (!mayCampaignPublicly(status)) return "workspace.notFormal";
  return null;
}

/**
 * Whether the candidate may still publish or answer questions in their forum. Not once
 * withdrawn: the forum takes no new publications (docs/domain.md#public-record); declining
 * or withdrawing a question stays possible, since neither publishes anything.
 */
export function mayPublishInForum(status: CandidatureStatus): boolean {
  return status !== "WITHDRAWN";
}

/**
 * On the public record once formally received (General Rule 170), and kept there, marked,
 * after a withdrawal or the election (docs/domain.md#public-record).
 */
export const PUBLIC_RECORD_STATUSES = ["FORMAL", "WITHDRAWN", "ELECTED", "NOT_ELECTED"] as const satisfies readonly CandidatureStatus[];

export function isOnPublicRecord(status: CandidatureStatus): boolean {
  return (PUBLIC_RECORD_STATUSES as readonly CandidatureStatus[]).includes(status);
}
