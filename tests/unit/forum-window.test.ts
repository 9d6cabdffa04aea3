import { describe, expect, it } from "vitest";
import { forumClosesAt, forumWindow } from "@/lib/forum/window";

const closesAt = new Date("2018-10-28T20:00:00Z");
const before = new Date("2018-10-28T19:59:59.999Z");

describe("when a candidate's forum takes questions", () => {
  it("is open while the candidature is formal and before the closing time", () => {
    expect(forumWindow({ candidateStatus: "FORMAL", closesAt, now: before })).toEqual({ open: true, closesAt });
  });

  it("closes at the closing time itself, not a moment later", () => {
    expect(forumWindow({ candidateStatus: "FORMAL", closesAt, now: closesAt })).toEqual({ open: false, reasonKey: "forum.closedAfterClosing" });
    expect(forumWindow({ candidateStatus: "FORMAL", closesAt, now: new Date("2019-01-01") }).open).toBe(false);
  });

  it.each([
    ["ANNOUNCED", "forum.closedNotFormal"],
    ["WITHDRAWN", "forum.closedWithdrawn"],
    ["ELECTED", "forum.closedElectionHeld"],
    ["NOT_ELECTED", "forum.closedElectionHeld"],
  ] as const)("is closed for a %s candidature, whatever the time, with its reason", (candidateStatus, reasonKey) => {
    expect(forumWindow({ candidateStatus, closesAt, now: before })).toEqual({ open: false, reasonKey });
  });

  it("is closed once the conference is closed, whatever closing time was set (docs/decisions/012)", () => {
    const conferenceClosedAt = new Date("2018-01-01T00:00:00Z");
    expect(forumWindow({ candidateStatus: "FORMAL", closesAt, conferenceClosedAt, now: before })).toEqual({
      open: false,
      reasonKey: "forum.closedAfterClosing",
    });
    expect(forumWindow({ candidateStatus: "FORMAL", closesAt, conferenceClosedAt: null, now: before }).open).toBe(true);
  });
});

describe("the forums' closing time", () => {
  it("is the start of the opening day on the conference's clocks when the secretariat set none (PP-18: Dubai, UTC+4)", () => {
    const at = forumClosesAt({ forumClosesAt: null, opensOn: new Date("2018-10-29"), timeZone: "Asia/Dubai" });
    expect(at.toISOString()).toBe("2018-10-28T20:00:00.000Z");
  });

  it("follows the zone's own offset on that day (Geneva in winter, UTC+1)", () => {
    const at = forumClosesAt({ forumClosesAt: null, opensOn: new Date("2030-11-04"), timeZone: "Europe/Zurich" });
    expect(at.toISOString()).toBe("2030-11-03T23:00:00.000Z");
  });

  it("is the secretariat's time when one is set, earlier or later than the opening", () => {
    const earlier = new Date("2018-10-20T12:00:00Z");
    const later = new Date("2018-11-05T08:00:00Z");
    expect(forumClosesAt({ forumClosesAt: earlier, opensOn: new Date("2018-10-29"), timeZone: "Asia/Dubai" })).toBe(earlier);
    expect(forumClosesAt({ forumClosesAt: later, opensOn: new Date("2018-10-29"), timeZone: "Asia/Dubai" })).toBe(later);
  });
});
