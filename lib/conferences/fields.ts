// What the secretariat's console reads and the audit row snapshots of a conference.
export const CONFERENCE_FIELDS = {
  id: true,
  slug: true,
  name: true,
  city: true,
  opensOn: true,
  closesOn: true,
  timeZone: true,
  deadlineOverrideAt: true,
  deadlineOverrideReason: true,
  corporateDomains: true,
  defaultWebcastAccess: true,
  forumClosesAt: true,
  isCurrent: true,
  closedAt: true,
} as const;

/** The refusals of lib/conferences, as message keys of the "conferences" catalogue. */
export const CONFERENCE_REFUSALS = {
  closed: "conferences.CONFERENCE_CLOSED",
  slugInUse: "conferences.SLUG_IN_USE",
  datesInverted: "conferences.DATES_INVERTED",
  datesOverlap: "conferences.DATES_OVERLAP",
  hearingNotEnded: "conferences.HEARING_NOT_ENDED",
  hasCandidatures: "conferences.HAS_CANDIDATURES",
  hasHearing: "conferences.HAS_HEARING",
  isCurrent: "conferences.IS_CURRENT",
} as const;
