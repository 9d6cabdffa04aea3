import { describe, expect, it } from "vitest";
import { accountChecksSource, refusalField, sourceRefusal } from "@/lib/hearings/question-sources";
import { roomQuestionSchema, setAsideSchema, viewerQuestionSchema } from "@/lib/hearings/questions-schema";

// The source rules the services enforce at entry (docs/fairness.md#question-sources,
// docs/fairness.md#no-self-questioning).

const facts = (extra: Partial<Parameters<typeof sourceRefusal>[0]>) => ({
  kind: "PUBLIC" as const,
  stateId: null,
  accountStateId: null,
  candidateStateId: "nominator",
  ...extra,
});

describe("no self-questioning", () => {
  it("refuses a Member State question of the candidate's nominating state, signed in or not", () => {
    expect(sourceRefusal(facts({ kind: "MEMBER_STATE", stateId: "nominator" }))).toBe("selfQuestioningState");
    expect(sourceRefusal(facts({ kind: "MEMBER_STATE", stateId: "nominator", accountStateId: "nominator" }))).toBe("selfQuestioningState");
    expect(refusalField("selfQuestioningState")).toBe("askerState");
  });

  it("refuses an account of the nominating state's administration whatever source it declares", () => {
    for (const kind of ["PUBLIC", "PRESS", "SECTOR_MEMBER"] as const) {
      expect(sourceRefusal(facts({ kind, accountStateId: "nominator" }))).toBe("selfQuestioningAccount");
    }
    expect(sourceRefusal(facts({ kind: "MEMBER_STATE", stateId: "other", accountStateId: "nominator" }))).toBe("selfQuestioningAccount");
    expect(refusalField("selfQuestioningAccount")).toBe("askerKind");
  });

  it("lets another state, and anyone of another administration, question the candidate", () => {
    expect(sourceRefusal(facts({ kind: "MEMBER_STATE", stateId: "other" }))).toBeNull();
    expect(sourceRefusal(facts({ kind: "PRESS", accountStateId: "other" }))).toBeNull();
    expect(sourceRefusal(facts({}))).toBeNull();
  });
});

describe("a source checked by the account", () => {
  it("refuses a member of one administration declaring another state", () => {
    expect(sourceRefusal(facts({ kind: "MEMBER_STATE", stateId: "second", accountStateId: "first" }))).toBe("otherState");
    expect(refusalField("otherState")).toBe("askerState");
  });

  it("is checked only for a Member State question of the account's own state", () => {
    expect(accountChecksSource({ kind: "MEMBER_STATE", stateId: "first", accountStateId: "first" })).toBe(true);
    expect(accountChecksSource({ kind: "MEMBER_STATE", stateId: "first", accountStateId: null })).toBe(false);
    expect(accountChecksSource({ kind: "PRESS", stateId: null, accountStateId: "first" })).toBe(false);
  });
});

describe("the forms' source fields", () => {
  const base = { hearingId: "h", candidateId: "c", askerName: "Ana", body: "Why?" };

  it("default to the public, unticked consent, and keep the state only for a Member State", () => {
    expect(viewerQuestionSchema.parse(base)).toMatchObject({ askerKind: "PUBLIC", askerState: null, publishConsent: false });
    expect(viewerQuestionSchema.parse({ ...base, askerKind: "", askerState: "", publishConsent: "" })).toMatchObject({
      askerKind: "PUBLIC",
      publishConsent: false,
    });
    expect(viewerQuestionSchema.parse({ ...base, askerKind: "MEMBER_STATE", askerState: "sn", publishConsent: true })).toMatchObject({
      askerState: "SN",
      publishConsent: true,
    });
    expect(viewerQuestionSchema.parse({ ...base, askerKind: "PUBLIC", askerState: "SN" }).askerState).toBeNull();
    expect(roomQuestionSchema.parse({ ...base, sourceChecked: "on", publishConsent: "on" })).toMatchObject({ sourceChecked: true, publishConsent: true });
    expect(roomQuestionSchema.parse(base)).toMatchObject({ sourceChecked: false, publishConsent: false });
  });

  it("require the state of a Member State and the name of a Sector Member or outlet", () => {
    const issues = (input: object) => viewerQuestionSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ askerKind: "MEMBER_STATE" })).toEqual([["askerState", "questionSources.stateRequired"]]);
    expect(issues({ askerKind: "SECTOR_MEMBER" })).toEqual([["askerOrigin", "questionSources.organisationRequired"]]);
    expect(issues({ askerKind: "PRESS", askerOrigin: "  " })).toEqual([["askerOrigin", "questionSources.outletRequired"]]);
    expect(issues({ askerKind: "PRESS", askerOrigin: "Gazette" })).toBeUndefined();
  });

  it("take a set-aside reason of a few words, spaces folded", () => {
    const input = { hearingId: "h", expectedVersion: 3, questionId: "q" };
    expect(setAsideSchema.parse({ ...input, reason: " Asked\n twice " }).reason).toBe("Asked twice");
    expect(setAsideSchema.safeParse(input).error?.issues[0]?.message).toBe("questionSources.reasonRequired");
    expect(setAsideSchema.safeParse({ ...input, reason: "ab" }).error?.issues[0]?.message).toBe("questionSources.reasonTooShort:3");
  });
});
