import { candidatureDeadline } from "@/lib/elections/deadline";
import { isOwnMediaPath } from "@/lib/materials/video-playback";
import { calendarDate, zonedWallTimeToUtc } from "@/lib/time/zones";

// Pure rules of the hearing set-up (Council study ¶6–¶9), shared by the services and tests.

/** ¶6, ¶7: the same presentation and Q&A time for every candidate, one pair for the hearing. */
export const SLOT_MINUTES = { min: 5, max: 60 } as const;
/** ¶6: "2-3 random questions" per candidate. */
export const QUESTIONS_PER_CANDIDATE = [2, 3] as const;

export type HearingConference = {
  opensOn: Date | string;
  timeZone: string;
  deadlineOverrideAt: Date | null;
  deadlineOverrideReason: string | null;
};

/** The opening: 00:00 on the first day, on the conference's clocks. */
export function openingInstant(conference: Pick<HearingConference, "opensOn" | "timeZone">): Date {
  return zonedWallTimeToUtc({ ...calendarDate(conference.opensOn), hour: 0, minute: 0 }, conference.timeZone);
}

export type DateWindowProblem = "beforeDeadline" | "notBeforeOpening";

/**
 * ¶8, ¶9: the hearing follows the candidature deadline in force (so that every candidate,
 * including officials who announce late, can take part) and precedes the opening.
 */
export function hearingDateProblem(startsAt: Date, conference: HearingConference): DateWindowProblem | null {
  if (startsAt.getTime() <= candidatureDeadline(conference).at.getTime()) return "beforeDeadline";
  if (startsAt.getTime() >= openingInstant(conference).getTime()) return "notBeforeOpening";
  return null;
}

export type ChairCandidate = {
  role: string;
  isStaff: boolean;
  /** The administration the user belongs to. */
  memberStateId: string | null;
  /** The user's nationality, its own field (a national may work elsewhere). */
  nationalityId?: string | null;
  disabled: boolean;
};
export type ChairProblem = "notAChair" | "isStaff" | "presentingState" | "presentingNationality";

/**
 * ¶8: the chair must be impartial — never a staff member, never a member of an
 * administration that presents a candidate at this hearing, nor a national of its state.
 */
export function chairProblem(user: ChairCandidate, presentingStateIds: readonly string[]): ChairProblem | null {
  if (user.role !== "CHAIR" || user.disabled) return "notAChair";
  if (user.isStaff) return "isStaff";
  if (user.memberStateId && presentingStateIds.includes(user.memberStateId)) return "presentingState";
  if (user.nationalityId && presentingStateIds.includes(user.nationalityId)) return "presentingNationality";
  return null;
}

export type WebcastKindName = "NONE" | "MUX_PLAYBACK_ID" | "URL";

const MUX_PLAYBACK_ID = /^[A-Za-z0-9]{10,64}$/;

/** A Mux playback id, an https URL of an HLS (.m3u8) or MP4 stream, or one the portal serves (/media/…); NONE needs nothing. */
export function webcastSourceValid(kind: WebcastKindName, source: string | null): boolean {
  if (kind === "NONE") return true;
  if (source === null) return false;
  if (kind === "MUX_PLAYBACK_ID") return MUX_PLAYBACK_ID.test(source);
  if (isOwnMediaPath(source)) return true;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return false;
  }
  return url.protocol === "https:" && url.hostname !== "" && /\.(m3u8|mp4)$/i.test(url.pathname);
}

/** The two lists do not name the same presenters (slots against candidatures, or a draw against the slots). */
export function presentersChanged(drawnIds: readonly string[], currentIds: readonly string[]): boolean {
  if (drawnIds.length !== currentIds.length) return true;
  const drawn = new Set(drawnIds);
  const current = new Set(currentIds);
  // Both ways, so that a repeated id on either side cannot hide a difference.
  return drawn.size !== current.size || [...drawn].some((id) => !current.has(id));
}
