import { describe, expect, it } from "vitest";
import { clockWarning, ONE_MINUTE_MS } from "@/components/hearing/live-clock";
import { isStaleMove, orderProgress, whereabouts } from "@/lib/hearings/live-rules";
import { endHearingSchema, extendSchema, hearingMoveSchema } from "@/lib/hearings/live-schema";

// The chair's console on the day (docs/decisions/021-chair-moves-name-their-version.md): a move
// counts only on the version it was made on; the clock warns at one minute and at zero; the
// running order says how far the hearing has gone.

describe("the version rule", () => {
  it("accepts a move made on the hearing's version, and no other", () => {
    expect(isStaleMove(7, 7)).toBe(false);
    expect(isStaleMove(6, 7)).toBe(true);
    expect(isStaleMove(8, 7)).toBe(true);
    expect(isStaleMove(0, 0)).toBe(false);
  });

  it("reads the version from a form's field or a number, and nothing else", () => {
    expect(hearingMoveSchema.parse({ hearingId: "h", expectedVersion: "12" })).toEqual({ hearingId: "h", expectedVersion: 12 });
    expect(hearingMoveSchema.parse({ hearingId: "h", expectedVersion: 0 })).toEqual({ hearingId: "h", expectedVersion: 0 });
    for (const expectedVersion of [undefined, null, "", " 1", "1e3", "-1", -1, 1.5, "x", "12345678901"]) {
      const parsed = hearingMoveSchema.safeParse({ hearingId: "h", expectedVersion });
      expect(parsed.success, String(expectedVersion)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("hearingLive.versionMissing");
    }
    expect(extendSchema.safeParse({ hearingId: "h", minutes: "1", reason: "A reason long enough" }).success).toBe(false);
  });

  it("takes the end only with confirmed=yes", () => {
    expect(endHearingSchema.safeParse({ hearingId: "h", expectedVersion: "3", confirmed: "yes" }).success).toBe(true);
    for (const confirmed of [undefined, "", "no", "YES", "true", true]) {
      const parsed = endHearingSchema.safeParse({ hearingId: "h", expectedVersion: "3", confirmed });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("hearingLive.endNotConfirmed");
    }
  });

  it("tells where the hearing is in a refusal", () => {
    const paused = { status: "LIVE" as const, phase: "QA" as const, pausedAt: new Date() };
    expect(whereabouts(paused, "Ana", 9)).toEqual({ status: "LIVE", phase: "QA", paused: "yes", candidate: "Ana", version: 9 });
    expect(whereabouts({ status: "SCHEDULED", phase: "IDLE", pausedAt: null }, null, 0)).toEqual({
      status: "SCHEDULED",
      phase: "IDLE",
      paused: "no",
      candidate: "",
      version: 0,
    });
  });
});

describe("the clock's warnings", () => {
  it("warns from one minute left, and at zero and after", () => {
    expect(clockWarning(null)).toBe("none");
    expect(clockWarning(15 * 60_000)).toBe("none");
    expect(clockWarning(ONE_MINUTE_MS + 1)).toBe("none");
    expect(clockWarning(ONE_MINUTE_MS)).toBe("oneMinute");
    expect(clockWarning(1)).toBe("oneMinute");
    expect(clockWarning(0)).toBe("timeUp");
    expect(clockWarning(-90_000)).toBe("timeUp");
  });
});

describe("the running order's progress", () => {
  const at = new Date("2030-01-01T10:00:00Z");
  const slot = (id: string, position: number | null, presented: boolean, finished: boolean) => ({
    id,
    position,
    presentationStartedAt: presented ? at : null,
    finishedAt: finished ? at : null,
  });

  it("orders by place, marks each turn, and counts who has finished and who has not spoken", () => {
    const slots = [slot("c", 3, false, false), slot("a", 1, true, true), slot("b", 2, true, false)];
    expect(orderProgress(slots, "b")).toEqual({
      items: [
        { id: "a", position: 1, turn: "done" },
        { id: "b", position: 2, turn: "current" },
        { id: "c", position: 3, turn: "waiting" },
      ],
      done: 1,
      total: 3,
      notSpoken: 1,
    });
  });

  it("before the start nobody has spoken; after the end nobody is current", () => {
    expect(orderProgress([slot("a", 1, false, false), slot("b", 2, false, false)], null)).toMatchObject({ done: 0, total: 2, notSpoken: 2 });
    expect(orderProgress([slot("a", 1, true, true), slot("b", 2, true, true)], null)).toMatchObject({ done: 2, total: 2, notSpoken: 0 });
  });

  it("leaves out a slot with no place", () => {
    expect(orderProgress([slot("a", null, false, false), slot("b", 1, false, false)], null).items.map((i) => i.id)).toEqual(["b"]);
  });
});
