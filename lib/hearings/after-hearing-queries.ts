import "server-only";
import { unstable_cache } from "next/cache";
import { assertCan } from "@/lib/auth/assert";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/auth/permissions";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import { ANSWER_IN_WRITING } from "./give-written-answer";
import {
  hearingEndedAt,
  isNotReached,
  POOL_OUTCOMES,
  poolOutcome,
  writtenAnswerDeadline,
  writtenAnswerRefusal,
  type PoolOutcome,
} from "./written-answer-rules";

// After the hearing (docs/fairness.md#after-the-hearing, docs/decisions/048-written-answers-and-open-pool.md):
// the candidate's own questions to answer in writing (per request, checked), the written
// answers on the hearing's public page and the open pool (cached, revalidated by TAGS.hearings;
// instants are ISO strings across the cache's JSON boundary). A rehearsal is never read here
// for the public (docs/decisions/018-rehearsal-hearings.md).

const ENDED_FIELDS = { status: true, closedAt: true, rehearsal: true, slots: { select: { finishedAt: true } } } as const;

export type WrittenAnswerView = { locale: string; body: string; submittedAt: string };

export type OwnHearingAnswers = {
  hearingId: string;
  conferenceName: string;
  timeZone: string;
  ended: boolean;
  endedAt: string | null;
  deadline: string | null;
  /** Why nothing can be written now (a message key), or null while the window is open. */
  refusal: string | null;
  questions: { id: string; body: string; drawPosition: number | null; shown: boolean; answers: WrittenAnswerView[] }[];
};

/**
 * The candidate's real hearings with the questions drawn for them that were not reached, each
 * with the answers already written. Only the candidate themselves.
 */
export async function getOwnHearingAnswers(user: CurrentUser, now = new Date()): Promise<OwnHearingAnswers[]> {
  const candidateId = user.candidateId;
  if (!candidateId) return [];
  assertCan(user, ANSWER_IN_WRITING, { candidateId });
  const candidate = await db().candidate.findUnique({ where: { id: candidateId }, select: { status: true } });
  if (!candidate) return [];
  const hearings = await db().hearing.findMany({
    where: { rehearsal: false, slots: { some: { candidateId } } },
    orderBy: { startsAt: "desc" },
    select: {
      id: true,
      ...ENDED_FIELDS,
      conference: { select: { name: true, timeZone: true, closedAt: true } },
      questions: {
        where: { candidateId, OR: [{ drawId: { not: null } }, { status: { in: ["DRAWN", "SHOWN", "ANSWERED"] } }] },
        orderBy: [{ drawPosition: "asc" }, { id: "asc" }],
        select: {
          id: true,
          body: true,
          drawId: true,
          drawPosition: true,
          status: true,
          shownAt: true,
          answeredAt: true,
          writtenAnswers: { orderBy: { locale: "asc" }, select: { locale: true, body: true, submittedAt: true } },
        },
      },
    },
  });
  return hearings.map((h) => {
    const endedAt = h.status === "ENDED" ? hearingEndedAt(h.slots) : null;
    const refusal = h.conference.closedAt ? "hearingPool.answer.recordClosed" : writtenAnswerRefusal({ ...h, endedAt }, candidate.status, now);
    return {
      hearingId: h.id,
      conferenceName: h.conference.name,
      timeZone: h.conference.timeZone,
      ended: h.status === "ENDED",
      endedAt: endedAt?.toISOString() ?? null,
      deadline: endedAt ? writtenAnswerDeadline(endedAt).toISOString() : null,
      refusal,
      questions: h.questions.filter(isNotReached).map((q) => ({
        id: q.id,
        body: q.body,
        drawPosition: q.drawPosition,
        shown: q.shownAt !== null,
        answers: q.writtenAnswers.map((a) => ({ locale: a.locale, body: a.body, submittedAt: a.submittedAt.toISOString() })),
      })),
    };
  });
}

export type PublicWrittenAnswers = {
  hearingId: string;
  deadline: string | null;
  /** Per candidate in running order: the drawn questions not reached, with their written answers (none yet, perhaps). */
  candidates: { candidateId: string; name: string; questions: { id: string; body: string; drawPosition: number | null; answers: WrittenAnswerView[] }[] }[];
};

