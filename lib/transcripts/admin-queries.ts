import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { segmentAnchor } from "./segments";

// The secretariat's reads of a hearing's transcripts (docs/decisions/041-transcript.md).

/** What the hearing's console shows: the caption languages with their cue counts, and each transcript's state. */
export async function getTranscriptsForAdmin(actor: Actor | null, which: { conferenceId: string; hearingId: string }) {
  assertCan(actor, "manage:hearing:any");
  const client = db();
  const hearing = await client.hearing.findFirst({
    where: { id: which.hearingId, conferenceId: which.conferenceId, rehearsal: false },
    select: { id: true, status: true, conference: { select: { closedAt: true } } },
  });
  if (!hearing) return null;
  const [cues, transcripts] = await Promise.all([
    client.captionCue.groupBy({ by: ["language"], where: { hearingId: hearing.id }, _count: { _all: true } }),
    client.transcript.findMany({
      where: { hearingId: hearing.id },
      select: {
        language: true,
        version: true,
        builtAt: true,
        officialAt: true,
        cueCount: true,
        unassignedCount: true,
        segments: { select: { text: true, builtText: true } },
      },
    }),
  ]);
  const byLanguage = new Map(transcripts.map((t) => [t.language, t]));
  const languages = [...new Set([...cues.map((c) => c.language), ...byLanguage.keys()])].sort((a, b) =>
    a === "floor" ? -1 : b === "floor" ? 1 : a.localeCompare(b),
  );
  return {
    hearingId: hearing.id,
    ended: hearing.status === "ENDED",
    conferenceClosed: hearing.conference.closedAt !== null,
    languages: languages.map((language) => {
      const t = byLanguage.get(language);
      return {
        language,
        cues: cues.find((c) => c.language === language)?._count._all ?? 0,
        transcript: t
          ? {
              version: t.version,
              builtAt: t.builtAt,
              officialAt: t.officialAt,
              unassigned: t.unassignedCount,
              segments: t.segments.length,
              edited: t.segments.filter((s) => s.text !== s.builtText).length,
            }
          : null,
      };
    }),
  };
}

/** The conference's real hearing's transcript in one language (a rehearsal has none), with its segments and their versions, for the editing page. */
export async function getTranscriptForEditing(actor: Actor | null, which: { conferenceId: string; language: string }) {
  assertCan(actor, "manage:hearing:any");
  const transcript = await db().transcript.findFirst({
    where: { language: which.language, hearing: { conferenceId: which.conferenceId, rehearsal: false } },
    select: {
      hearingId: true,
      language: true,
      version: true,
      builtAt: true,
      officialAt: true,
      withdrawnAt: true,
      withdrawnReason: true,
      hearing: { select: { conference: { select: { timeZone: true, closedAt: true } } } },
      segments: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          kind: true,
          candidateId: true,
          questionId: true,
          startAt: true,
          text: true,
          builtText: true,
          version: true,
          editedAt: true,
          candidate: { select: { name: true } },
          question: { select: { body: true } },
        },
      },
    },
  });
  if (!transcript) throw new DomainError("NOT_FOUND");
  const { hearing, segments, ...rest } = transcript;
  return {
    ...rest,
    timeZone: hearing.conference.timeZone,
    conferenceClosed: hearing.conference.closedAt !== null,
    segments: segments.map(({ candidate, question, builtText, ...s }) => ({
      ...s,
      anchor: segmentAnchor(s),
      candidateName: candidate.name,
      questionBody: question?.body ?? null,
      edited: s.text !== builtText,
    })),
  };
}
