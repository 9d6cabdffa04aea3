import { describe, expect, it } from "vitest";
import {
  buildChapters,
  chaptersVtt,
  escapeCueText,
  formatOffset,
  parseChaptersVtt,
  parseOffset,
  vttTimestamp,
  type ChapterSlot,
} from "@/lib/hearings/chapters";
import { formatDuration, parityReport } from "@/lib/hearings/parity";

const at = (iso: string) => new Date(`2030-10-27T${iso}Z`);

const slots: ChapterSlot[] = [
  { candidateId: "cand-b", name: "Second <b>Speaker</b>", position: 2, presentationStartedAt: at("06:02:10.500"), finishedAt: at("06:33:00") },
  { candidateId: "cand-a", name: "First & Foremost --> Now", position: 1, presentationStartedAt: at("05:31:00"), finishedAt: at("06:01:30") },
  { candidateId: "cand-c", name: "Never spoke", position: 3, presentationStartedAt: null, finishedAt: null },
];

describe("WebVTT chapters of the recording", () => {
  it("writes timestamps as hh:mm:ss.ttt", () => {
    expect(vttTimestamp(0)).toBe("00:00:00.000");
    expect(vttTimestamp(61_001)).toBe("00:01:01.001");
    expect(vttTimestamp(3_600_000 + 59 * 60_000 + 59_999)).toBe("01:59:59.999");
    expect(vttTimestamp(100 * 3_600_000)).toBe("100:00:00.000");
  });

  it("escapes cue text so that a name cannot end a cue or open a tag", () => {
    expect(escapeCueText("A & B <c.x>evil</c> --> 00:00")).toBe("A &amp; B &lt;c.x&gt;evil&lt;/c&gt; --&gt; 00:00");
    expect(escapeCueText("two\nlines\r\n\r\nthree")).toBe("two lines three");
  });

  it("places each candidate from the recording's start, in running order, skipping who never spoke", () => {
    const { chapters, problems } = buildChapters({ slots, recordingStartedAt: at("05:30:00"), offsets: {} });
    expect(problems).toEqual([]);
    expect(chapters).toEqual([
      { candidateId: "cand-a", name: "First & Foremost --> Now", startMs: 60_000, endMs: 32 * 60_000 + 10_500 },
      { candidateId: "cand-b", name: "Second <b>Speaker</b>", startMs: 32 * 60_000 + 10_500, endMs: 32 * 60_000 + 10_500 + 30 * 60_000 + 49_500 },
    ]);
    const vtt = chaptersVtt(chapters);
    expect(vtt).toBe(
      [
        "WEBVTT",
        "",
        "cand-a",
        "00:01:00.000 --> 00:32:10.500",
        "First &amp; Foremost --&gt; Now",
        "",
        "cand-b",
        "00:32:10.500 --> 01:03:00.000",
        "Second &lt;b&gt;Speaker&lt;/b&gt;",
        "",
      ].join("\n"),
    );
    // Exactly one "-->" per cue: the timing line's.
    expect(vtt.match(/-->/g)).toHaveLength(2);
    expect(parseChaptersVtt(vtt)).toEqual(chapters);
  });

  it("takes a typed offset over the computed one, and needs one or the other", () => {
    const typed = buildChapters({ slots, recordingStartedAt: null, offsets: { "cand-a": 5_000, "cand-b": 1_800_000, "cand-c": 3_700_000 } });
    expect(typed.problems).toEqual([]);
    expect(typed.chapters.map((c) => [c.candidateId, c.startMs, c.endMs])).toEqual([
      ["cand-a", 5_000, 1_800_000],
      ["cand-b", 1_800_000, 3_700_000],
      // Never spoke, so no recorded length: a one-second mark.
      ["cand-c", 3_700_000, 3_701_000],
    ]);
    expect(buildChapters({ slots, recordingStartedAt: null, offsets: { "cand-a": 5_000 } }).problems).toEqual([
      { candidateId: "cand-b", problem: "missingStart" },
    ]);
  });

  it("refuses a recording that started after a candidate spoke, and chapters out of running order", () => {
    expect(buildChapters({ slots, recordingStartedAt: at("05:45:00"), offsets: {} }).problems).toEqual([{ candidateId: "cand-a", problem: "beforeRecording" }]);
    expect(buildChapters({ slots, recordingStartedAt: at("05:30:00"), offsets: { "cand-b": 30_000 } }).problems).toEqual([
      { candidateId: "cand-b", problem: "outOfOrder" },
    ]);
  });

  it("reads offsets as mm:ss or h:mm:ss and writes them back", () => {
    expect(parseOffset("0:05")).toBe(5_000);
    expect(parseOffset(" 32:10 ")).toBe(1_930_000);
    expect(parseOffset("125:00")).toBe(7_500_000);
    expect(parseOffset("1:02:03")).toBe(3_723_000);
    for (const bad of ["", "5", "1:60", "1:5", "1:75:00", "a:bc", "-1:00", "1:02:03.5"]) expect(parseOffset(bad)).toBeNull();
    expect(formatOffset(1_930_000)).toBe("32:10");
    expect(formatOffset(3_723_000)).toBe("1:02:03");
  });
});

