// The transcript's downloads (docs/decisions/041-transcript.md): plain text and JSON. Pure: the
// route handlers and the tests share them. The labels come translated from the caller.

import type { PublicTranscript } from "./queries";

export type TextSegment = { heading: string; text: string };

/**
 * Plain text, UTF-8, one line end kind: the header lines, then each segment under its heading
 * (underlined), its paragraphs as they are. Nothing in it is markup, so nothing is escaped;
 * a segment with no words says so rather than leave a heading over nothing.
 */
export function transcriptText(input: { header: readonly string[]; segments: readonly TextSegment[]; empty: string }): string {
  const clean = (s: string) => s.replace(/\r\n?/g, "\n").trim();
  const oneLine = (s: string) => clean(s).replace(/\s*\n\s*/g, " ");
  const blocks = input.header.length > 0 ? [input.header.map(oneLine).join("\n")] : [];
  for (const segment of input.segments) {
    const heading = oneLine(segment.heading);
    blocks.push(`${heading}\n${"-".repeat(Math.min(72, [...heading].length))}\n\n${clean(segment.text) || input.empty}`);
  }
  return `${blocks.join("\n\n\n")}\n`;
}

/** The JSON download: the transcript's own fields, each segment with its anchor on the page. */
export function transcriptJson(transcript: PublicTranscript, page: string) {
  return {
    hearingId: transcript.hearingId,
    conference: transcript.conferenceName,
    language: transcript.language,
    /** The floor is the original speech; any other language is of the interpretation. */
    floor: transcript.language === "floor",
    official: transcript.officialAt !== null,
    officialAt: transcript.officialAt,
    withdrawnAt: transcript.withdrawnAt,
    withdrawnReason: transcript.withdrawnReason,
    version: transcript.version,
    builtAt: transcript.builtAt,
    page,
    segments: transcript.segments.map((s) => ({
      anchor: s.anchor,
      kind: s.kind,
      candidate: { id: s.candidateId, name: s.candidateName, position: s.position },
      question: s.questionId ? { id: s.questionId, text: s.questionBody } : null,
      startAt: s.startAt,
      endAt: s.endAt,
      text: s.text,
      edited: s.edited,
    })),
  };
}
