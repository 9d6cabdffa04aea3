import { describe, expect, it } from "vitest";
import { frozenSetUpFields, HEARING_STAGES, hearingStage, SET_UP_FIELDS, stageAllows, type HearingAction, type StageFields } from "@/lib/hearings/stage";

// The hearing's stages (docs/decisions/014-hearing-record-integrity.md): which stage a hearing is at, and what each allows.

const base: StageFields = { status: "SCHEDULED", seedHash: null, seedRevealedAt: null, closedAt: null };
const at = new Date("2030-10-27T12:00:00Z");
const HASH = "a".repeat(64);

describe("hearingStage", () => {
  it("reads each stage from the hearing's fields, in order", () => {
    expect(hearingStage(base)).toBe("SET_UP");
    expect(hearingStage({ ...base, seedHash: HASH })).toBe("COMMITTED");
    expect(hearingStage({ ...base, seedHash: HASH, status: "LIVE" })).toBe("RUNNING");
    expect(hearingStage({ ...base, seedHash: HASH, status: "ENDED" })).toBe("ENDED");
    expect(hearingStage({ ...base, seedHash: HASH, status: "ENDED", seedRevealedAt: at })).toBe("REVEALED");
    expect(hearingStage({ ...base, seedHash: HASH, status: "ENDED", seedRevealedAt: at, closedAt: at })).toBe("CLOSED");
    expect(HEARING_STAGES).toEqual(["SET_UP", "COMMITTED", "RUNNING", "ENDED", "REVEALED", "CLOSED"]);
  });

  it("takes a closed record as closed and a revealed seed as revealed, whatever else the row says", () => {
    expect(hearingStage({ ...base, closedAt: at })).toBe("CLOSED");
    expect(hearingStage({ ...base, status: "LIVE", seedRevealedAt: at })).toBe("REVEALED");
  });
});

describe("what each stage allows", () => {
  const allowedIn = (action: HearingAction) => HEARING_STAGES.filter((stage) => stageAllows(stage, action));

  it("changes the presenters before the commitment only, and re-opens a commitment only before the start", () => {
    expect(allowedIn("refreshPresenters")).toEqual(["SET_UP"]);
    expect(allowedIn("commitSeed")).toEqual(["SET_UP"]);
    expect(allowedIn("reopenSetUp")).toEqual(["COMMITTED"]);
  });

  it("draws the running order under a commitment, the questions while running, and nothing once ended", () => {
    expect(allowedIn("drawRunningOrder")).toEqual(["COMMITTED"]);
    expect(allowedIn("start")).toEqual(["COMMITTED"]);
    expect(allowedIn("drawQuestions")).toEqual(["RUNNING"]);
    for (const stage of ["ENDED", "REVEALED", "CLOSED"] as const) {
      expect(stageAllows(stage, "drawRunningOrder") || stageAllows(stage, "drawQuestions")).toBe(false);
    }
  });

  it("takes questions until the end, reveals after it, closes after the reveal", () => {
    expect(allowedIn("takeQuestions")).toEqual(["SET_UP", "COMMITTED", "RUNNING"]);
    expect(allowedIn("revealSeed")).toEqual(["ENDED"]);
    expect(allowedIn("setRecording")).toEqual(["ENDED", "REVEALED"]);
    expect(allowedIn("closeRecord")).toEqual(["REVEALED"]);
  });

  it("allows nothing at all once the record is closed", () => {
    const actions: HearingAction[] = [
      "editSetUp",
      "refreshPresenters",
      "commitSeed",
      "reopenSetUp",
      "drawRunningOrder",
      "start",
      "runMove",
      "drawQuestions",
      "takeQuestions",
      "revealSeed",
      "setRecording",
      "closeRecord",
      "editCosts",
    ];
    expect(actions.filter((action) => stageAllows("CLOSED", action))).toEqual([]);
  });
});

describe("frozenSetUpFields", () => {
  it("freezes the draw's parameters at the commitment, the date and chair at the start, everything at the close", () => {
    expect(frozenSetUpFields("SET_UP")).toEqual([]);
    expect(frozenSetUpFields("COMMITTED")).toEqual(["presentationMinutes", "qaMinutes", "questionsPerCandidate"]);
    for (const stage of ["RUNNING", "ENDED", "REVEALED"] as const) {
      expect([...frozenSetUpFields(stage)].sort()).toEqual(["chairId", "presentationMinutes", "qaMinutes", "questionsPerCandidate", "startsAt"]);
    }
    expect(frozenSetUpFields("CLOSED")).toEqual(SET_UP_FIELDS);
    // The venue and the webcast may change until the record is closed.
    expect(frozenSetUpFields("REVEALED")).not.toContain("venue");
    expect(frozenSetUpFields("REVEALED")).not.toContain("webcastSource");
  });
});
