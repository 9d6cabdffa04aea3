import "server-only";
import { unstable_cache } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import { segmentAnchor, type SegmentKind } from "./segments";

// Public reads of a hearing's transcripts (docs/decisions/041-transcript.md): only a real
// hearing's (never a rehearsal's, docs/decisions/018) and only once it has ended. The uncached
// readers are for tests and route handlers; pages use the cached wrappers, revalidated by
// TAGS.hearings. Instants are ISO strings (a cache entry crosses a JSON boundary).

const HEARING_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type PublicTranscriptSegment = {
  id: string;
  /** The page's anchor: candidate-<id> for a presentation, question-<id> for a question. */
  anchor: string;
  kind: SegmentKind;
  candidateId: string;
  candidateName: string;
  /** The candidate's place in the running order. */
  position: number | null;
  questionId: string | null;
  /** The question's published text, never who asked it. */
  questionBody: string | null;
  startAt: string;
  endAt: string | null;
  text: string;
  edited: boolean;
};

export type PublicTranscript = {
  hearingId: string;
  conferenceName: string;
  timeZone: string;
  hearingStartsAt: string;
  language: string;
  version: number;
  builtAt: string;
  officialAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  segments: PublicTranscriptSegment[];
};

const PUBLIC_HEARING = { rehearsal: false, status: "ENDED" } as const;

/** The languages a hearing has a transcript in, "floor" first; null when it has none to show. */
export async function readTranscriptLanguages(hearingId: string): Promise<string[] | null> {
  if (!HEARING_ID.test(hearingId)) return null;
  const rows = await db().transcript.findMany({ where: { hearingId, hearing: PUBLIC_HEARING }, select: { language: true } });
  if (rows.length === 0) return null;
  return rows.map((r) => r.language).sort((a, b) => (a === "floor" ? -1 : b === "floor" ? 1 : a.localeCompare(b)));
}

export async function readPublicTranscript(hearingId: string, language: string): Promise<PublicTranscript | null> {
  if (!HEARING_ID.test(hearingId)) return null;
  const transcript = await db().transcript.findFirst({
    where: { hearingId, language, hearing: PUBLIC_HEARING },
    select: {
      hearingId: true,
      language: true,
      version: true,
      builtAt: true,
      officialAt: true,
      withdrawnAt: true,
      withdrawnReason: true,
      hearing: { select: { startsAt: true, conference: { select: { name: true, timeZone: true } }, slots: { select: { candidateId: true, position: true } } } },
      segments: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          kind: true,
          candidateId: true,
          questionId: true,
          startAt: true,
          endAt: true,
          text: true,
          builtText: true,
          candidate: { select: { name: true } },
          question: { select: { body: true } },
        },
      },
    },
  });
  if (!transcript) return null;
  const positions = new Map(transcript.hearing.slots.map((s) => [s.candidateId, s.position]));
  return {
    hearingId: transcript.hearingId,
    conferenceName: transcript.hearing.conference.name,
    timeZone: transcript.hearing.conference.timeZone,
    hearingStartsAt: transcript.hearing.startsAt.toISOString(),
    language: transcript.language,
    version: transcript.version,
    builtAt: transcript.builtAt.toISOString(),
    officialAt: transcript.officialAt?.toISOString() ?? null,
    withdrawnAt: transcript.officialAt ? null : (transcript.withdrawnAt?.toISOString() ?? null),
    withdrawnReason: transcript.officialAt ? null : transcript.withdrawnReason,
    segments: transcript.segments.map((s) => ({
      id: s.id,
      anchor: segmentAnchor(s),
      kind: s.kind,
      candidateId: s.candidateId,
      candidateName: s.candidate.name,
      position: positions.get(s.candidateId) ?? null,
      questionId: s.questionId,
      questionBody: s.question?.body ?? null,
      startAt: s.startAt.toISOString(),
      endAt: s.endAt?.toISOString() ?? null,
      text: s.text,
      edited: s.text !== s.builtText,
    })),
  };
}

export function getCachedTranscriptLanguages(hearingId: string): Promise<string[] | null> {
  return unstable_cache(() => readTranscriptLanguages(hearingId), ["transcript-languages", hearingId], {
    tags: [TAGS.hearings],
    revalidate: CACHED_READ_SECONDS,
  })();
}

export function getCachedPublicTranscript(hearingId: string, language: string): Promise<PublicTranscript | null> {
  return unstable_cache(() => readPublicTranscript(hearingId, language), ["transcript", hearingId, language], {
    tags: [TAGS.hearings],
    revalidate: CACHED_READ_SECONDS,
  })();
}

/** Which language to show: the one asked for, else the page's, else the floor, else the first. */
export function chooseLanguage(languages: readonly string[], requested: string | undefined, locale: string): string | undefined {
  return [requested, locale, "floor"].find((l) => l !== undefined && languages.includes(l)) ?? languages[0];
}
