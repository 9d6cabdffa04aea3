import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { toCsv, toJson, withdrawnRecord, type ExportedQuestion, type ExportFormat } from "./export-format";

// Open data: the public record of one forum or of all, as CSV and JSON — what the public pages
// show and nothing more: the published questions and answers, and the questions the candidate
// published and later withdrew, marked, with their dates but without their text, asker or answer
// (docs/domain.md#forum-fairness). Never pending, declined or hidden questions, never a reason,
// never an e-mail address.

export async function publicQuestions(candidateId?: string): Promise<ExportedQuestion[]> {
  if (candidateId !== undefined) {
    const exists = await db().candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
    if (!exists) throw new DomainError("NOT_FOUND");
  }
  const rows = await db().forumQuestion.findMany({
    where: {
      // A withdrawn question that was never published (none should be: only a published one can be
      // withdrawn) was never public, so it is not on the record either.
      OR: [{ status: "PUBLISHED" }, { status: "WITHDRAWN", publishedAt: { not: null } }],
      ...(candidateId !== undefined ? { candidateId } : {}),
    },
    select: {
      id: true,
      candidateId: true,
      status: true,
      askerName: true,
      askerCountry: true,
      askerAffiliation: true,
      body: true,
      answer: true,
      publishedAt: true,
      answeredAt: true,
      candidate: { select: { name: true, post: { select: { code: true } } } },
    },
    orderBy: [{ candidate: { name: "asc" } }, { candidateId: "asc" }, { publishedAt: "asc" }, { id: "asc" }],
  });
  const withdrawnAt = await withdrawalTimes(rows.filter((r) => r.status === "WITHDRAWN").map((r) => r.id));
  return rows.map((r): ExportedQuestion => {
    const common = {
      id: r.id,
      candidateId: r.candidateId,
      candidateName: r.candidate.name,
      post: r.candidate.post.code,
      publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    };
    // Built from the common fields alone, so that no text of a withdrawn question can reach the file.
    if (r.status === "WITHDRAWN") return withdrawnRecord(common, withdrawnAt.get(r.id) ?? null);
    return {
      ...common,
      status: "published",
      askerName: r.askerName,
      askerCountry: r.askerCountry,
      askerAffiliation: r.askerAffiliation,
      question: r.body,
      answer: r.answer,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      withdrawnAt: null,
    };
  });
}

/**
 * When each question was withdrawn: the time of its "withdrawn" audit row (lib/forum/moderate.ts
 * writes it in the withdrawal's transaction). Only the time is read, never the row's content; a
 * question without such a row (one changed outside the application) has no known withdrawal time.
 */
async function withdrawalTimes(ids: readonly string[]): Promise<Map<string, string>> {
  const times = new Map<string, string>();
  if (ids.length === 0) return times;
  const rows = await db().auditEvent.findMany({
    where: { area: "forum", entity: "ForumQuestion", action: "withdrawn", entityId: { in: [...ids] } },
    select: { entityId: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  // The latest withdrawal wins.
  for (const row of rows) times.set(row.entityId, row.at.toISOString());
  return times;
}

export async function exportForum({
  candidateId,
  format,
  now = new Date(),
}: {
  candidateId?: string;
  format: ExportFormat;
  now?: Date;
}): Promise<{ body: string; contentType: string; fileName: string }> {
  const questions = await publicQuestions(candidateId);
  const day = now.toISOString().slice(0, 10);
  const fileName = `forum-${candidateId ?? "all"}-${day}.${format}`;
  if (format === "csv") return { body: toCsv(questions), contentType: "text/csv; charset=utf-8", fileName };
  return { body: toJson(questions, candidateId ?? null, now), contentType: "application/json; charset=utf-8", fileName };
}
