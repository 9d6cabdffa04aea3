import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { concernsPost, isOpen } from "./rules";

// The signed-in reads of the common questionnaire: the secretariat's console and the
// candidate's own answers. Each checks the caller (docs/conventions.md#authorise-where-the-data-is-touched).

async function nowOfDatabase(): Promise<Date> {
  const [row] = await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}

/** Every round of a conference with all its questions (drafts too) and how many answers each has. */
export async function getQuestionnaireConsole(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:questionnaire:any");
  const [rounds, posts, now] = await Promise.all([
    db().questionnaire.findMany({
      where: { conferenceId },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        deadlineAt: true,
        questions: {
          orderBy: { position: "asc" },
          select: { id: true, position: true, texts: true, postId: true, publishedAt: true, _count: { select: { answers: true } } },
        },
      },
    }),
    db().post.findMany({
      where: { conferenceId, retiredAt: null },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, names: true },
    }),
    nowOfDatabase(),
  ]);
  return {
    now,
    posts,
    rounds: rounds.map((r) => ({
      ...r,
      open: isOpen(r.deadlineAt, now),
      questions: r.questions.map(({ _count, ...q }) => ({ ...q, answerCount: _count.answers })),
    })),
  };
}

/**
 * The candidate's own questionnaire: the published questions that concern their post, in every
 * round of their conference, with their own answers and whether each round still takes them.
 */
export async function getOwnQuestionnaire(actor: Actor | null) {
  const candidateId = actor?.candidateId ?? null;
  assertCan(actor, "answer:questionnaire:own", { candidateId });
  if (!candidateId) throw new DomainError("FORBIDDEN");
  const candidate = await db().candidate.findUnique({
    where: { id: candidateId },
    select: { id: true, name: true, status: true, postId: true, conferenceId: true },
  });
  if (!candidate) return null;
  const [rounds, answers, now] = await Promise.all([
    db().questionnaire.findMany({
      where: { conferenceId: candidate.conferenceId },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        deadlineAt: true,
        questions: {
          where: { publishedAt: { not: null } },
          orderBy: { position: "asc" },
          select: { id: true, position: true, texts: true, postId: true },
        },
      },
    }),
    db().questionnaireAnswer.findMany({
      where: { candidateId },
      select: { questionId: true, language: true, body: true, format: true, updatedAt: true },
    }),
    nowOfDatabase(),
  ]);
  return {
    candidate,
    now,
    rounds: rounds
      .map((r) => ({
        ...r,
        open: isOpen(r.deadlineAt, now),
        questions: r.questions.filter((q) => concernsPost(q, candidate.postId)).map((q) => ({ ...q, answers: answers.filter((a) => a.questionId === q.id) })),
      }))
      .filter((r) => r.questions.length > 0),
  };
}