/**
 * The written answers published with the recording: for each candidate, the drawn questions the
 * hearing did not reach (their texts are public with the draws) and what was answered in
 * writing. Null for no such real hearing; no candidates before the hearing has ended.
 */
export async function readPublicWrittenAnswers(hearingId: string): Promise<PublicWrittenAnswers | null> {
  const hearing = await db().hearing.findUnique({
    where: { id: hearingId, rehearsal: false },
    select: {
      id: true,
      ...ENDED_FIELDS,
      slots: { orderBy: { position: "asc" }, select: { finishedAt: true, candidateId: true, candidate: { select: { name: true } } } },
      questions: {
        where: { drawId: { not: null }, answeredAt: null, status: { not: "ANSWERED" } },
        orderBy: [{ drawPosition: "asc" }, { id: "asc" }],
        // Never who asked: the drawn texts are public (the draws), their askers are not.
        select: {
          id: true,
          candidateId: true,
          body: true,
          drawId: true,
          drawPosition: true,
          status: true,
          answeredAt: true,
          writtenAnswers: { orderBy: { locale: "asc" }, select: { locale: true, body: true, submittedAt: true } },
        },
      },
    },
  });
  if (!hearing) return null;
  if (hearing.status !== "ENDED") return { hearingId: hearing.id, deadline: null, candidates: [] };
  const endedAt = hearingEndedAt(hearing.slots);
  const candidates = hearing.slots
    .map((s) => ({
      candidateId: s.candidateId,
      name: s.candidate.name,
      questions: hearing.questions
        .filter((q) => q.candidateId === s.candidateId && isNotReached(q))
        .map((q) => ({
          id: q.id,
          body: q.body,
          drawPosition: q.drawPosition,
          answers: q.writtenAnswers.map((a) => ({ locale: a.locale, body: a.body, submittedAt: a.submittedAt.toISOString() })),
        })),
    }))
    .filter((c) => c.questions.length > 0);
  return { hearingId: hearing.id, deadline: endedAt ? writtenAnswerDeadline(endedAt).toISOString() : null, candidates };
}

export function getCachedPublicWrittenAnswers(hearingId: string): Promise<PublicWrittenAnswers | null> {
  return unstable_cache(() => readPublicWrittenAnswers(hearingId), ["hearing-written-answers", hearingId], {
    tags: [TAGS.hearings],
    revalidate: CACHED_READ_SECONDS,
  })();
}

export type PoolQuestion = {
  id: string;
  candidateId: string;
  askerKind: "MEMBER_STATE" | "SECTOR_MEMBER" | "PUBLIC" | "PRESS";
  /** A Member State's question: the state (for its name in the reader's language) and its region when asked. */
  state: { iso2: string; nameEn: string } | null;
  region: "A" | "B" | "C" | "D" | "E" | null;
  verified: boolean;
  body: string;
  outcome: PoolOutcome;
  /** The chair's reason, for a question set aside. */
  setAsideReason: string | null;
  /** The languages it was answered in writing in. */
  writtenIn: string[];
};

export type OpenPool = {
  hearingId: string;
  conferenceName: string;
  ended: boolean;
  /** The candidates in running order. */
  candidates: { id: string; name: string }[];
  /** Only questions whose asker agreed on the form; never an asker's name. */
  questions: PoolQuestion[];
  /** Per candidate and outcome, how many questions were shown and how many withheld (no consent). */
  counts: { candidateId: string; outcome: PoolOutcome; shown: number; withheld: number }[];
};

/**
 * The hearing's open pool (docs/fairness.md#after-the-hearing), once it has ended: every
 * question whose asker consented, with its source and outcome; the others only counted. The
 * two are read apart, and the second reads no text and no name at all, so nothing of an
 * unconsented question can reach the page. Null for no such real hearing.
 */
