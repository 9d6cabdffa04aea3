import { describe, expect, it } from "vitest";
import { assignCues, buildSegments, joinCues, segmentAnchor, segmentSpans, type SegmentCue, type SegmentSlot } from "@/lib/transcripts/segments";

const T0 = Date.parse("2030-10-27T05:30:00Z");
const at = (s: number) => new Date(T0 + s * 1000);
const cue = (from: number, to: number, text: string): SegmentCue => ({ startAt: at(from), endAt: at(to), text });

// Two candidates: A speaks 0–100 s, Q&A 100–200 s; B speaks 220–300 s, Q&A 300–400 s.
const slots: SegmentSlot[] = [
  { candidateId: "b", presentationStartedAt: at(220), qaStartedAt: at(300), finishedAt: at(400) },
  { candidateId: "a", presentationStartedAt: at(0), qaStartedAt: at(100), finishedAt: at(200) },
  { candidateId: "silent", presentationStartedAt: null, qaStartedAt: null, finishedAt: null },
];
const questions = [
  { id: "qa2", candidateId: "a", shownAt: at(150) },
  { id: "qa1", candidateId: "a", shownAt: at(105) },
  { id: "qb1", candidateId: "b", shownAt: at(310) },
  { id: "never-shown", candidateId: "b", shownAt: null },
];

describe("a transcript's segments, from the record's times", () => {
  it("gives each candidate who spoke a presentation, then each question shown, in the order spoken", () => {
    const spans = segmentSpans(slots, questions);
    expect(
      spans.map((s) => [s.kind, s.candidateId, s.questionId, (s.startAt.getTime() - T0) / 1000, s.endAt ? (s.endAt.getTime() - T0) / 1000 : null]),
    ).toEqual([
      ["PRESENTATION", "a", null, 0, 100],
      // The first question from the Q&A's start: the chair reading it out belongs to it.
      ["QUESTION", "a", "qa1", 100, 150],
      ["QUESTION", "a", "qa2", 150, 200],
      ["PRESENTATION", "b", null, 220, 300],
      ["QUESTION", "b", "qb1", 300, 400],
    ]);
  });

  it("closes an open end where the next span begins, and leaves the last one open", () => {
    const spans = segmentSpans(
      [
        { candidateId: "a", presentationStartedAt: at(0), qaStartedAt: null, finishedAt: null },
        { candidateId: "b", presentationStartedAt: at(50), qaStartedAt: null, finishedAt: null },
      ],
      [],
    );
    expect(spans.map((s) => s.endAt?.getTime() ?? null)).toEqual([at(50).getTime(), null]);
  });

  it("puts each cue where its middle falls, drops what falls between candidates, and keeps time order", () => {
    const { segments, unassigned } = buildSegments({
      slots,
      questions,
      cues: [
        cue(2, 5, "Thank you, Chair."),
        cue(95, 103, "In closing, connectivity."),
        // Straddles 100 s but mostly after it: the first question's.
        cue(99, 110, "The first question, from Chile:"),
        cue(205, 210, "We now turn to the next candidate."),
        cue(-30, -20, "Good morning."),
        cue(399, 420, "Thank you all."),
        cue(150, 152, "Second question."),
      ],
    });
    expect(unassigned).toBe(3);
    expect(segments.map((s) => s.text)).toEqual([
      "Thank you, Chair.\n\nIn closing, connectivity.",
      "The first question, from Chile:",
      "Second question.",
      "",
      "",
    ]);
  });

  it("runs cue lines together, with a paragraph wherever the speaker paused", () => {
    expect(joinCues([cue(0, 2, " Spectrum  is "), cue(2, 4, "scarce."), cue(10, 12, "Next,"), cue(12, 13, "   "), cue(13, 14, "satellites.")])).toBe(
      "Spectrum is scarce.\n\nNext, satellites.",
    );
    expect(assignCues([], [cue(0, 1, "lost")])).toEqual({ segments: [], unassigned: 1 });
  });

  it("anchors a presentation by candidate and a question by question", () => {
    expect(segmentAnchor({ kind: "PRESENTATION", candidateId: "c1", questionId: null })).toBe("candidate-c1");
    expect(segmentAnchor({ kind: "QUESTION", candidateId: "c1", questionId: "q9" })).toBe("question-q9");
  });
});
