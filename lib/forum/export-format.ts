import { csvLine } from "@/lib/http/csv";

// The forum's open-data formats, kept apart from the database so that they are tested alone.

export type ExportFormat = "csv" | "json";

export type ExportedQuestion = {
  id: string;
  candidateId: string;
  candidateName: string;
  post: string;
  askerName: string;
  askerCountry: string | null;
  askerAffiliation: string | null;
  question: string;
  answer: string | null;
  publishedAt: string;
  answeredAt: string | null;
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
  "asker_name",
  "asker_country",
  "asker_affiliation",
  "question",
  "answer",
  "published_at",
  "answered_at",
] as const;

export function toCsv(questions: readonly ExportedQuestion[]): string {
  let body = csvLine(CSV_COLUMNS);
  for (const q of questions) {
    body += csvLine([
      q.id,
      q.candidateId,
      q.candidateName,
      q.post,
      q.askerName,
      q.askerCountry,
      q.askerAffiliation,
      q.question,
      q.answer,
      q.publishedAt,
      q.answeredAt,
    ]);
  }
  // BOM: spreadsheet programs then read the file as UTF-8 (Arabic, Chinese, Russian names).
  return `\uFEFF${body}`;
}

export function toJson(questions: readonly ExportedQuestion[], candidateId: string | null, now: Date): string {
  const document: ForumExportJson = { candidateId, exportedAt: now.toISOString(), count: questions.length, questions: [...questions] };
  return JSON.stringify(document, null, 2);
}