describe("the parity report", () => {
  const report = parityReport({
    presentationMinutes: 15,
    qaMinutes: 15,
    questionsPerCandidate: 3,
    slots: [
      {
        candidateId: "cand-b",
        name: "B",
        position: 2,
        presentationActualMs: 15 * 60_000 + 90_000,
        qaActualMs: 14 * 60_000,
        extensions: [
          { phase: "PRESENTATION", addedMs: 60_000, reason: "The interpretation to Arabic failed for a minute.", at: "2030-10-27T06:10:00Z" },
          { phase: "PRESENTATION", addedMs: 30_000, reason: "Microphone replaced in the room.", at: new Date("2030-10-27T06:05:00Z") },
        ],
        // Two approved, both drawn; one answered before the time ran out.
        drawnQuestions: [{ status: "ANSWERED" }, { status: "DRAWN" }],
      },
      {
        candidateId: "cand-a",
        name: "A",
        position: 1,
        presentationActualMs: 14 * 60_000 + 59_000,
        qaActualMs: 15 * 60_000 + 2_000,
        extensions: [],
        drawnQuestions: [{ status: "ANSWERED" }, { status: "ANSWERED" }, { status: "SHOWN" }],
      },
      // The hearing ended before C's questions: none drawn. A question still waiting for a decision is not counted.
      {
        candidateId: "cand-c",
        name: "C",
        position: 3,
        presentationActualMs: 10 * 60_000,
        qaActualMs: null,
        extensions: [],
        drawnQuestions: [{ status: "PENDING" }],
      },
    ],
  });

  it("compares actual with planned per phase, in running order", () => {
    expect(report.plannedPresentationMs).toBe(900_000);
    expect(report.rows.map((r) => r.candidateId)).toEqual(["cand-a", "cand-b", "cand-c"]);
    const [a, b, c] = report.rows;
    expect(a?.presentation).toEqual({ plannedMs: 900_000, extendedMs: 0, accommodatedMs: 0, actualMs: 899_000, differenceMs: -1_000 });
    expect(a?.qa.differenceMs).toBe(2_000);
    expect(a?.totalActualMs).toBe(1_801_000);
    expect(b?.presentation).toEqual({ plannedMs: 900_000, extendedMs: 90_000, accommodatedMs: 0, actualMs: 990_000, differenceMs: 90_000 });
    expect(b?.qa.extendedMs).toBe(0);
    expect(c?.qa).toEqual({ plannedMs: 900_000, extendedMs: 0, accommodatedMs: 0, actualMs: null, differenceMs: null });
    expect(c?.totalActualMs).toBeNull();
  });

  it("lists extensions oldest first with their reasons, and the spread between totals", () => {
    expect(report.rows[1]?.extensions.map((e) => [e.addedMs, e.reason])).toEqual([
      [30_000, "Microphone replaced in the room."],
      [60_000, "The interpretation to Arabic failed for a minute."],
    ]);
    // Totals 1,801,000 and 1,830,000; C did not speak in both phases.
    expect(report.spreadMs).toBe(29_000);
  });

  it("counts the questions drawn for and answered by each candidate, against the number to draw", () => {
    expect(report.questionsPerCandidate).toBe(3);
    expect(report.rows.map((r) => [r.candidateId, r.questions.drawn, r.questions.answered])).toEqual([
      ["cand-a", 3, 2],
      ["cand-b", 2, 1],
      ["cand-c", 0, 0],
    ]);
  });

  it("formats durations in the reader's language, to the second", () => {
    expect(formatDuration("en", 14 * 60_000 + 32_400)).toBe("14 min 32 sec");
    expect(formatDuration("en", 15 * 60_000)).toBe("15 min");
    expect(formatDuration("en", -1_000)).toBe("1 sec");
    expect(formatDuration("fr", 14 * 60_000 + 32_000).replace(/\s/gu, " ")).toBe("14 min 32 s");
    expect(formatDuration("zh", 14 * 60_000 + 32_000)).toBe("14分钟32秒");
  });
});
