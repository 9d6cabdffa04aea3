import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { toCsv, toJson, type ExportedQuestion, type ExportFormat } from "./export-format";

// Open data: the published questions and answers of one forum or of all, as CSV and JSON.
// Only what the public pages show: never pending, declined, withdrawn or hidden text,
// never an e-mail address.

export async function publishedQuestions(candidateId?: string): Promise<ExportedQuestion[]> {
  if (candidateId !== undefined) {
    const exists = await db().candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
    if (!exists) throw new DomainError("NOT_FOUND");
  }
  const rows = await db().forumQuestion.findMany({
    where: { status: "PUBLISHED", ...(candidateId !== undefined ? { candidateId } : {}) },
    select: {
      id: true,
      candidateId: true,
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
  return rows.map((r) => ({
    id: r.id,
    candidateId: r.candidateId,
    candidateName: r.candidate.name,
    post: r.candidate.post.code,
    askerName: r.askerName,
    askerCountry: r.askerCountry,
    askerAffiliation: r.askerAffiliation,
    question: r.body,
    answer: r.answer,
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
  }));
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
  const questions = await publishedQuestions(candidateId);
  const day = now.toISOString().slice(0, 10);
  const fileName = `forum-${candidateId ?? "all"}-${day}.${format}`;
  if (format === "csv") return { body: toCsv(questions), contentType: "text/csv; charset=utf-8", fileName };
  return { body: toJson(questions, candidateId ?? null, now), contentType: "application/json; charset=utf-8", fileName };
}
