import { Link } from "@/lib/i18n/navigation";
import { segmentAnchor } from "@/lib/transcripts/segments";

/**
 * A link from a chapter of the recording to the same part of the transcript
 * (docs/decisions/041-transcript.md): `#candidate-<id>` or `#question-<id>` on the transcript's
 * page. The visible word is short; the hidden rest names the part, so that a list of them reads
 * as distinct links.
 */
export function TranscriptPartLink({
  hearingId,
  part,
  label,
  context,
}: {
  hearingId: string;
  part: { kind: "PRESENTATION" | "QUESTION"; candidateId: string; questionId: string | null };
  label: string;
  context: string;
}) {
  return (
    <>
      {" "}
      <Link
        href={`/hearing/${encodeURIComponent(hearingId)}/transcript#${segmentAnchor(part)}`}
        className="link inline-flex min-h-6 items-baseline text-sm"
        data-testid={`transcript-link-${segmentAnchor(part)}`}
      >
        {label}
        <span className="sr-only">{`: ${context}`}</span>
      </Link>
    </>
  );
}
