import { describe, expect, it } from "vitest";
import { candidatureDeadline, gr170Deadline } from "@/lib/elections/deadline";
import { zonedWallTimeToUtc, zoneOffsetMs } from "@/lib/time/zones";

describe("GR170 candidature deadline", () => {
  it("is 23:59 Geneva time on the 28th day before PP-18's opening: 1 Oct 2018", () => {
    // Geneva is on summer time (UTC+2) on 1 October 2018.
    expect(gr170Deadline("2018-10-29").toISOString()).toBe("2018-10-01T21:59:00.000Z");
  });

  it("uses Geneva winter time (UTC+1) when the 28th day falls in winter", () => {
    // PP-22 opened 26 Sep 2022 (summer); a conference opening 2 Mar 2026 gives 2 Feb 2026.
    expect(gr170Deadline("2026-03-02").toISOString()).toBe("2026-02-02T22:59:00.000Z");
  });

  it("counts back across a month and a year boundary", () => {
    expect(gr170Deadline("2027-01-10").toISOString()).toBe("2026-12-13T22:59:00.000Z");
  });

  it("does not depend on the conference's own time zone, only on Geneva's", () => {
    const a = gr170Deadline(new Date("2018-10-29T00:00:00Z"));
    expect(a.toISOString()).toBe("2018-10-01T21:59:00.000Z");
  });

  it("handles the day Geneva moves its clocks (last Sunday of March and of October)", () => {
    // 28 days before 22 Apr 2018 is 25 Mar 2018, the day of the spring change: 23:59 is CEST.
    expect(gr170Deadline("2018-04-22").toISOString()).toBe("2018-03-25T21:59:00.000Z");
    // 28 days before 25 Nov 2018 is 28 Oct 2018, the day of the autumn change: 23:59 is CET.
    expect(gr170Deadline("2018-11-25").toISOString()).toBe("2018-10-28T22:59:00.000Z");
  });

  it("gives the computed date when there is no override", () => {
    const d = candidatureDeadline({ opensOn: "2018-10-29", deadlineOverrideAt: null, deadlineOverrideReason: null });
    expect(d.source).toBe("GR170");
    expect(d.at.toISOString()).toBe("2018-10-01T21:59:00.000Z");
  });

  it("gives the secretariat's override, with its reason and the computed date beside it", () => {
    const override = new Date("2018-10-05T15:00:00Z");
    const d = candidatureDeadline({ opensOn: "2018-10-29", deadlineOverrideAt: override, deadlineOverrideReason: "Postal strike" });
    expect(d).toEqual({
      at: override,
      source: "OVERRIDE",
      computed: new Date("2018-10-01T21:59:00.000Z"),
      reason: "Postal strike",
    });
  });
});

describe("time zones", () => {
  it("knows Dubai is UTC+4 and has no summer time", () => {
    expect(zoneOffsetMs(new Date("2018-10-29T00:00:00Z"), "Asia/Dubai")).toBe(4 * 3_600_000);
    expect(zoneOffsetMs(new Date("2018-06-29T00:00:00Z"), "Asia/Dubai")).toBe(4 * 3_600_000);
  });

  it("maps a wall time in a spring-forward gap to the later offset", () => {
    // 02:30 on 25 Mar 2018 does not exist in Geneva; it is read as 03:30 CEST = 01:30Z.
    const t = zonedWallTimeToUtc({ year: 2018, month: 3, day: 25, hour: 2, minute: 30 }, "Europe/Zurich");
    expect(t.toISOString()).toBe("2018-03-25T01:30:00.000Z");
  });

  it("maps a wall time in a fall-back overlap to the earlier instant", () => {
    // 02:30 on 28 Oct 2018 happens twice in Geneva; the first is 00:30Z (CEST).
    const t = zonedWallTimeToUtc({ year: 2018, month: 10, day: 28, hour: 2, minute: 30 }, "Europe/Zurich");
    expect(t.toISOString()).toBe("2018-10-28T00:30:00.000Z");
  });
});
