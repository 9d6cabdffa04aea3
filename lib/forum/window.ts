import type { CandidatureStatus } from "@/lib/db/generated/enums";
import { calendarDate, zonedWallTimeToUtc } from "@/lib/time/zones";

// When a candidate's forum takes questions. 001 (footnote 2, docs/domain.md#campaigning-after-formal): campaigning,
// and so the forum, starts once the candidature is formal; it stops when the conference
// opens, or at the closing time the secretariat sets instead.

export type ForumWindow = { open: true; closesAt: Date } | { open: false; reasonKey: string; values?: Record<string, string> };

const CLOSED_BY_STATUS: Record<Exclude<CandidatureStatus, "FORMAL">, string> = {
  ANNOUNCED: "forum.closedNotFormal",
  WITHDRAWN: "forum.closedWithdrawn",
  ELECTED: "forum.closedElectionHeld",
  NOT_ELECTED: "forum.closedElectionHeld",
};

/**
 * A closed conference is read-only (docs/decisions/012), so its forums are closed whatever
 * closing time the secretariat set.
 */
export function forumWindow(input: { candidateStatus: CandidatureStatus; closesAt: Date; conferenceClosedAt?: Date | null; now: Date }): ForumWindow {
  if (input.conferenceClosedAt) return { open: false, reasonKey: "forum.closedAfterClosing" };
  if (input.candidateStatus !== "FORMAL") return { open: false, reasonKey: CLOSED_BY_STATUS[input.candidateStatus] };
  if (input.now.getTime() >= input.closesAt.getTime()) return { open: false, reasonKey: "forum.closedAfterClosing" };
  return { open: true, closesAt: input.closesAt };
}

/** The secretariat's closing time, or midnight at the start of the opening day in the conference's zone. */
export function forumClosesAt(conference: { forumClosesAt: Date | null; opensOn: Date; timeZone: string }): Date {
  if (conference.forumClosesAt) return conference.forumClosesAt;
  return zonedWallTimeToUtc({ ...calendarDate(conference.opensOn), hour: 0, minute: 0 }, conference.timeZone);
}
