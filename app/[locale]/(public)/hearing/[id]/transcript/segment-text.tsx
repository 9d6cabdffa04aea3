import { highlight } from "@/lib/transcripts/search";

/**
 * A segment's paragraphs, with the search's matches in <mark>. Every piece is a React text
 * child, so whatever the captions or an editor typed is escaped, never markup.
 */
export function SegmentText({ text, terms, empty }: { text: string; terms: readonly string[]; empty: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== "");
  if (paragraphs.length === 0) return <p className="text-slate-700 italic">{empty}</p>;
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i} className="max-w-prose whitespace-pre-line">
          {highlight(paragraph, terms).map((piece, j) =>
            piece.match ? (
              <mark key={j} className="bg-amber-200 text-slate-950">
                {piece.text}
              </mark>
            ) : (
              piece.text
            ),
          )}
        </p>
      ))}
    </>
  );
}
