import { describe, expect, it } from "vitest";
import { transcriptJson, transcriptText } from "@/lib/transcripts/export";
import type { PublicTranscript } from "@/lib/transcripts/queries";

describe("the transcript's plain text", () => {
  it("puts the header, then each segment under its underlined heading, with one kind of line end", () => {
    const text = transcriptText({
      header: ["Transcript — PP-30", "NOT AN OFFICIAL\r\nRECORD"],
      segments: [
        { heading: "1. Ana Pérez — presentation", text: "First paragraph.\r\n\r\nSecond <b>paragraph</b>." },
        { heading: "Question: what of 6G?", text: "   " },
      ],
      empty: "(no captions)",
    });
    expect(text).toBe(
      [
        "Transcript — PP-30",
        "NOT AN OFFICIAL RECORD",
        "",
        "",
        "1. Ana Pérez — presentation",
        "---------------------------",
        "",
        "First paragraph.",
        "",
        "Second <b>paragraph</b>.",
        "",
        "",
        "Question: what of 6G?",
        "---------------------",
        "",
        "(no captions)",
        "",
      ].join("\n"),
    );
    expect(text).not.toContain("\r");
  });

  it("underlines a long heading to 72 characters at most", () => {
    const heading = "x".repeat(200);
    expect(transcriptText({ header: [], segments: [{ heading, text: "t" }], empty: "" }).split("\n")[1]).toBe("-".repeat(72));
  });
});

describe("the transcript's JSON", () => {
  it("says whether it is official and of the floor, and anchors each segment", () => {
    const transcript: PublicTranscript = {
      hearingId: "h1",
      conferenceName: "PP-30",
      timeZone: "Asia/Dubai",
      hearingStartsAt: "2030-10-27T05:30:00.000Z",
      language: "fr",
      version: 3,
      builtAt: "2030-10-28T08:00:00.000Z",
      officialAt: null,
      withdrawnAt: null,
      withdrawnReason: null,
      segments: [
        {
          id: "s1",
          anchor: "question-q1",
          kind: "QUESTION",
          candidateId: "c1",
          candidateName: "Ana",
          position: 1,
          questionId: "q1",
          questionBody: "6G?",
          startAt: "2030-10-27T05:40:00.000Z",
          endAt: null,
          text: "Oui.",
          edited: true,
        },
      ],
    };
    const json = transcriptJson(transcript, "https://example.org/fr/hearing/h1/transcript?lang=fr");
    expect(json).toMatchObject({ official: false, floor: false, language: "fr", version: 3 });
    expect(json.segments[0]).toEqual({
      anchor: "question-q1",
      kind: "QUESTION",
      candidate: { id: "c1", name: "Ana", position: 1 },
      question: { id: "q1", text: "6G?" },
      startAt: "2030-10-27T05:40:00.000Z",
      endAt: null,
      text: "Oui.",
      edited: true,
    });
  });
});
