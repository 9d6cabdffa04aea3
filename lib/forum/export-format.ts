import { csvLine } from "@/lib/http/csv";

// The forum's open-data formats, kept apart from the database so that they are tested alone.
// The export is the public record, as the forum's page shows it (docs/domain.md#forum-fairness):
// a question the candidate published and later withdrew keeps its line, marked "withdrawn", with
// its publication date (and the withdrawal's, when known) but without its text, asker or answer.

export type ExportFormat = "csv" | "json";

export type ExportedQuestionStatus = "published" | "withdrawn";

export type ExportedQuestion = {
  id: string;
  candidateId: string;
  candidateName: string;
  post: string;
  status: ExportedQuestionStatus;
  /** null when withdrawn, as are the asker's other fields, the question and the answer. */
  askerName: string | null;
  askerCountry: string | null;
  askerAffiliation: string | null;
  question: string | null;
  answer: string | null;
  publishedAt: string;
  answeredAt: string | null;
  /** When the candidate withdrew it; null while published, or when the time is not on record. */
  withdrawnAt: string | null;
};

export type ForumExportJson = {
  /** The forum exported, or null for every forum. */
  candidateId: string | null;
  exportedAt: string;
  count: number;
  questions: ExportedQuestion[];
};

export const CSV_COLUMNS = [
  "id",
  "candidate_id",
  "candidate_name",
  "post",
  "status",
  "asker_name",
  "asker_country",
  "asker_affiliation",
  "question",
  "answer",
  "published_at",
  "answered_at",
  "withdrawn_at",
] as const;

/** What the public record keeps of a question the candidate withdrew: the fact and its dates, not the words. */
export function withdrawnRecord(
  q: Pick<ExportedQuestion, "id" | "candidateId" | "candidateName" | "post" | "publishedAt">,
  withdrawnAt: string | null,
): ExportedQuestion {
  return {
    id: q.id,
    candidateId: q.candidateId,
    candidateName: q.candidateName,
    post: q.post,
    status: "withdrawn",
    askerName: null,
    askerCountry: null,
    askerAffiliation: null,
    question: null,
    answer: null,
    publishedAt: q.publishedAt,
    answeredAt: null,
    withdrawnAt,
  };
}

export function toCsv(questions: readonly ExportedQuestion[]): string {
  let body = csvLine(CSV_COLUMNS);
  for (const q of questions) {
    body += csvLine([
      q.id,
      q.candidateId,
      q.candidateName,
      q.post,
      q.status,
      q.askerName,
      q.askerCountry,
      q.askerAffiliation,
      q.question,
      q.answer,
      q.publishedAt,
      q.answeredAt,
      q.withdrawnAt,
    ]);
  }
  // BOM: spreadsheet programs then read the file as UTF-8 (Arabic, Chinese, Russian names).
  return `\uFEFF${body}`;
}

export function toJson(questions: readonly ExportedQuestion[], candidateId: string | null, now: Date): string {
  const document: ForumExportJson = { candidateId, exportedAt: now.toISOString(), count: questions.length, questions: [...questions] };
  return JSON.stringify(document, null, 2);
}
