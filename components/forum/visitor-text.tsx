import type { ReactNode } from "react";

// Text a visitor (or a candidate) wrote, shown as text and nothing else: React escapes it,
// `dir="auto"` isolates its direction (a right-to-left override cannot run into the page),
// and words longer than the line wrap anywhere instead of widening the page. Never the
// Markdown renderer, never dangerouslySetInnerHTML.

/** Several lines (a question, an answer, a reason). */
export function VisitorParagraphs({ text, testId, className = "" }: { text: string; testId?: string; className?: string }) {
  return (
    <p dir="auto" data-testid={testId} className={className ? `visitor-text ${className}` : "visitor-text"}>
      {text}
    </p>
  );
}

/** A short value inside a sentence (a name, a country). */
export function VisitorLine({ text, testId }: { text: string; testId?: string }): ReactNode {
  return (
    <bdi dir="auto" data-testid={testId} className="wrap-anywhere">
      {text}
    </bdi>
  );
}
