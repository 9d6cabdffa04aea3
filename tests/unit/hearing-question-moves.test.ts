import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { decisionRefusal, questionDecisions } from "@/lib/hearings/question-moves";
import { mayFollowWebcast } from "@/lib/hearings/webcast-rules";

// The rules the chair's console and the webcast page show and the services enforce, written
// once in lib/hearings (docs/domain.md#hearing-questions, docs/domain.md#webcast-access).

describe("the chair's decisions on a queued question", () => {
  it("offer the decision a question does not have yet, until it is drawn", () => {
    expect(questionDecisions("PENDING")).toEqual(["APPROVED", "SET_ASIDE"]);
    expect(questionDecisions("APPROVED")).toEqual(["SET_ASIDE"]);
    expect(questionDecisions("SET_ASIDE")).toEqual(["APPROVED"]);
    for (const status of ["DRAWN", "SHOWN", "ANSWERED"] as const) expect(questionDecisions(status)).toEqual([]);
  });

  it("refuse the same decision twice and any decision once drawn", () => {
    expect(decisionRefusal("PENDING", "APPROVED")).toBeNull();
    expect(decisionRefusal("APPROVED", "APPROVED")).toBe("alreadyApproved");
    expect(decisionRefusal("SET_ASIDE", "SET_ASIDE")).toBe("alreadySetAside");
    expect(decisionRefusal("SET_ASIDE", "APPROVED")).toBeNull();
    expect(decisionRefusal("DRAWN", "SET_ASIDE")).toBe("questionDrawn");
    expect(decisionRefusal("ANSWERED", "APPROVED")).toBe("questionDrawn");
  });
});

describe("who may follow a webcast", () => {
  const actor = (role: Actor["role"]): Actor => ({ id: "u1", role, candidateId: null, disabled: false });

  it("lets everyone follow a public webcast, signed in or not", () => {
    expect(mayFollowWebcast("PUBLIC", null)).toBe(true);
    expect(mayFollowWebcast("PUBLIC", actor("CANDIDATE"))).toBe(true);
  });

  it("lets only holders of the members' grant follow a members-only webcast", () => {
    expect(mayFollowWebcast("MEMBERS", null)).toBe(false);
    expect(mayFollowWebcast("MEMBERS", actor("MEMBER"))).toBe(true);
    expect(mayFollowWebcast("MEMBERS", actor("CHAIR"))).toBe(true);
  });
});
