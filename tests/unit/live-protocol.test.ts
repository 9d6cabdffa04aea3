import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_VIEWERS, failureFrame, parseLastEventId, parseLeanSwitch, parseMaxViewers, retryFrame } from "@/lib/live/protocol";

// The live stream's settings and frames, the same for the production server's own path and
// Next's route (docs/decisions/034-lean-live-stream.md); the streams themselves are tested
// through a running server (tests/e2e/lean-live-stream.spec.ts).

describe("LIVE_MAX_VIEWERS", () => {
  it("is 12,000 unless given, and a whole number of viewers when given", () => {
    expect(DEFAULT_MAX_VIEWERS).toBe(12_000);
    expect(parseMaxViewers(undefined)).toBe(12_000);
    expect(parseMaxViewers(" ")).toBe(12_000);
    expect(parseMaxViewers("2")).toBe(2);
    expect(parseMaxViewers(" 20000 ")).toBe(20_000);
    for (const value of ["0", "-1", "1.5", "1e4", "ten", "2000000"]) expect(() => parseMaxViewers(value), value).toThrow(/LIVE_MAX_VIEWERS/);
  });
});

describe("LIVE_LEAN_STREAM", () => {
  it("is on unless turned off, and nothing else", () => {
    expect(parseLeanSwitch(undefined)).toBe(true);
    expect(parseLeanSwitch("on")).toBe(true);
    expect(parseLeanSwitch("OFF")).toBe(false);
    expect(() => parseLeanSwitch("no")).toThrow(/LIVE_LEAN_STREAM/);
  });
});

describe("the stream's frames", () => {
  it("says FULL as it says the other failures, one encoded frame for every viewer", () => {
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    expect(text(failureFrame("FULL"))).toBe('event: failure\ndata: {"code":"FULL"}\n\n');
    expect(text(failureFrame("NOT_FOUND"))).toBe('event: failure\ndata: {"code":"NOT_FOUND"}\n\n');
    expect(failureFrame("FULL")).toBe(failureFrame("FULL"));
    expect(text(retryFrame(() => 0))).toBe("retry: 2000\n\n");
    expect(text(retryFrame(() => 0.9999))).toBe("retry: 4999\n\n");
  });

  it("reads where a returning viewer was from Last-Event-ID or ?after=, ignoring what is not a version", () => {
    expect(parseLastEventId("42")).toBe(42);
    expect(parseLastEventId(" 7 ")).toBe(7);
    for (const value of [null, undefined, "", "junk", "-1", "1.5", "1234567890"]) expect(parseLastEventId(value), String(value)).toBeNull();
  });
});
