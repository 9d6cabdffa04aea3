import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { QUEUE_SELECT, toQueueItem, type ForumCounts, type PublicQuestion, type QueueItem } from "./question-fields";
import { FORUM_LIMITS, FORUM_STATUSES, type ForumStatus } from "./schema";
import { forumClosesAt, forumWindow, type ForumWindow } from "./window";

export type { ForumCounts, PublicQuestion, QueueItem } from "./question-fields";

// Reads of the forum. Moderation queues are read only by the forum's own candidate and by
// the secretariat; the public reads published questions only, uncached here (the pages read
// them through lib/forum/cached-queries.ts, tagged TAGS.forum / TAGS.forums).

/** A moderation queue is a working list, not an archive: the newest this many per view. */
const QUEUE_CAP = 500;

function statusFilter(status: ForumStatus | undefined): ForumStatus | undefined {
  if (status === undefined) return undefined;
  if (!FORUM_STATUSES.includes(status)) throw new DomainError("INVALID_INPUT", { fieldErrors: { status: "choose" } });
  return status;
}

// Waiting questions oldest first (first come, first moderated); the rest newest first.
const queueOrder = (status: ForumStatus | undefined) => (status === "PENDING" ? ("asc" as const) : ("desc" as const));

/** The candidate's own forum, every state; another candidate's questions are never read. */
export async function getOwnForumQueue(actor: Actor | null, options: { status?: ForumStatus } = {}): Promise<QueueItem[]> {
  assertCan(actor, "read:forum-queue:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
  const status = statusFilter(options.status);
  const rows = await db().forumQuestion.findMany({
    where: { candidateId: actor.candidateId, status },
    select: QUEUE_SELECT,
    orderBy: [{ createdAt: queueOrder(status) }, { id: queueOrder(status) }],
    take: QUEUE_CAP,
  });
  return rows.map(toQueueItem);
}

/** Every forum's queue, for oversight (hiding abusive content); the secretariat reads, it never moderates. */
export async function getForumQueueForSecretariat(
  actor: Actor | null,
  options: { candidateId?: string; status?: ForumStatus; conferenceId?: string } = {},
): Promise<(QueueItem & { candidateId: string; candidateName: string })[]> {
  assertCan(actor, "read:forum-queue:any");
  const status = statusFilter(options.status);
  const rows = await db().forumQuestion.findMany({
    where: { candidateId: options.candidateId || undefined, status, ...(options.conferenceId ? { candidate: { conferenceId: options.conferenceId } } : {}) },
    select: { ...QUEUE_SELECT, candidate: { select: { name: true } } },
    orderBy: [{ createdAt: queueOrder(status) }, { id: queueOrder(status) }],
    take: QUEUE_CAP,
  });
  return rows.map((row) => ({ ...toQueueItem(row), candidateId: row.candidateId, candidateName: row.candidate.name }));
}

/** The public forum's two orders: the usual one, and the most supported first (docs/decisions/049-forum-support-and-follow.md). */
export type PublicForumOrder = "default" | "supported";

/**
 * The public forum: published questions, answered ones first (newest answer first), then the
 * unanswered, newest first; then those the candidate published and later withdrew, marked,
 * without their text, asker or answer (docs/domain.md#forum-fairness).
 */
export async function getPublicForum(
  candidateId: string,
  page: number,
  order: PublicForumOrder = "default",
): Promise<{ items: PublicQuestion[]; page: number; pageCount: number; total: number }> {
  // Only what was once on the forum: a publication time, as the open-data export requires too.
  const where = { candidateId, status: { in: ["PUBLISHED" as const, "WITHDRAWN" as const] }, publishedAt: { not: null } };
  const total = await db().forumQuestion.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / FORUM_LIMITS.pageSize));
  const current = Math.min(Math.max(1, Number.isFinite(page) ? Math.trunc(page) : 1), pageCount);
  const rows = await db().forumQuestion.findMany({
    where,
    select: {
      id: true,
      status: true,
      askerName: true,
      askerCountry: true,
      askerAffiliation: true,
      body: true,
      answer: true,
      answeredAt: true,
      publishedAt: true,
      supportCount: true,
    },
    // The enum's order puts PUBLISHED before WITHDRAWN. "Most supported" (docs/decisions/049)
    // puts the most supported first, then the usual order among equals.
    orderBy: [
      { status: "asc" },
      ...(order === "supported" ? [{ supportCount: "desc" as const }] : []),
      { answeredAt: { sort: "desc", nulls: "last" } },
      { publishedAt: "desc" },
      { id: "desc" },
    ],
    skip: (current - 1) * FORUM_LIMITS.pageSize,
    take: FORUM_LIMITS.pageSize,
  });
  const items = rows.map(({ status, supportCount, ...r }): PublicQuestion => {
    const publishedAt = r.publishedAt as Date; // filtered above
    if (status === "WITHDRAWN") {
      return {
        id: r.id,
        withdrawn: true,
        askerName: "",
        askerCountry: null,
        askerAffiliation: null,
        body: "",
        answer: null,
        answeredAt: null,
        publishedAt,
        supports: 0,
      };
    }
    return { ...r, withdrawn: false, publishedAt, supports: supportCount };
  });
  return { items, page: current, pageCount, total };
}

