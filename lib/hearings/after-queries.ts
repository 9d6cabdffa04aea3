import "server-only";
import { unstable_cache } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { getCurrentConference } from "@/lib/conferences/context";
import { db } from "@/lib/db";
import { ALGORITHM } from "@/lib/draw/verifiable-draw";
import type { DrawsFile } from "@/lib/draw/verify-hearing";
import { buildQuestionChapters, parseChaptersVtt, playerChaptersVtt, type Chapter, type QuestionChapter } from "./chapters";
import { parityReport, type ParityReport } from "./parity";

// Public reads of a hearing after the fact: its draws (for anyone to verify), the parity
// report and the recording. The uncached readers are for tests and route handlers; the
// pages use the cached wrappers, revalidated by TAGS.hearings. A cache entry crosses a JSON
// boundary, so instants are ISO strings throughout.

/**
 * The hearing of that id when given (any hearing's draws and report are public), else the
 * current conference's (docs/decisions/012: "current" only decides the unprefixed URLs).
 */
export async function resolvePublicHearingId(requested: string | undefined): Promise<string | null> {
  if (requested !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(requested)) return null;
    // A rehearsal is never part of the public record (docs/decisions/018-rehearsal-hearings.md).
    const found = await db().hearing.findUnique({ where: { id: requested, rehearsal: false }, select: { id: true } });
    return found?.id ?? null;
  }
  const current = await getCurrentConference();
  if (!current) return null;
  const hearing = await db().hearing.findFirst({
    where: { conferenceId: current.id, rehearsal: false },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  return hearing?.id ?? null;
}

/**
 * Cached: a static page must read through a tagged cache entry, or it would never learn
 * that a hearing was set up after it was first rendered.
 */
export function getCachedPublicHearingId(requested?: string): Promise<string | null> {
  return unstable_cache(() => resolvePublicHearingId(requested), ["public-hearing-id", requested ?? ""], {
    tags: [TAGS.hearings, TAGS.conference, TAGS.conferences],
    revalidate: CACHED_READ_SECONDS,
  })();
}

export type DrawsExport = DrawsFile;

/**
 * Everything needed to re-run the hearing's draws (docs/draw-specification.md §12): each draw
 * with its commitment, times, entropy and queue counts, the eligible questions' published texts
 * (never who asked), the voided commitments with their seeds, and the active seed once revealed.
 */
export async function readDrawsExport(hearingId: string): Promise<DrawsExport | null> {
  const client = db();
  const hearing = await client.hearing.findUnique({
    where: { id: hearingId, rehearsal: false },
    select: {
      id: true,
      status: true,
      questionsPerCandidate: true,
      seedHash: true,
      seedCommittedAt: true,
      // Not `seed`: it is read below, and only once it is public.
      seedRevealedAt: true,
      slots: { select: { candidate: { select: { id: true, name: true } } }, orderBy: { candidateId: "asc" } },
      draws: {
        select: {
          id: true,
          kind: true,
          candidateId: true,
          eligibleIds: true,
          count: true,
          result: true,
          algorithm: true,
          seedHash: true,
          entropy: true,
          pendingCount: true,
          setAsideCount: true,
          quota: true,
          strata: true,
          createdAt: true,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!hearing) return null;
  const [revealed, voided] = await Promise.all([
    hearing.seedRevealedAt ? client.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { seed: true } }) : null,
    client.voidedCommitment.findMany({
      where: { hearingId: hearing.id },
      select: { seedHash: true, seed: true, committedAt: true, voidedAt: true, reason: true },
      orderBy: [{ voidedAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const seed = revealed?.seed ?? null;
  const questionIds = [...new Set(hearing.draws.filter((d) => d.kind === "QUESTIONS").flatMap((d) => d.eligibleIds))];
  const texts = new Map(
    questionIds.length === 0
      ? []
      : (await client.hearingQuestion.findMany({ where: { hearingId: hearing.id, id: { in: questionIds } }, select: { id: true, body: true } })).map((q) => [
          q.id,
          q.body,
        ]),
  );
  const voidedCommitments = voided.map((v) => ({
    seedHash: v.seedHash,
    seed: v.seed,
    committedAt: v.committedAt.toISOString(),
    voidedAt: v.voidedAt.toISOString(),
    reason: v.reason,
  }));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    hearingId: hearing.id,
    algorithm: ALGORITHM,
    specification: "/hearing/draw-specification",
    status: hearing.status,
    questionsPerCandidate: hearing.questionsPerCandidate,
    seedHash: hearing.seedHash,
    seedCommittedAt: iso(hearing.seedCommittedAt),
    seed,
    seedRevealedAt: iso(hearing.seedRevealedAt),
    voidedCommitments,
    candidates: hearing.slots.map((s) => s.candidate),
    draws: hearing.draws.map((d) => {
      // Rows older than Draw.seedHash were made under the hearing's commitment.
      const hash = d.seedHash ?? hearing.seedHash;
      const underVoided = hash !== null && hash !== hearing.seedHash ? voidedCommitments.find((v) => v.seedHash === hash) : undefined;
      return {
        id: d.id,
        kind: d.kind,
        candidateId: d.candidateId,
        algorithm: d.algorithm,
        seedHash: hash,
        committedAt: underVoided ? underVoided.committedAt : hash === hearing.seedHash ? iso(hearing.seedCommittedAt) : null,
        drawnAt: d.createdAt.toISOString(),
        revealedAt: underVoided ? underVoided.voidedAt : hash === hearing.seedHash ? iso(hearing.seedRevealedAt) : null,
        voided: underVoided !== undefined,
        entropy: d.entropy,
        pendingCount: d.pendingCount,
        setAsideCount: d.setAsideCount,
        eligibleIds: d.eligibleIds,
        count: d.count,
        result: d.result,
        // hustings-draw-v3 only: the quota it applied and each eligible id's stratum (docs/draw-specification.md §15).
        ...(d.quota !== null || d.strata !== null ? { quota: d.quota, strata: d.strata } : {}),
        questions: d.kind === "QUESTIONS" ? Object.fromEntries(d.eligibleIds.map((id) => [id, texts.get(id) ?? null])) : null,
      };
    }),
  };
}

export function getCachedDrawsExport(hearingId: string): Promise<DrawsExport | null> {
  return unstable_cache(() => readDrawsExport(hearingId), ["hearing-draws", hearingId], { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS })();
}

export type ParityView = {
  hearingId: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  presentationMinutes: number;
  qaMinutes: number;
  /** Only once the hearing has ended: a report of a hearing under way would be half a report. */
  report: ParityReport | null;
};

export async function readParity(hearingId: string): Promise<ParityView | null> {
  const hearing = await db().hearing.findUnique({
    where: { id: hearingId, rehearsal: false },
    select: {
      id: true,
      status: true,
      presentationMinutes: true,
      qaMinutes: true,
      questionsPerCandidate: true,
      splitAllowed: true,
      minPresentationMinutes: true,
      minQaMinutes: true,
      // The questions a draw picked (drawId set), for the drawn and answered counts (¶6, ¶7).
      questions: { where: { drawId: { not: null } }, select: { candidateId: true, status: true } },
      slots: {
        select: {
          candidateId: true,
          position: true,
          presentationActualMs: true,
          qaActualMs: true,
          plannedPresentationMs: true,
          plannedQaMs: true,
          candidate: { select: { name: true } },
          extensions: { select: { phase: true, addedMs: true, reason: true, at: true, kind: true } },
        },
      },
    },
  });
  if (!hearing) return null;
  const base = { hearingId: hearing.id, status: hearing.status, presentationMinutes: hearing.presentationMinutes, qaMinutes: hearing.qaMinutes };
  if (hearing.status !== "ENDED") return { ...base, report: null };
  const report = parityReport({
    presentationMinutes: hearing.presentationMinutes,
    qaMinutes: hearing.qaMinutes,
    questionsPerCandidate: hearing.questionsPerCandidate,
    splitAllowed: hearing.splitAllowed,
    minPresentationMinutes: hearing.minPresentationMinutes,
    minQaMinutes: hearing.minQaMinutes,
    slots: hearing.slots.map((s) => ({ ...s, name: s.candidate.name, drawnQuestions: hearing.questions.filter((q) => q.candidateId === s.candidateId) })),
  });
  return { ...base, report };
}

export function getCachedParity(hearingId: string): Promise<ParityView | null> {
  return unstable_cache(() => readParity(hearingId), ["hearing-parity", hearingId], { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS })();
}

export type HearingReplay = {
  hearingId: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  recordingUrl: string | null;
  /** The WebVTT chapters track (app/api/hearings/[id]/chapters.vtt), when there are chapters. */
  chaptersUrl: string | null;
  chapters: Chapter[];
  /** The questions asked, each inside its candidate's chapter (lib/hearings/chapters.ts). */
  questionChapters: QuestionChapter[];
  /** The languages the webcast and the recording are interpreted into, besides the floor. */
  interpretationLanguages: string[];
};

/** The recording's chapters: the stored ones per candidate, and the questions placed in them. */
async function replayChapters(hearingId: string, chaptersVtt: string | null) {
  const chapters = chaptersVtt ? parseChaptersVtt(chaptersVtt) : [];
  if (chapters.length === 0) return { chapters, questionChapters: [] };
  const [timings, questions] = await Promise.all([
    db().hearingSlot.findMany({ where: { hearingId }, select: { candidateId: true, presentationStartedAt: true, qaStartedAt: true } }),
    // Only the questions the chair put (shown on the webcast), never the pool.
    db().hearingQuestion.findMany({ where: { hearingId, shownAt: { not: null } }, select: { id: true, candidateId: true, shownAt: true } }),
  ]);
  const questionChapters = buildQuestionChapters({
    chapters,
    timings,
    questions: questions.map((q) => ({ questionId: q.id, candidateId: q.candidateId, shownAt: q.shownAt })),
  });
  return { chapters, questionChapters };
}

/** What the replay page needs: the recording, its chapters per candidate and per question, and its languages. */
export async function readHearingReplay(hearingId: string): Promise<HearingReplay | null> {
  const hearing = await db().hearing.findUnique({
    where: { id: hearingId, rehearsal: false },
    select: { id: true, status: true, recordingUrl: true, chaptersVtt: true, interpretationLanguages: true },
  });
  if (!hearing) return null;
  return {
    hearingId: hearing.id,
    status: hearing.status,
    recordingUrl: hearing.recordingUrl,
    interpretationLanguages: hearing.interpretationLanguages,
    chaptersUrl: hearing.chaptersVtt ? `/api/hearings/${encodeURIComponent(hearing.id)}/chapters.vtt` : null,
    ...(await replayChapters(hearing.id, hearing.chaptersVtt)),
  };
}

/** Cached for the public replay page. */
export function getHearingReplay(hearingId: string): Promise<HearingReplay | null> {
  return unstable_cache(() => readHearingReplay(hearingId), ["hearing-replay", hearingId], { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS })();
}

/**
 * The chapters file the player loads: each candidate's chapter, then each question's, the
 * questions named by `questionTitle` in the reader's language.
 */
export async function readChaptersVtt(
  hearingId: string,
  questionTitle: (chapter: Chapter, question: QuestionChapter) => string = (chapter, question) => `${chapter.name} (${question.number})`,
): Promise<string | null> {
  const hearing = await db().hearing.findUnique({ where: { id: hearingId, rehearsal: false }, select: { id: true, chaptersVtt: true } });
  if (!hearing?.chaptersVtt) return null;
  const { chapters, questionChapters } = await replayChapters(hearing.id, hearing.chaptersVtt);
  return playerChaptersVtt(chapters, questionChapters, questionTitle);
}
