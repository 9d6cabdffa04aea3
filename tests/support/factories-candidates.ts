import type { PrismaClient } from "@/lib/db/client";
import { makeConference, makeMemberState, unique } from "./factories";

export { makeConference };

// Factories for the posts and candidatures services (docs/conventions.md#tests-own-their-data): unique names, own data.

/**
 * A NEW conference for a console test, dated like PP-18 (Dubai, 29 Oct – 16 Nov 2018), with
 * a unique slug: every test names the conference it changes (docs/decisions/012).
 */
export async function consoleConference(db: PrismaClient) {
  return makeConference(db, { name: unique("PP-18"), city: "Dubai", opensOn: "2018-10-29", closesOn: "2018-11-16", timeZone: "Asia/Dubai" });
}

/** Another past conference, for rules that read one conference's own deadline. */
export async function pastConference(db: PrismaClient, opensOn = "2018-10-29") {
  return db.conference.create({
    data: {
      slug: unique("past"),
      name: unique("Past Conference"),
      city: "Geneva",
      opensOn: new Date(opensOn),
      closesOn: new Date(opensOn),
      timeZone: "Europe/Zurich",
    },
  });
}

export async function makeStateIn(db: PrismaClient, region: "A" | "B" | "C" | "D" | "E", admittedOn: Date | null = null) {
  const state = await makeMemberState(db);
  return db.memberState.update({ where: { id: state.id }, data: { region, admittedOn } });
}

export function postCode(prefix = "T"): string {
  return unique(prefix)
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, "")
    .slice(0, 32);
}

/** The form fields of a new elected-official post. */
export function postForm(extra: Record<string, string> = {}): Record<string, string> {
  return { code: postCode(), kind: "ELECTED_OFFICIAL", region: "", seats: "1", sortOrder: "5", nameEn: unique("Post"), ...extra };
}
