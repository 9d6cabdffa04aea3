// Cutting a hearing's captions into its transcript's segments (docs/decisions/041-transcript.md).
// Pure: the build service, the demo loader and the tests share it.

export type SegmentCue = { startAt: Date; endAt: Date; text: string };

export type SegmentSlot = {
  candidateId: string;
  presentationStartedAt: Date | null;
  qaStartedAt: Date | null;
  finishedAt: Date | null;
};

/** A question put to a candidate in the hearing: drawn, then shown while it was asked and answered. */
export type SegmentQuestion = { id: string; candidateId: string; shownAt: Date | null };

export type SegmentKind = "PRESENTATION" | "QUESTION";

export type BuiltSegment = {
  kind: SegmentKind;
  candidateId: string;
  questionId: string | null;
  startAt: Date;
  /** Null for the last segment of a hearing whose last candidate has no recorded finish. */
  endAt: Date | null;
  text: string;
};

/** A pause this long between two cues starts a new paragraph: the speaker stopped or changed. */
export const PARAGRAPH_GAP_MS = 5_000;

type Span = Omit<BuiltSegment, "text">;

/**
 * The record's own times, in running order: each candidate's presentation runs from its
 * start to the Q&A's (or the candidate's finish); each question put to them from when it was
 * shown (the first from the Q&A's start, so the chair's reading it out belongs to it) to the
 * next question's, the last to the candidate's finish. What has no end takes the next span's
 * start. Candidates who never spoke and questions never shown have no span.
 */
export function segmentSpans(slots: readonly SegmentSlot[], questions: readonly SegmentQuestion[]): Span[] {
  const spoke = slots
    .filter((s) => s.presentationStartedAt !== null)
    .sort((a, b) => (a.presentationStartedAt?.getTime() ?? 0) - (b.presentationStartedAt?.getTime() ?? 0));
  const spans: Span[] = [];
  for (const slot of spoke) {
    const start = slot.presentationStartedAt as Date;
    const asked = questions
      .filter((q): q is SegmentQuestion & { shownAt: Date } => q.candidateId === slot.candidateId && q.shownAt !== null)
      .sort((a, b) => a.shownAt.getTime() - b.shownAt.getTime() || a.id.localeCompare(b.id));
    const qaStart = slot.qaStartedAt ?? asked[0]?.shownAt ?? null;
    spans.push({ kind: "PRESENTATION", candidateId: slot.candidateId, questionId: null, startAt: start, endAt: qaStart ?? slot.finishedAt });
    asked.forEach((q, i) => {
      const next = asked[i + 1];
      const from = i === 0 && qaStart && qaStart < q.shownAt ? qaStart : q.shownAt;
      spans.push({ kind: "QUESTION", candidateId: slot.candidateId, questionId: q.id, startAt: from, endAt: next ? next.shownAt : slot.finishedAt });
    });
  }
  // An open end closes where the next span begins.
  return spans.map((span, i) => ({ ...span, endAt: span.endAt ?? spans[i + 1]?.startAt ?? null }));
}

/** A cue belongs where its middle falls: a line straddling a change goes where most of it was said. */
function middle(cue: SegmentCue): number {
  return (cue.startAt.getTime() + Math.max(cue.startAt.getTime(), cue.endAt.getTime())) / 2;
}

/** Cue lines into running text: one paragraph per stretch of speech, blank lines between. */
export function joinCues(cues: readonly SegmentCue[]): string {
  const paragraphs: string[][] = [];
  let lastEnd: number | null = null;
  for (const cue of cues) {
    const text = cue.text.replace(/\s+/g, " ").trim();
    if (!text) continue;
    const gap = lastEnd === null ? 0 : cue.startAt.getTime() - lastEnd;
    if (paragraphs.length === 0 || gap >= PARAGRAPH_GAP_MS) paragraphs.push([]);
    paragraphs.at(-1)?.push(text);
    lastEnd = Math.max(cue.endAt.getTime(), cue.startAt.getTime());
  }
  return paragraphs.map((p) => p.join(" ")).join("\n\n");
}

/**
 * Each cue, in time order, into the span its middle falls in ([start, end)); a cue outside
 * every span (the opening, a break between candidates) is counted, not kept: the transcript
 * is per candidate and per question.
 */
export function assignCues(spans: readonly Span[], cues: readonly SegmentCue[]): { segments: BuiltSegment[]; unassigned: number } {
  const sorted = [...cues].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  const buckets: SegmentCue[][] = spans.map(() => []);
  let unassigned = 0;
  for (const cue of sorted) {
    const at = middle(cue);
    const index = spans.findIndex((s) => s.startAt.getTime() <= at && (s.endAt === null || at < s.endAt.getTime()));
    if (index === -1) unassigned += 1;
    else buckets[index]?.push(cue);
  }
  return { segments: spans.map((span, i) => ({ ...span, text: joinCues(buckets[i] ?? []) })), unassigned };
}

/** The whole build: the record's spans, then the cues in them. */
export function buildSegments(input: { slots: readonly SegmentSlot[]; questions: readonly SegmentQuestion[]; cues: readonly SegmentCue[] }) {
  return assignCues(segmentSpans(input.slots, input.questions), input.cues);
}

/** The page's anchor for a segment, the one the chapters link to. */
export function segmentAnchor(segment: { kind: SegmentKind; candidateId: string; questionId: string | null }): string {
  return segment.kind === "QUESTION" && segment.questionId ? `question-${segment.questionId}` : `candidate-${segment.candidateId}`;
}
