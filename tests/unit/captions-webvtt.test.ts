import { describe, expect, it } from "vitest";
import { captionFrame, captionNotice, parseCaptionNotice } from "@/lib/captions/frames";
import { sortCaptionLanguages } from "@/lib/captions/languages";
import { KeyRateLimiter } from "@/lib/captions/rate-limit";
import { ingestSchema, plainLiveText } from "@/lib/captions/schema";
import { parseVtt, plainCueText } from "@/lib/captions/webvtt";
import { parseLines } from "@/scripts/captioner";

const decoder = new TextDecoder();

describe("WebVTT as the portal takes it", () => {
  it("keeps the cues' timing and plain text, and writes the file again", () => {
    const result = parseVtt(
      "\uFEFFWEBVTT - hearing\r\nKind: captions\r\n\r\nNOTE made by hand\r\n\r\n1\r\n00:00:01.000 --> 00:00:04.500 align:start line:90%\r\nGood <i>morning</i> &amp; welcome\r\n\r\n00:05.000 --> 00:07.000\r\nSecond line\r\n",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cues).toEqual([
      { id: "1", startMs: 1000, endMs: 4500, settings: "align:start line:90%", text: "Good morning & welcome" },
      { id: null, startMs: 5000, endMs: 7000, settings: "", text: "Second line" },
    ]);
    expect(result.vtt).toBe(
      "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.500 align:start line:90%\nGood morning &amp; welcome\n\n00:00:05.000 --> 00:00:07.000\nSecond line\n",
    );
  });

  it("escapes markup in the text so that no tag or cue-timing arrow survives", () => {
    const result = parseVtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&lt;script&gt;alert(1)&lt;/script&gt; a --&gt; b\n");
    expect(result.ok && result.vtt).toBe("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&lt;script&gt;alert(1)&lt;/script&gt; a --&gt; b\n");
    expect(plainCueText("<v Chair>Order, <b>please</b>&#0;&#x7;")).toBe("Order, please");
  });

  it("refuses what is not WebVTT, naming the line", () => {
    expect(parseVtt("")).toEqual({ ok: false, error: { problem: "empty", line: 1 } });
    expect(parseVtt("1\n00:00:01.000 --> 00:00:02.000\nHi\n")).toEqual({ ok: false, error: { problem: "noHeader", line: 1 } });
    expect(parseVtt("WEBVTT\n\n00:00:01 --> 00:00:02.000\nHi\n")).toEqual({ ok: false, error: { problem: "badTiming", line: 3 } });
    expect(parseVtt("WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nHi\n")).toEqual({ ok: false, error: { problem: "endBeforeStart", line: 3 } });
    expect(parseVtt("WEBVTT\n\n00:00:03.000 --> 00:00:04.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n")).toEqual({
      ok: false,
      error: { problem: "outOfOrder", line: 6 },
    });
    expect(parseVtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<b></b>\n")).toEqual({ ok: false, error: { problem: "emptyCue", line: 3 } });
    expect(parseVtt("WEBVTT\n\nSTYLE\n::cue { color: red }\n")).toEqual({ ok: false, error: { problem: "styleBlock", line: 3 } });
    expect(parseVtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n".padEnd(1024 * 1024 + 10, "x"))).toEqual({
      ok: false,
      error: { problem: "tooLarge", line: 0 },
    });
    expect(parseVtt("WEBVTT\n\n")).toEqual({ ok: false, error: { problem: "empty", line: 3 } });
  });
});

describe("the ingest's cues", () => {
  it("takes one cue or a list, as plain text", () => {
    expect(ingestSchema.parse({ language: "floor", seq: 1, text: "  Hello\u0007   world \n\n next " })).toEqual({
      cues: [{ language: "floor", seq: 1, text: "Hello world\nnext" }],
    });
    expect(ingestSchema.parse({ cues: [{ language: "fr", seq: 0, text: "Bonjour", start: "2026-12-03T10:00:00Z" }] }).cues).toHaveLength(1);
    expect(plainLiveText("a\u2028b")).toBe("a b");
  });

  it("refuses unknown languages and fields, empty or long text, and too many cues, each by its path", () => {
    const issues = (value: unknown) => {
      const parsed = ingestSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}=${i.message}`);
    };
    expect(issues({ language: "de", seq: 1, text: "x" })).toEqual(["cues.0.language=choose"]);
    expect(issues({ language: "en", seq: -1, text: "x" })).toEqual(["cues.0.seq=tooSmall:0"]);
    expect(issues({ language: "en", seq: 1, text: " \n " })).toEqual(["cues.0.text=required"]);
    expect(issues({ language: "en", seq: 1, text: "x".repeat(501) })).toEqual(["cues.0.text=tooLong:500"]);
    expect(issues({ language: "en", seq: 1, text: "x", speaker: "me" })).toEqual(["cues.0=invalid"]);
    expect(issues({ cues: Array.from({ length: 51 }, (_, seq) => ({ language: "en", seq, text: "x" })) })).toEqual(["cues=tooMany:50"]);
    expect(issues([1])).toEqual(["=invalid"]);
  });
});

describe("a live caption on the stream", () => {
  it("is an event of its own with no id, so it never moves the viewer's Last-Event-ID", () => {
    const caption = { language: "ar", seq: 3, text: 'مرحبا "x"\nsecond', startAt: "2026-12-03T10:00:00.000Z", endAt: "2026-12-03T10:00:02.000Z" };
    const frame = decoder.decode(captionFrame(caption));
    expect(frame.startsWith("event: caption\ndata: {")).toBe(true);
    expect(frame).not.toMatch(/^id:/m);
    // One data line: the text's line break is JSON-escaped.
    expect(frame.split("\n").filter((line) => line.startsWith("data: "))).toHaveLength(1);
    expect(parseCaptionNotice(captionNotice("h1", caption))).toEqual({ hearingId: "h1", caption });
    expect(parseCaptionNotice("h1:12")).toBeNull();
  });
});

describe("caption languages and the ingest's rate", () => {
  it("orders the floor first, then the six languages", () => {
    expect(sortCaptionLanguages(["zh", "fr", "floor", "ar", "fr"])).toEqual(["floor", "ar", "fr", "zh"]);
  });

  it("lets a burst through, then one request per refill, per key", () => {
    const limiter = new KeyRateLimiter({ capacity: 2, refillPerSecond: 1 });
    expect(limiter.take("a", 0)).toBeNull();
    expect(limiter.take("a", 0)).toBeNull();
    expect(limiter.take("a", 0)).toBe(1);
    expect(limiter.take("b", 0)).toBeNull();
    expect(limiter.take("a", 1000)).toBeNull();
  });
});

describe("the captioner's file", () => {
  it("reads a language per line, or the default, and skips comments and blank lines", () => {
    expect(parseLines("# demo\nfloor: Good morning\n\nfr: Bonjour\nde: Guten Tag\nPlain line\n", "en")).toEqual([
      { language: "floor", text: "Good morning" },
      { language: "fr", text: "Bonjour" },
      { language: "en", text: "de: Guten Tag" },
      { language: "en", text: "Plain line" },
    ]);
  });
});
