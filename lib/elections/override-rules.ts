import { calendarDate, zonedWallTimeToUtc } from "@/lib/time/zones";

// What a deadline override may be (docs/domain.md#candidature-deadline): the secretariat moves
// GR170's deadline, but not past the opening, not past a hearing that must follow it, and not
// before a candidature already formally received, which would then be late after the fact.

/** The opening: 00:00 on the conference's first day, on its clocks. */
export function conferenceOpening(conference: { opensOn: Date | string; timeZone: string }): Date {
  return zonedWallTimeToUtc({ ...calendarDate(conference.opensOn), hour: 0, minute: 0 }, conference.timeZone);
}

export type OverrideProblem = "notBeforeOpening" | "notBeforeHearing" | "beforeReceived";

/** The catalogue key of each problem, in adminConference. */
export const OVERRIDE_PROBLEM_KEYS: Record<OverrideProblem, string> = {
  notBeforeOpening: "adminConference.overrideNotBeforeOpening",
  notBeforeHearing: "adminConference.overrideNotBeforeHearing",
  beforeReceived: "adminConference.overrideBeforeReceived",
};

/**
 * Why an override at `at` is impossible, or null. `hearingStartsAt` is the earliest hearing
 * of the conference (¶8, ¶9: it follows the deadline); `lastReceivedAt` the latest formal
 * receipt of a candidature (GR170: received by the deadline in force).
 */
export function overrideProblem(
  at: Date,
  context: { opensOn: Date | string; timeZone: string; hearingStartsAt?: Date | null; lastReceivedAt?: Date | null },
): OverrideProblem | null {
  if (at.getTime() >= conferenceOpening(context).getTime()) return "notBeforeOpening";
  if (context.hearingStartsAt && at.getTime() >= context.hearingStartsAt.getTime()) return "notBeforeHearing";
  if (context.lastReceivedAt && at.getTime() < context.lastReceivedAt.getTime()) return "beforeReceived";
  return null;
}
