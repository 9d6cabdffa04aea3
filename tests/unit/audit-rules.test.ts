import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/http/csv";
import { diffSnapshots } from "@/lib/audit/diff";
import { auditFiltersSchema, dayRange } from "@/lib/audit/filters";

describe("the audit log's date filter", () => {
  it("takes whole days on the conference's clocks", () => {
    // Dubai is UTC+4 all year: 29 Oct 2018 starts at 28 Oct 20:00 UTC.
    expect(dayRange("2018-10-29", "2018-10-29", "Asia/Dubai")).toEqual({
      gte: new Date("2018-10-28T20:00:00Z"),
      lt: new Date("2018-10-29T20:00:00Z"),
    });
  });
  it("crosses month ends and summer-time changes", () => {
    // Geneva leaves summer time on 28 Oct 2018: that day has 25 hours.
    expect(dayRange(undefined, "2018-10-31", "Europe/Zurich")).toEqual({ lt: new Date("2018-10-31T23:00:00Z") });
    expect(dayRange("2018-10-28", "2018-10-28", "Europe/Zurich")).toEqual({
      gte: new Date("2018-10-27T22:00:00Z"),
      lt: new Date("2018-10-28T23:00:00Z"),
    });
  });
  it("leaves an unset bound open", () => {
    expect(dayRange(undefined, undefined, "UTC")).toEqual({});
  });
});

describe("the audit log's filters", () => {
  it("treat empty fields as no filter", () => {
    expect(auditFiltersSchema.parse({ actor: "", area: "", from: "", to: "" })).toEqual({});
  });
  it("refuse an unknown area, a bad date, a last day before the first", () => {
    const result = auditFiltersSchema.safeParse({ area: "secrets", from: "2018-13-01" });
    expect(result.success).toBe(false);
    expect(auditFiltersSchema.safeParse({ from: "2018-10-02", to: "2018-10-01" }).error?.issues[0]?.message).toBe("adminAudit.toBeforeFrom");
    expect(auditFiltersSchema.safeParse({ cursor: "1; DROP TABLE" }).success).toBe(false);
  });
});

describe("the before/after diff", () => {
  it("lists only the fields that changed, in order", () => {
    expect(diffSnapshots({ role: "MEMBER", name: "A", disabledAt: null }, { role: "CHAIR", name: "A", disabledAt: "2018-10-01T00:00:00.000Z" })).toEqual([
      { field: "disabledAt", before: "null", after: "2018-10-01T00:00:00.000Z" },
      { field: "role", before: "MEMBER", after: "CHAIR" },
    ]);
  });
  it("cannot compare a creation field by field", () => {
    expect(diffSnapshots(null, { id: "x" })).toBeNull();
  });
});

describe("the CSV export", () => {
  it("neutralises spreadsheet formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}HYPERLINK("x")`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("plain")).toBe("plain");
  });
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell('say "hi", then\ngo')).toBe('"say ""hi"", then\ngo"');
    expect(csvLine(["a", null, 3])).toBe("a,,3\r\n");
  });
});