export async function readOpenPool(hearingId: string): Promise<OpenPool | null> {
  const hearing = await db().hearing.findUnique({
    where: { id: hearingId, rehearsal: false },
    select: {
      id: true,
      status: true,
      conference: { select: { name: true } },
      slots: { orderBy: { position: "asc" }, select: { candidateId: true, candidate: { select: { name: true } } } },
    },
  });
  if (!hearing) return null;
  const base = {
    hearingId: hearing.id,
    conferenceName: hearing.conference.name,
    candidates: hearing.slots.map((s) => ({ id: s.candidateId, name: s.candidate.name })),
  };
  if (hearing.status !== "ENDED") return { ...base, ended: false, questions: [], counts: [] };
  const fate = { candidateId: true, drawId: true, status: true, answeredAt: true, _count: { select: { writtenAnswers: true } } } as const;
  const [consented, withheld] = await Promise.all([
    db().hearingQuestion.findMany({
      where: { hearingId: hearing.id, publishConsent: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        ...fate,
        askerKind: true,
        askerRegion: true,
        askerVerified: true,
        askerState: { select: { iso2: true, nameEn: true } },
        body: true,
        setAsideReason: true,
        writtenAnswers: { orderBy: { locale: "asc" }, select: { locale: true } },
      },
    }),
    db().hearingQuestion.findMany({ where: { hearingId: hearing.id, publishConsent: false }, select: fate }),
  ]);
  const questions: PoolQuestion[] = consented.map((q) => {
    const outcome = poolOutcome({ ...q, writtenAnswers: q._count.writtenAnswers });
    return {
      id: q.id,
      candidateId: q.candidateId,
      askerKind: q.askerKind,
      state: q.askerKind === "MEMBER_STATE" ? q.askerState : null,
      region: q.askerKind === "MEMBER_STATE" ? q.askerRegion : null,
      verified: q.askerVerified,
      body: q.body,
      outcome,
      setAsideReason: outcome === "SET_ASIDE" ? q.setAsideReason : null,
      writtenIn: q.writtenAnswers.map((a) => a.locale),
    };
  });
  const counts = hearing.slots.flatMap((s) =>
    POOL_OUTCOMES.map((outcome) => ({
      candidateId: s.candidateId,
      outcome,
      shown: questions.filter((q) => q.candidateId === s.candidateId && q.outcome === outcome).length,
      withheld: withheld.filter((q) => q.candidateId === s.candidateId && poolOutcome({ ...q, writtenAnswers: q._count.writtenAnswers }) === outcome).length,
    })),
  );
  return { ...base, ended: true, questions, counts };
}

export function getCachedOpenPool(hearingId: string): Promise<OpenPool | null> {
  return unstable_cache(() => readOpenPool(hearingId), ["hearing-open-pool", hearingId], { tags: [TAGS.hearings], revalidate: CACHED_READ_SECONDS })();
}

export type WrittenAnswerWindow = { deadline: string; open: boolean; notReached: number; unanswered: number };

/**
 * For the secretariat's close (docs/decisions/048-written-answers-and-open-pool.md): the written
 * answers' deadline and how many drawn questions not reached still have none, since closing the
 * record ends the window. Null before the hearing has ended.
 */
export async function getWrittenAnswerWindowForAdmin(
  actor: Actor | null,
  which: { conferenceId: string; hearingId: string },
  now = new Date(),
): Promise<WrittenAnswerWindow | null> {
  assertCan(actor, "manage:hearing:any");
  const hearing = await db().hearing.findFirst({
    where: { id: which.hearingId, conferenceId: which.conferenceId, rehearsal: false },
    select: {
      status: true,
      slots: { select: { finishedAt: true } },
      questions: {
        where: { drawId: { not: null }, answeredAt: null, status: { not: "ANSWERED" } },
        select: { drawId: true, status: true, answeredAt: true, _count: { select: { writtenAnswers: true } } },
      },
    },
  });
  const endedAt = hearing?.status === "ENDED" ? hearingEndedAt(hearing.slots) : null;
  if (!hearing || !endedAt) return null;
  const deadline = writtenAnswerDeadline(endedAt);
  const notReached = hearing.questions.filter(isNotReached);
  return {
    deadline: deadline.toISOString(),
    open: now.getTime() < deadline.getTime(),
    notReached: notReached.length,
    unanswered: notReached.filter((q) => q._count.writtenAnswers === 0).length,
  };
}
