import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine, utcDateTime } from "@/lib/calendar/ics";

const event = {
  uid: "hearing-abc@hustings",
  start: new Date("2026-10-29T09:30:00.000Z"),
  end: new Date("2026-10-29T12:00:00.000Z"),
  summary: "Candidates' hearing, PP-26; Doha",
  location: "Hall A, Doha",
  url: "https://example.org/en/hearing/abc",
  stamp: new Date("2026-01-02T03:04:05.678Z"),
};

describe("iCalendar file", () => {
  it("writes one VEVENT with UTC times, escaped text and CRLF line ends", () => {
    const ics = buildIcs(event);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(ics).toContain("\r\nUID:hearing-abc@hustings\r\n");
    expect(ics).toContain("\r\nDTSTAMP:20260102T030405Z\r\n");
    expect(ics).toContain("\r\nDTSTART:20261029T093000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20261029T120000Z\r\n");
    expect(ics).toContain("\r\nSUMMARY:Candidates' hearing\\, PP-26\\; Doha\r\n");
    expect(ics).toContain("\r\nLOCATION:Hall A\\, Doha\r\n");
    expect(ics).toContain("\r\nURL:https://example.org/en/hearing/abc\r\n");
    // No bare LF anywhere.
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("leaves out the location when there is none", () => {
    expect(buildIcs({ ...event, location: null })).not.toContain("LOCATION");
  });

  it("escapes backslashes and line breaks", () => {
    expect(escapeText("a\\b\nc\r\nd")).toBe("a\\\\b\\nc\\nd");
  });

  it("formats UTC date-times without separators or milliseconds", () => {
    expect(utcDateTime(new Date("2018-10-29T06:00:00.123Z"))).toBe("20181029T060000Z");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const encoder = new TextEncoder();
    for (const text of ["SUMMARY:" + "x".repeat(200), "SUMMARY:" + "جلسة استماع المرشحين ".repeat(10), "SUMMARY:" + "候选人听证会".repeat(30)]) {
      const folded = foldLine(text);
      const lines = folded.split("\r\n");
      expect(lines.length).toBeGreaterThan(1);
      for (const [i, line] of lines.entries()) {
        expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
        if (i > 0) expect(line.startsWith(" ")).toBe(true);
      }
      // Unfolding gives back the line (§3.1).
      expect(folded.replace(/\r\n /g, "")).toBe(text);
      expect(folded).not.toContain("\uFFFD");
    }
  });

  it("leaves a short line alone", () => {
    expect(foldLine("VERSION:2.0")).toBe("VERSION:2.0");
  });
});
