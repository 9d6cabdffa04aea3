import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/uploads/byte-range";

describe("byte ranges for video seeking", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=500-5000", { start: 500, end: 999 }],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=50-10", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=0-1,5-6", null],
    ["items=0-1", null],
    ["bytes=-", null],
  ] as const)("%j of 1000 bytes → %j", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });
});
