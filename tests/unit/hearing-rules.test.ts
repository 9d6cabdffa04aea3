import { describe, expect, it } from "vitest";
import { chairProblem, hearingDateProblem, openingInstant, presentersChanged, webcastSourceValid } from "@/lib/hearings/rules";
import { setUpHearingSchema } from "@/lib/hearings/schema";

// PP-18: opens 29 Oct 2018 in Dubai (UTC+4); GR170 deadline 1 Oct 2018 23:59 Geneva (21:59 UTC).
const pp18 = { opensOn: "2018-10-29", timeZone: "Asia/Dubai", deadlineOverrideAt: null, deadlineOverrideReason: null };

describe("the hearing's date window (¶8, ¶9)", () => {
  it("opens at 00:00 on the first day in the conference's zone", () => {
    expect(openingInstant(pp18).toISOString()).toBe("2018-10-28T20:00:00.000Z");
  });

  it("accepts both options of ¶9 and refuses dates outside the window", () => {
    expect(hearingDateProblem(new Date("2018-10-28T05:30:00Z"), pp18)).toBeNull(); // the day before the opening
    expect(hearingDateProblem(new Date("2018-10-02T08:00:00Z"), pp18)).toBeNull(); // a preparatory meeting after the deadline
    expect(hearingDateProblem(new Date("2018-10-01T21:59:00Z"), pp18)).toBe("beforeDeadline"); // at the deadline itself
    expect(hearingDateProblem(new Date("2018-09-15T08:00:00Z"), pp18)).toBe("beforeDeadline");
    expect(hearingDateProblem(new Date("2018-10-28T20:00:00Z"), pp18)).toBe("notBeforeOpening");
    expect(hearingDateProblem(new Date("2018-10-30T08:00:00Z"), pp18)).toBe("notBeforeOpening");
  });

  it("follows the deadline in force when the secretariat overrode it", () => {
    const overridden = { ...pp18, deadlineOverrideAt: new Date("2018-10-05T16:00:00Z"), deadlineOverrideReason: "Postal strike" };
    expect(hearingDateProblem(new Date("2018-10-03T08:00:00Z"), overridden)).toBe("beforeDeadline");
    expect(hearingDateProblem(new Date("2018-10-06T08:00:00Z"), overridden)).toBeNull();
  });
});

describe("the chair's impartiality (¶8)", () => {
  const chair = { role: "CHAIR", isStaff: false, memberStateId: "NZL", disabled: false };
  it("accepts an impartial chair", () => {
    expect(chairProblem(chair, ["ESP", "GHA"])).toBeNull();
    expect(chairProblem({ ...chair, memberStateId: null }, ["ESP"])).toBeNull();
  });
  it("refuses a staff member", () => {
    expect(chairProblem({ ...chair, isStaff: true }, [])).toBe("isStaff");
  });
  it("refuses a member of an administration presenting a candidate", () => {
    expect(chairProblem(chair, ["ESP", "NZL"])).toBe("presentingState");
  });
  it("refuses a national of a presenting state, whatever administration they belong to", () => {
    expect(chairProblem({ ...chair, nationalityId: "ESP" }, ["ESP", "GHA"])).toBe("presentingNationality");
    expect(chairProblem({ ...chair, nationalityId: "FJI" }, ["ESP", "GHA"])).toBeNull();
    expect(chairProblem({ ...chair, nationalityId: null }, ["ESP"])).toBeNull();
  });
  it("refuses a user who is not an active chair", () => {
    expect(chairProblem({ ...chair, role: "MEMBER" }, [])).toBe("notAChair");
    expect(chairProblem({ ...chair, disabled: true }, [])).toBe("notAChair");
  });
});

describe("equal slots and the number of questions (¶6, ¶7)", () => {
  const valid = {
    startsAt: "2018-10-28T09:30",
    presentationMinutes: "15",
    qaMinutes: "15",
    questionsPerCandidate: "3",
    chairId: "chair-1",
    venue: "",
    webcastKind: "NONE",
    webcastSource: "",
    webcastAccess: "PUBLIC",
  };
  const errorsOf = (input: object) => setUpHearingSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

  it("is one pair of times for all candidates, whole minutes from 5 to 60", () => {
    const parsed = setUpHearingSchema.parse(valid);
    expect([parsed.presentationMinutes, parsed.qaMinutes]).toEqual([15, 15]);
    expect(errorsOf({ ...valid, presentationMinutes: "4" })).toEqual(["presentationMinutes: tooSmall:5"]);
    expect(errorsOf({ ...valid, qaMinutes: "61" })).toEqual(["qaMinutes: tooBig:60"]);
    expect(errorsOf({ ...valid, qaMinutes: "12.5" })).toEqual(["qaMinutes: integer"]);
  });

  it("draws 2 or 3 questions per candidate, nothing else", () => {
    expect(setUpHearingSchema.parse({ ...valid, questionsPerCandidate: "2" }).questionsPerCandidate).toBe(2);
    expect(errorsOf({ ...valid, questionsPerCandidate: "4" })).toEqual(["questionsPerCandidate: adminHearing.questionsTwoOrThree"]);
    expect(errorsOf({ ...valid, questionsPerCandidate: "1" })).toEqual(["questionsPerCandidate: adminHearing.questionsTwoOrThree"]);
  });
});

describe("the webcast source", () => {
  it("is a Mux playback id or an https HLS/MP4 address", () => {
    expect(webcastSourceValid("MUX_PLAYBACK_ID", "a1B2c3D4e5F6g7H8")).toBe(true);
    expect(webcastSourceValid("MUX_PLAYBACK_ID", "short")).toBe(false);
    expect(webcastSourceValid("MUX_PLAYBACK_ID", "has space in it 12")).toBe(false);
    expect(webcastSourceValid("URL", "https://stream.example.org/live/hearing.m3u8")).toBe(true);
    expect(webcastSourceValid("URL", "https://cdn.example.org/hearing.mp4")).toBe(true);
    expect(webcastSourceValid("URL", "http://stream.example.org/live/hearing.m3u8")).toBe(false);
    expect(webcastSourceValid("URL", "https://example.org/page.html")).toBe(false);
    expect(webcastSourceValid("URL", "javascript:alert(1)//.mp4")).toBe(false);
    expect(webcastSourceValid("URL", null)).toBe(false);
    expect(webcastSourceValid("NONE", null)).toBe(true);
  });

  it("drops a source typed while no webcast is chosen", () => {
    const base = { startsAt: "2018-10-28T09:30", presentationMinutes: 15, qaMinutes: 15, questionsPerCandidate: 3, chairId: "c", webcastAccess: "MEMBERS" };
    expect(setUpHearingSchema.parse({ ...base, webcastKind: "NONE", webcastSource: "leftover" }).webcastSource).toBeNull();
    expect(setUpHearingSchema.safeParse({ ...base, webcastKind: "URL", webcastSource: "" }).success).toBe(false);
  });
});

describe("a new draw of the running order", () => {
  it("is allowed only when the presenters changed", () => {
    expect(presentersChanged(["a", "b"], ["b", "a"])).toBe(false);
    expect(presentersChanged(["a", "b"], ["a", "b", "c"])).toBe(true);
    expect(presentersChanged(["a", "b"], ["a", "c"])).toBe(true);
    // Symmetric: a repeated id on one side does not hide a presenter missing from it.
    expect(presentersChanged(["a", "a"], ["a", "b"])).toBe(true);
    expect(presentersChanged(["a", "b"], ["a", "a"])).toBe(true);
  });
});
