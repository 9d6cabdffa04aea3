import { describe, expect, it } from "vitest";
import { buildQuestionChapters, chapterSeconds, parseChaptersVtt, playerChaptersVtt, startFromAddress, type Chapter } from "@/lib/hearings/chapters";

// Per-question chapters and the links that open the recording at one
// (docs/decisions/039-interpretation-and-player.md).

const at = (hms: string) => new Date(`2030-10-27T${hms}Z`);

const chapters: Chapter[] = [
  { candidateId: "a", name: "Ada <A>", startMs: 60_000, endMs: 31 * 60_000 },
  { candidateId: "b", name: "Ben", startMs: 31 * 60_000, endMs: 61 * 60_000 },
];
const timings = [
  { candidateId: "a", presentationStartedAt: at("05:31:00"), qaStartedAt: at("05:46:00") },
  { candidateId: "b", presentationStartedAt: at("06:01:00"), qaStartedAt: at("06:16:00") },
];

describe("question chapters", () => {
  it("follow their candidate's chapter, the first from the Q&A's start, each to the next, the last to the chapter's end", () => {
    const questions = [
      { questionId: "q2", candidateId: "a", shownAt: at("05:52:00") },
      { questionId: "q1", candidateId: "a", shownAt: at("05:46:20") },
      { questionId: "q3", candidateId: "b", shownAt: at("06:17:00") },
    ];
    expect(buildQuestionChapters({ chapters, timings, questions })).toEqual([
      { candidateId: "a", questionId: "q1", number: 1, startMs: 16 * 60_000, endMs: 22 * 60_000 },
      { candidateId: "a", questionId: "q2", number: 2, startMs: 22 * 60_000, endMs: 31 * 60_000 },
      { candidateId: "b", questionId: "q3", number: 1, startMs: 46 * 60_000, endMs: 61 * 60_000 },
    ]);
  });

  it("follow a chapter the secretariat typed, not the recording's clock", () => {
    const typed: Chapter[] = [{ candidateId: "a", name: "Ada", startMs: 5_000, endMs: 30 * 60_000 }];
    const [q] = buildQuestionChapters({ chapters: typed, timings, questions: [{ questionId: "q", candidateId: "a", shownAt: at("05:50:00") }] });
    expect(q?.startMs).toBe(5_000 + 15 * 60_000);
  });

  it("leave out questions never shown, of a candidate without a chapter, or outside the chapter", () => {
    const questions = [
      { questionId: "never", candidateId: "a", shownAt: null },
      { questionId: "stranger", candidateId: "c", shownAt: at("06:40:00") },
      { questionId: "late", candidateId: "a", shownAt: at("07:00:00") },
    ];
    // No Q&A start recorded: each question from when it was shown.
    const untimed = timings.map((t) => ({ ...t, qaStartedAt: null }));
    expect(buildQuestionChapters({ chapters, timings: untimed, questions })).toEqual([]);
  });
});

describe("the player's chapters track", () => {
  it("runs one chapter after the other, questions named in the reader's language, text escaped", () => {
    const questions = buildQuestionChapters({ chapters, timings, questions: [{ questionId: "q1", candidateId: "a", shownAt: at("05:47:00") }] });
    const vtt = playerChaptersVtt(chapters, questions, (c, q) => `${c.name}: question ${q.number}`);
    expect(vtt).toBe(
      [
        "WEBVTT",
        "a\n00:01:00.000 --> 00:16:00.000\nAda &lt;A&gt;",
        "question-q1\n00:16:00.000 --> 00:31:00.000\nAda &lt;A&gt;: question 1",
        "b\n00:31:00.000 --> 01:01:00.000\nBen",
      ].join("\n\n") + "\n",
    );
    // Without questions it is the stored file, read back the same.
    expect(parseChaptersVtt(playerChaptersVtt(chapters, [], () => ""))).toEqual(chapters);
  });
});

describe("where an address asks the player to start", () => {
  it("reads #t= (or ?t=) in seconds or as a clock", () => {
    expect(startFromAddress("", "#t=754")).toBe(754);
    expect(startFromAddress("?t=60", "")).toBe(60);
    expect(startFromAddress("?t=60", "#t=90")).toBe(90);
    expect(startFromAddress("", "#t=754s")).toBe(754);
    expect(startFromAddress("", "#t=1:02:03")).toBe(3723);
    expect(startFromAddress("", "#t=12.5")).toBe(12);
    expect(chapterSeconds(61_999)).toBe(61);
  });

  it("ignores what it does not understand", () => {
    for (const [search, hash] of [
      ["", ""],
      ["", "#chapters"],
      ["", "#t="],
      ["", "#t=-5"],
      ["?t=abc", ""],
      ["", "#t=1:99:00"],
    ]) {
      expect(startFromAddress(search ?? "", hash ?? ""), `${search}${hash}`).toBeNull();
    }
  });
});