/**
 * The same numbers for every candidate (docs/domain.md#forum-fairness): received = every
 * question accepted, whatever became of it (hidden ones included); published = every
 * question the candidate published, those later withdrawn included; answered = on the forum
 * with an answer; declined = declined by the candidate; withdrawn = published, then taken
 * off the forum by the candidate.
 */
export async function getForumCounts(candidateIds: string[]): Promise<Map<string, ForumCounts>> {
  const counts = new Map<string, ForumCounts>(candidateIds.map((id) => [id, { received: 0, published: 0, answered: 0, declined: 0, withdrawn: 0 }]));
  if (candidateIds.length === 0) return counts;
  const rows = await db().$queryRaw<{ candidateId: string; received: bigint; published: bigint; answered: bigint; declined: bigint; withdrawn: bigint }[]>`
    SELECT "candidateId",
           count(*) AS received,
           count(*) FILTER (WHERE status IN ('PUBLISHED', 'WITHDRAWN') AND "publishedAt" IS NOT NULL) AS published,
           count(*) FILTER (WHERE status = 'PUBLISHED' AND answer IS NOT NULL) AS answered,
           count(*) FILTER (WHERE status = 'DECLINED') AS declined,
           count(*) FILTER (WHERE status = 'WITHDRAWN' AND "publishedAt" IS NOT NULL) AS withdrawn
      FROM "ForumQuestion"
     WHERE "candidateId" = ANY(${candidateIds})
     GROUP BY "candidateId"`;
  for (const r of rows) {
    counts.set(r.candidateId, {
      received: Number(r.received),
      published: Number(r.published),
      answered: Number(r.answered),
      declined: Number(r.declined),
      withdrawn: Number(r.withdrawn),
    });
  }
  return counts;
}

/** Whether a candidate's forum takes questions now, and why not; null for an unknown candidate. */
export async function getForumWindow(candidateId: string, now: Date = new Date()): Promise<ForumWindow | null> {
  const candidate = await db().candidate.findUnique({
    where: { id: candidateId },
    select: { status: true, conference: { select: { forumClosesAt: true, opensOn: true, timeZone: true, closedAt: true } } },
  });
  if (!candidate) return null;
  return forumWindow({
    candidateStatus: candidate.status,
    closesAt: forumClosesAt(candidate.conference),
    conferenceClosedAt: candidate.conference.closedAt,
    now,
  });
}

/**
 * The candidate's most supported questions on their forum (docs/decisions/049-forum-support-and-follow.md):
 * published ones with at least one support, most supported first.
 */
export async function getOwnMostSupported(
  actor: Actor | null,
  take = 10,
): Promise<{ id: string; body: string; askerName: string; answered: boolean; supports: number }[]> {
  assertCan(actor, "read:forum-queue:own", { candidateId: actor?.candidateId });
  if (!actor.candidateId) throw new DomainError("FORBIDDEN");
  const rows = await db().forumQuestion.findMany({
    where: { candidateId: actor.candidateId, status: "PUBLISHED", supportCount: { gt: 0 } },
    select: { id: true, body: true, askerName: true, answer: true, supportCount: true },
    orderBy: [{ supportCount: "desc" }, { publishedAt: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(1, take), 50),
  });
  return rows.map((r) => ({ id: r.id, body: r.body, askerName: r.askerName, answered: r.answer !== null, supports: r.supportCount }));
}

/** A published question as the support page shows it, with its count now (uncached: the page renders per request); null when the public does not see it. */
export async function getSupportView(
  questionId: string,
): Promise<{ id: string; candidateId: string; candidateName: string; askerName: string; body: string; supports: number; timeZone: string } | null> {
  const row = await db().forumQuestion.findUnique({
    where: { id: questionId },
    select: {
      id: true,
      candidateId: true,
      status: true,
      publishedAt: true,
      askerName: true,
      body: true,
      supportCount: true,
      candidate: { select: { name: true, conference: { select: { timeZone: true } } } },
    },
  });
  if (!row || row.status !== "PUBLISHED" || !row.publishedAt) return null;
  return {
    id: row.id,
    candidateId: row.candidateId,
    candidateName: row.candidate.name,
    askerName: row.askerName,
    body: row.body,
    supports: row.supportCount,
    timeZone: row.candidate.conference.timeZone,
  };
}
