import { describe, expect, it } from "vitest";
import { nominationRefusal, type NominationCheck } from "@/lib/candidates/nomination";

const closesOn = new Date("2018-11-16");
const base: NominationCheck = {
  post: { kind: "ELECTED_OFFICIAL", region: null, retiredAt: null },
  state: { region: "E", admittedOn: null },
  conferenceClosesOn: closesOn,
  postChanged: true,
};

describe("nomination by a Member State", () => {
  it("accepts a Member State nominating for an open post", () => {
    expect(nominationRefusal(base)).toBeNull();
  });

  it("refuses a state admitted after the conference (Palau, 2024, at PP-18)", () => {
    const palau = { region: "E", admittedOn: new Date("2024-09-19") };
    expect(nominationRefusal({ ...base, state: palau })).toEqual({ field: "memberStateId", messageKey: "adminCandidates.stateNotMember" });
    expect(nominationRefusal({ ...base, state: palau, conferenceClosesOn: new Date("2026-11-20") })).toBeNull();
  });

  it("refuses a new candidate for a retired post, but keeps one who already stood for it", () => {
    const retired = { ...base.post, retiredAt: new Date("2018-09-01") };
    expect(nominationRefusal({ ...base, post: retired })?.messageKey).toBe("adminCandidates.postRetired");
    expect(nominationRefusal({ ...base, post: retired, postChanged: false })).toBeNull();
  });

  it("refuses a state from another region for a regional seat", () => {
    const rrbA = { kind: "RRB_SEAT" as const, region: "A", retiredAt: null };
    expect(nominationRefusal({ ...base, post: rrbA })?.messageKey).toBe("adminCandidates.stateOutsideRegion");
    expect(nominationRefusal({ ...base, post: rrbA, state: { region: "A", admittedOn: null } })).toBeNull();
  });
});
