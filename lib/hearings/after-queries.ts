import "server-only";
import { unstable_cache } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { getCurrentConference } from "@/lib/conferences/context";
import { db } from "@/lib/db";
import { ALGORITHM } from "@/lib/draw/verifiable-draw";
import { parseChaptersVtt, type Chapter } from "./chapters";
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
    const found = await db().hearing.findUnique({ where: { id: requested }, select: { id: true } });
    return found?.id ?? null;
  }
  const current = await getCurrentConference();
  if (!current) return null;
  const hearing = await db().hearing.findFirst({
    where: { conferenceId: current.id },
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
  })();
}

export type DrawsExport = {
  hearingId: string;
  algorithm: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  questionsPerCandidate: number;
  seedHash: string | null;
  /** Null until the secretariat reveals it after the hearing. */
  seed: string | null;
  seedRevealedAt: string | null;
  candidates: { id: string; name: string }[];
  draws: {
    id: string;
    kind: "RUNNING_ORDER" | "QUESTIONS";
    candidateId: string | null;
    eligibleIds: string[];
    count: number;
    result: string[];
    algorithm: string;
    createdAt: string;
  }[];
};

/** Everything needed to re-run the hearing's draws; the seed only once revealed. */
export async function readDrawsExport(hearingId: string): Promise<DrawsExport | null> {
  const client = db();
  const hearing = await client.hearing.findUnique({
    where: { id: hearingId },
    select: {
      id: true,
      status: true,
      questionsPerCandidate: true,
      seedHash: true,
      // Not `seed`: it is read below, and only once it is public.
      seedRevealedAt: true,
      slots: { select: { candidate: { select: { id: true, name: true } } }, orderBy: { candidateId: "asc" } },
      draws: {
        select: { id: true, kind: true, candidateId: true, eligibleIds: true, count: true, result: true, algorithm: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!hearing) return null;
  const seed = hearing.seedRevealedAt ? ((await client.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { seed: true } })).seed ?? null) : null;
  return {
    hearingId: hearing.id,
    algorithm: ALGORITHM,
    status: hearing.status,
    questionsPerCandidate: hearing.questionsPerCandidate,
    seedHash: hearing.seedHash,
    seed,
    seedRevealedAt: hearing.seedRevealedAt?.toISOString() ?? null,
    candidates: hearing.slots.map((s) => s.candidate),
    draws: hearing.draws.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
  };
}

export function getCachedDrawsExport(hearingId: string): Promise<DrawsExport | null> {
  return unstable_cache(() => readDrawsExport(hearingId), ["hearing-draws", hearingId], { tags: [TAGS.hearings] })();
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
    where: { id: hearingId },
    select: {
      id: true,
      status: true,
      presentationMinutes: true,
      qaMinutes: true,
      questionsPerCandidate: true,
      // The questions a draw picked (drawId set), for the drawn and answered counts (¶6, ¶7).
      questions: { where: { drawId: { not: null } }, select: { candidateId: true, status: true } },
      slots: {
        select: {
          candidateId: true,
          position: true,
          presentationActualMs: true,
          qaActualMs: true,
          candidate: { select: { name: true } },
          extensions: { select: { phase: true, addedMs: true, reason: true, at: true } },
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
    slots: hearing.slots.map((s) => ({ ...s, name: s.candidate.name, drawnQuestions: hearing.questions.filter((q) => q.candidateId === s.candidateId) })),
  });
  return { ...base, report };
}

export function getCachedParity(hearingId: string): Promise<ParityView | null> {
  return unstable_cache(() => readParity(hearingId), ["hearing-parity", hearingId], { tags: [TAGS.hearings] })();
}

export type HearingReplay = {
  hearingId: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  recordingUrl: string | null;
  /** The WebVTT chapters track (app/api/hearings/[id]/chapters.vtt), when there are chapters. */
  chaptersUrl: string | null;
  chapters: Chapter[];
};

/** What the replay page needs: the recording and its chapters, one per candidate. */
export async function readHearingReplay(hearingId: string): Promise<HearingReplay | null> {
  const hearing = await db().hearing.findUnique({ where: { id: hearingId }, select: { id: true, status: true, recordingUrl: true, chaptersVtt: true } });
  if (!hearing) return null;
  return {
    hearingId: hearing.id,
    status: hearing.status,
    recordingUrl: hearing.recordingUrl,
    chaptersUrl: hearing.chaptersVtt ? `/api/hearings/${encodeURIComponent(hearing.id)}/chapters.vtt` : null,
    chapters: hearing.chaptersVtt ? parseChaptersVtt(hearing.chaptersVtt) : [],
  };
}

/** Cached for the public replay page. */
export function getHearingReplay(hearingId: string): Promise<HearingReplay | null> {
  return unstable_cache(() => readHearingReplay(hearingId), ["hearing-replay", hearingId], { tags: [TAGS.hearings] })();
}

/** The stored chapters file, for the route that serves it. */
export async function readChaptersVtt(hearingId: string): Promise<string | null> {
  const hearing = await db().hearing.findUnique({ where: { id: hearingId }, select: { chaptersVtt: true } });
  return hearing?.chaptersVtt ?? null;
}
