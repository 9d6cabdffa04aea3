import type { PrismaClient } from "@/lib/db/client";
import { makeConference, makeMemberState, makeUser, unique, type TestUser } from "./factories";

// Factories for the hearing and costs tests (docs/conventions.md#tests-own-their-data). Services are given the conference
// (docs/decisions/012), so each call makes a fresh one with its own slug: a test file may
// hold several, one per hearing, and tell them apart.

export const HEARING_CONFERENCE = {
  opensOn: "2030-10-28",
  timeZone: "Asia/Dubai",
  /** A valid hearing time: the day before the opening, 09:30 in Dubai. */
  validStart: "2030-10-27T09:30",
} as const;

/** A conference whose hearing may be set up at `HEARING_CONFERENCE.validStart`; optionally the current one. */
export async function makeHearingConference(db: PrismaClient, extra: { isCurrent?: boolean } = {}) {
  return makeConference(db, {
    name: unique("Hearing Conference"),
    city: "Dubai",
    opensOn: HEARING_CONFERENCE.opensOn,
    closesOn: "2030-11-15",
    timeZone: HEARING_CONFERENCE.timeZone,
    isCurrent: extra.isCurrent ?? false,
  });
}

/** A candidate for a new post of the given kind, nominated by `memberStateId`. */
export async function makeStandingCandidate(
  db: PrismaClient,
  input: {
    conferenceId: string;
    memberStateId: string;
    status?: "ANNOUNCED" | "FORMAL" | "WITHDRAWN";
    kind?: "ELECTED_OFFICIAL" | "RRB_SEAT";
  },
) {
  const post = await db.post.create({
    data: {
      conferenceId: input.conferenceId,
      code: unique("P").toUpperCase().slice(0, 24),
      kind: input.kind ?? "ELECTED_OFFICIAL",
      region: input.kind === "RRB_SEAT" ? "B" : null,
      names: { en: unique("Post") },
    },
  });
  return db.candidate.create({
    data: {
      conferenceId: input.conferenceId,
      postId: post.id,
      memberStateId: input.memberStateId,
      name: unique("Candidate"),
      status: input.status ?? "FORMAL",
      formallyReceivedAt: input.status === "ANNOUNCED" ? null : new Date("2030-09-01T10:00:00Z"),
    },
  });
}

/** A user with the CHAIR role, optionally staff or from an administration. */
export async function makeChair(db: PrismaClient, extra: { memberStateId?: string; isStaff?: boolean } = {}): Promise<TestUser> {
  const user = await makeUser(db, "CHAIR");
  await db.user.update({ where: { id: user.id }, data: { memberStateId: extra.memberStateId ?? null, isStaff: extra.isStaff ?? false } });
  return user;
}

export { makeMemberState };

/** The form's fields for a valid set-up with `chairId`. */
export function hearingInput(chairId: string, overrides: Record<string, string> = {}) {
  return {
    startsAt: HEARING_CONFERENCE.validStart,
    presentationMinutes: "15",
    qaMinutes: "15",
    questionsPerCandidate: "3",
    chairId,
    venue: "Dubai World Trade Centre",
    webcastKind: "URL",
    webcastSource: "https://stream.example.org/hearing.m3u8",
    webcastAccess: "PUBLIC",
    ...overrides,
  };
}
