import { calendarDate, zonedWallTimeToUtc } from "@/lib/time/zones";

// General Rule 170 (Council study ¶8): candidatures must reach the Secretary-General by
// 23:59 Geneva time on the 28th day before the opening of the conference.
export const GR170_DAYS_BEFORE_OPENING = 28;
export const GR170_TIME_ZONE = "Europe/Zurich"; // Geneva's zone in the IANA database
const GR170_HOUR = 23;
const GR170_MINUTE = 59;

/** The candidature deadline computed by GR170 from the conference's opening day. */
export function gr170Deadline(opensOn: Date | string): Date {
  const { year, month, day } = calendarDate(opensOn);
  const target = new Date(Date.UTC(year, month - 1, day - GR170_DAYS_BEFORE_OPENING));
  return zonedWallTimeToUtc(
    {
      year: target.getUTCFullYear(),
      month: target.getUTCMonth() + 1,
      day: target.getUTCDate(),
      hour: GR170_HOUR,
      minute: GR170_MINUTE,
    },
    GR170_TIME_ZONE,
  );
}

export type CandidatureDeadline = { at: Date; source: "GR170"; computed: Date } | { at: Date; source: "OVERRIDE"; computed: Date; reason: string };

/** The deadline in force: the secretariat's override when there is one, else GR170's. */
export function candidatureDeadline(conference: {
  opensOn: Date | string;
  deadlineOverrideAt: Date | null;
  deadlineOverrideReason: string | null;
}): CandidatureDeadline {
  const computed = gr170Deadline(conference.opensOn);
  if (conference.deadlineOverrideAt) {
    return {
      at: conference.deadlineOverrideAt,
      source: "OVERRIDE",
      computed,
      reason: conference.deadlineOverrideReason ?? "",
    };
  }
  return { at: computed, source: "GR170", computed };
}
