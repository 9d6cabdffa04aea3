import { DECLARATION_REQUIRED, missingDeclaration, type Declarations } from "@/lib/campaign/declarations";
import { campaignPublishRefusal } from "@/lib/campaign/rules";
import type { CandidatureStatus } from "@/lib/db/generated/enums";

// The rules of the common questionnaire (docs/fairness.md#common-questionnaire,
// docs/decisions/047-common-questionnaire.md), pure so that they are tested at their
// boundaries; the services call them with the database's clock.

/** Answers are taken strictly before the deadline; at the deadline itself they are frozen. */
export function isOpen(deadlineAt: Date, now: Date): boolean {
  return now.getTime() < deadlineAt.getTime();
}

/** Answers are public once frozen, so that no candidate reads another's before answering. */
export function isRevealed(deadlineAt: Date, now: Date): boolean {
  return !isOpen(deadlineAt, now);
}

/** Why the secretariat may not change a round (its questions, their order, its deadline) now, or null. */
export function roundChangeRefusal(deadlineAt: Date, now: Date): string | null {
  return isOpen(deadlineAt, now) ? null : "adminQuestionnaire.frozen";
}

/** A new deadline must lie ahead: a deadline in the past would freeze answers no one could give. */
export function deadlineRefusal(newDeadline: Date, now: Date): string | null {
  return newDeadline.getTime() > now.getTime() ? null : "adminQuestionnaire.deadlineInPast";
}

/**
 * Whether a question's text may be edited: a draft always, a published question only while no
 * candidate has answered it (a typo corrected before anyone relied on it), never afterwards.
 */
export function questionEditRefusal(q: { publishedAt: Date | null; answerCount: number }): string | null {
  if (q.publishedAt && q.answerCount > 0) return "adminQuestionnaire.answeredFinal";
  return null;
}

/** Only a draft is deleted; a published question stays on the record. */
export function questionDeleteRefusal(q: { publishedAt: Date | null }): string | null {
  return q.publishedAt ? "adminQuestionnaire.publishedFinal" : null;
}

/** Does a question (for one post, or every post when null) concern a candidate of `postId`? */
export function concernsPost(question: { postId: string | null }, postId: string): boolean {
  return question.postId === null || question.postId === postId;
}

export type AnswerCheck = {
  candidateStatus: CandidatureStatus;
  candidatePostId: string;
  question: { postId: string | null; publishedAt: Date | null; sameConference: boolean };
  deadlineAt: Date;
  now: Date;
};

/**
 * Why the candidate may not give or change this answer now, as a message key, or null. Order:
 * the question must be theirs to answer, then the deadline (the frozen message is the one that
 * matters after it), then the candidature's status as for any publication
 * (docs/domain.md#public-record: a withdrawn candidate publishes nothing new).
 */
export function answerRefusal(c: AnswerCheck): { code: "NOT_FOUND" | "CONFLICT"; key: string } | null {
  if (!c.question.sameConference || !c.question.publishedAt || !concernsPost(c.question, c.candidatePostId)) {
    return { code: "NOT_FOUND", key: "questionnaire.my.notYours" };
  }
  if (!isOpen(c.deadlineAt, c.now)) return { code: "CONFLICT", key: "questionnaire.my.frozen" };
  const status = campaignPublishRefusal(c.candidateStatus);
  if (status) return { code: "CONFLICT", key: status };
  return null;
}

/** The field of the first declaration not ticked, with the one refusal, or null. */
export function declarationRefusal(d: Declarations): { field: keyof Declarations; key: string } | null {
  const missing = missingDeclaration(d);
  return missing ? { field: missing, key: DECLARATION_REQUIRED } : null;
}

/** The fixed order of candidates on the public page: alphabetical by name, the same in every language. */
const ORDER = new Intl.Collator("en", { sensitivity: "base", numeric: true });
export function fairOrder<T extends { name: string; id: string }>(candidates: T[]): T[] {
  return [...candidates].sort((a, b) => ORDER.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The languages tried for a reader: theirs, then English, then the others in a fixed order. */
const FALLBACK = ["en", "fr", "es", "ru", "zh", "ar"];

/** The answer to show a reader of `locale`: in their language, else English, else the first in a fixed order. */
export function pickAnswer<T extends { language: string }>(answers: T[], locale: string): T | undefined {
  for (const l of [locale, ...FALLBACK]) {
    const found = answers.find((a) => a.language === l);
    if (found) return found;
  }
  return undefined;
}
