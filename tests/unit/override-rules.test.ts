import { describe, expect, it } from "vitest";
import { conferenceOpening, OVERRIDE_PROBLEM_KEYS, overrideProblem } from "@/lib/elections/override-rules";

// PP-18: opens 29 October 2018 in Dubai (UTC+4), so at 28 October 20:00 UTC.
const PP18 = { opensOn: "2018-10-29", timeZone: "Asia/Dubai" };

describe("a deadline override (docs/domain.md#candidature-deadline)", () => {
  it("knows the opening on the conference's clocks", () => {
    expect(conferenceOpening(PP18)).toEqual(new Date("2018-10-28T20:00:00Z"));
  });

  it("may fall anywhere before the opening when nothing else stands in the way", () => {
    expect(overrideProblem(new Date("2018-10-05T16:00:00Z"), PP18)).toBeNull();
    expect(overrideProblem(new Date("2018-10-28T19:59:00Z"), PP18)).toBeNull();
  });

  it("is refused at the opening and after it", () => {
    expect(overrideProblem(new Date("2018-10-28T20:00:00Z"), PP18)).toBe("notBeforeOpening");
    expect(overrideProblem(new Date("2018-11-02T10:00:00Z"), PP18)).toBe("notBeforeOpening");
  });

  it("is refused at or after the hearing, which must follow the deadline", () => {
    const hearingStartsAt = new Date("2018-10-27T06:00:00Z");
    expect(overrideProblem(new Date("2018-10-27T06:00:00Z"), { ...PP18, hearingStartsAt })).toBe("notBeforeHearing");
    expect(overrideProblem(new Date("2018-10-27T05:59:00Z"), { ...PP18, hearingStartsAt })).toBeNull();
  });

  it("is refused before a candidature already formally received, which would become late", () => {
    const lastReceivedAt = new Date("2018-09-20T09:00:00Z");
    expect(overrideProblem(new Date("2018-09-20T08:59:00Z"), { ...PP18, lastReceivedAt })).toBe("beforeReceived");
    expect(overrideProblem(new Date("2018-09-20T09:00:00Z"), { ...PP18, lastReceivedAt })).toBeNull();
  });

  it("names each problem with a key of the adminConference catalogue", () => {
    for (const key of Object.values(OVERRIDE_PROBLEM_KEYS)) expect(key).toMatch(/^adminConference\./);
  });
});
