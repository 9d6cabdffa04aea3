import type { ReactNode } from "react";
import { chapterSeconds, type Chapter, type QuestionChapter } from "@/lib/hearings/chapters";

/** A chapter of the list: a candidate's, or a question's inside it. */
export type ChapterItem = { kind: "PRESENTATION"; candidateId: string; questionId: null } | { kind: "QUESTION"; candidateId: string; questionId: string };

/** A chapter's start in the recording, h:mm:ss. */
function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, sec] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return `${h}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
}

type Props = {
  chapters: readonly Chapter[];
  questions: readonly QuestionChapter[];
  /** A question's title, in the page's language ("Question 2"). */
  questionTitle: (question: QuestionChapter) => string;
  /** Something more after an item, e.g. a link to its part of the transcript (its anchor: lib/transcripts/segments.ts). */
  extra?: (item: ChapterItem) => ReactNode;
  /** Something after a candidate's chapter and questions, e.g. a link to their written answers after the hearing. */
  after?: (candidateId: string) => ReactNode;
};

/**
 * The recording's chapters, each a link to the same page at `#t=<seconds>`: the player there
 * goes to it and plays (components/video/video-player.tsx), and a link copied elsewhere opens
 * the recording at that point (docs/decisions/039-interpretation-and-player.md). Plain links:
 * they work without the page's scripts as addresses, and need none of their own.
 */
export function ChapterList({ chapters, questions, questionTitle, extra, after }: Props) {
  const link = (ms: number, title: string, testId: string) => (
    <a href={`#t=${chapterSeconds(ms)}`} className="link inline-flex min-h-6 items-baseline gap-2" data-testid={testId}>
      <span dir="ltr" className="font-mono tabular-nums">
        {clock(ms)}
      </span>
      <span dir="auto">{title}</span>
    </a>
  );
  return (
    <ol className="space-y-2">
      {chapters.map((c) => {
        const own = questions.filter((q) => q.candidateId === c.candidateId);
        return (
          <li key={c.candidateId}>
            {link(c.startMs, c.name, `chapter-${c.candidateId}`)}
            {extra?.({ kind: "PRESENTATION", candidateId: c.candidateId, questionId: null })}
            {own.length > 0 ? (
              <ol className="ms-6 mt-1 space-y-1">
                {own.map((q) => (
                  <li key={q.questionId}>
                    {link(q.startMs, questionTitle(q), `chapter-question-${q.questionId}`)}
                    {extra?.({ kind: "QUESTION", candidateId: q.candidateId, questionId: q.questionId })}
                  </li>
                ))}
              </ol>
            ) : null}
            {after?.(c.candidateId)}
          </li>
        );
      })}
    </ol>
  );
}
