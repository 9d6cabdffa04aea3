import type { ForumQuestionStatus } from "@/lib/db/generated/enums";

// The one shape in which a question leaves the forum's services for a moderator (and for
// the audit log): never the asker's e-mail address, never the hash of their address.

export const QUEUE_SELECT = {
  id: true,
  candidateId: true,
  askerName: true,
  askerCountry: true,
  askerAffiliation: true,
  askerEmail: true,
  body: true,
  status: true,
  answer: true,
  answeredAt: true,
  publishedAt: true,
  declineReason: true,
  withdrawReason: true,
  hiddenReason: true,
  createdAt: true,
} as const;

export type QueueItem = {
  id: string;
  askerName: string;
  askerCountry: string | null;
  askerAffiliation: string | null;
  /** Whether the asker will be told of the answer; the address itself stays in the database. */
  hasEmail: boolean;
  body: string;
  status: ForumQuestionStatus;
  answer: string | null;
  answeredAt: Date | null;
  publishedAt: Date | null;
  declineReason: string | null;
  withdrawReason: string | null;
  hiddenReason: string | null;
  createdAt: Date;
};

type QueueRow = Omit<QueueItem, "hasEmail"> & { askerEmail: string | null };

export function toQueueItem(row: QueueRow): QueueItem {
  return {
    id: row.id,
    askerName: row.askerName,
    askerCountry: row.askerCountry,
    askerAffiliation: row.askerAffiliation,
    hasEmail: row.askerEmail !== null,
    body: row.body,
    status: row.status,
    answer: row.answer,
    answeredAt: row.answeredAt,
    publishedAt: row.publishedAt,
    declineReason: row.declineReason,
    withdrawReason: row.withdrawReason,
    hiddenReason: row.hiddenReason,
    createdAt: row.createdAt,
  };
}

/**
 * A question on the public forum. One the candidate published and later withdrew keeps its
 * place, marked, with its publication date only: its text, its asker and its answer are no
 * longer shown (docs/domain.md#forum-fairness).
 */
export type PublicQuestion = {
  id: string;
  withdrawn: boolean;
  askerName: string;
  askerCountry: string | null;
  askerAffiliation: string | null;
  body: string;
  answer: string | null;
  answeredAt: Date | null;
  publishedAt: Date;
  /** Visitors' supports (docs/decisions/049-forum-support-and-follow.md); 0 once withdrawn, whose text is gone. */
  supports: number;
};

export type ForumCounts = { received: number; published: number; answered: number; declined: number; withdrawn: number };
