import { describe, expect, it } from "vitest";
import { allowedMoves, isEditable, moveRefusal, STATUSES } from "@/lib/candidates/status-machine";

const deadline = new Date("2018-10-01T21:59:00Z");
const now = new Date("2018-11-01T00:00:00Z");
const move = (from: (typeof STATUSES)[number], to: (typeof STATUSES)[number], receivedAt: Date | null = null) =>
  moveRefusal({ from, to, formallyReceivedAt: receivedAt, deadline, now });

describe("candidature status machine (¶8, GR170)", () => {
  it("allows exactly announced → formal → withdrawn / elected / not elected", () => {
    expect(allowedMoves("ANNOUNCED")).toEqual(["FORMAL"]);
    expect(allowedMoves("FORMAL")).toEqual(["WITHDRAWN", "ELECTED", "NOT_ELECTED"]);
    for (const end of ["WITHDRAWN", "ELECTED", "NOT_ELECTED"] as const) expect(allowedMoves(end)).toEqual([]);
  });

  it("accepts each allowed move", () => {
    expect(move("ANNOUNCED", "FORMAL", new Date("2018-09-20T08:00:00Z"))).toBeNull();
    expect(move("FORMAL", "WITHDRAWN")).toBeNull();
    expect(move("FORMAL", "ELECTED")).toBeNull();
    expect(move("FORMAL", "NOT_ELECTED")).toBeNull();
  });

  it("refuses every other move, saying why", () => {
    const reasons: Record<string, string | undefined> = {};
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        if (allowedMoves(from).includes(to)) continue;
        reasons[`${from}→${to}`] = move(from, to, new Date("2018-09-20T08:00:00Z"))?.messageKey;
      }
    }
    expect(reasons["ANNOUNCED→ANNOUNCED"]).toBe("adminCandidates.move.same");
    expect(reasons["ANNOUNCED→ELECTED"]).toBe("adminCandidates.move.notFormalYet");
    expect(reasons["ANNOUNCED→WITHDRAWN"]).toBe("adminCandidates.move.notFormalYet");
    expect(reasons["FORMAL→ANNOUNCED"]).toBe("adminCandidates.move.backwards");
    expect(reasons["ELECTED→FORMAL"]).toBe("adminCandidates.move.final");
    expect(reasons["WITHDRAWN→FORMAL"]).toBe("adminCandidates.move.final");
    expect(reasons["NOT_ELECTED→ELECTED"]).toBe("adminCandidates.move.final");
    expect(Object.values(reasons).every((r) => typeof r === "string")).toBe(true);
    // 25 pairs, 4 allowed.
    expect(Object.keys(reasons)).toHaveLength(21);
  });

  it("requires the date the candidature was formally received", () => {
    expect(move("ANNOUNCED", "FORMAL")).toEqual({ messageKey: "adminCandidates.receivedRequired", field: "formallyReceivedAt" });
  });

  it("accepts a candidature received at the deadline's last minute and refuses one a minute later", () => {
    expect(move("ANNOUNCED", "FORMAL", deadline)).toBeNull();
    expect(move("ANNOUNCED", "FORMAL", new Date(deadline.getTime() + 60_000))?.messageKey).toBe("adminCandidates.receivedAfterDeadline");
  });

  it("compares with the overridden deadline when there is one: it replaces GR170's", () => {
    const late = new Date("2018-10-04T10:00:00Z");
    expect(moveRefusal({ from: "ANNOUNCED", to: "FORMAL", formallyReceivedAt: late, deadline, now })).not.toBeNull();
    const overridden = new Date("2018-10-05T16:00:00Z");
    expect(moveRefusal({ from: "ANNOUNCED", to: "FORMAL", formallyReceivedAt: late, deadline: overridden, now })).toBeNull();
  });

  it("refuses a receipt date in the future", () => {
    const refusal = moveRefusal({ from: "ANNOUNCED", to: "FORMAL", formallyReceivedAt: new Date(now.getTime() + 1), deadline: new Date("2030-01-01"), now });
    expect(refusal?.messageKey).toBe("adminCandidates.receivedInFuture");
  });

  it("lets the secretariat correct a candidature only until it has ended", () => {
    expect(STATUSES.filter(isEditable)).toEqual(["ANNOUNCED", "FORMAL"]);
  });
});
