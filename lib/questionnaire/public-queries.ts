import "server-only";
import { unstable_cache } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { isOnPublicRecord, PUBLIC_RECORD_STATUSES } from "@/lib/campaign/rules";
import type { CandidatureStatus } from "@/lib/db/generated/enums";
import { db } from "@/lib/db";
import { concernsPost, fairOrder, isRevealed } from "./rules";

// The public page's reads (docs/cache.md). Answers are public only once their round's deadline
// has passed by the database's clock, so no candidate reads another's before answering
// (docs/decisions/047-common-questionnaire.md). Cached results cross a JSON boundary: dates are strings.

export type PublicAnswer = { candidateId: string; language: string; body: string; format: "PLAIN" | "MARKDOWN" };
export type PublicCandidate = { id: string; name: string; status: CandidatureStatus; isDemo: boolean; memberState: { iso2: string; nameEn: string } };
export type PublicQuestion = { id: string; position: number; texts: unknown; postId: string | null; answers: PublicAnswer[] };
export type PublicRound = {
  id: string;
  number: number;
  deadlineAt: string;
  revealed: boolean;
  /** The posts the round's questions concern that have candidates on the public record, each with its candidates in the fixed order and its questions. */
  posts: { id: string; code: string; names: unknown; candidates: PublicCandidate[]; questionIds: string[] }[];
  questions: PublicQuestion[];
};

/** Uncached: what the public may see of a conference's questionnaire now (the integration tests call it directly). */
export async function readPublicQuestionnaire(conferenceId: string): Promise<PublicRound[]> {
  const [[clock], rounds, posts] = await Promise.all([
    db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`,
    db().questionnaire.findMany({
      where: { conferenceId, questions: { some: { publishedAt: { not: null } } } },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        deadlineAt: true,
        questions: { where: { publishedAt: { not: null } }, orderBy: { position: "asc" }, select: { id: true, position: true, texts: true, postId: true } },
      },
    }),
    db().post.findMany({
      where: { conferenceId, retiredAt: null },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        names: true,
        candidates: {
          where: { status: { in: [...PUBLIC_RECORD_STATUSES] } },
          select: { id: true, name: true, status: true, isDemo: true, memberState: { select: { iso2: true, nameEn: true } } },
        },
      },
    }),
  ]);
  const now = clock!.now;
  const revealedIds = rounds.filter((r) => isRevealed(r.deadlineAt, now)).flatMap((r) => r.questions.map((q) => q.id));
  const answers =
    revealedIds.length === 0
      ? []
      : await db().questionnaireAnswer.findMany({
          where: { questionId: { in: revealedIds } },
          select: { questionId: true, candidateId: true, language: true, body: true, format: true, candidate: { select: { status: true } } },
        });
  const withCandidates = posts.filter((p) => p.candidates.length > 0);
  return rounds.map((r) => {
    const revealed = isRevealed(r.deadlineAt, now);
    return {
      id: r.id,
      number: r.number,
      deadlineAt: r.deadlineAt.toISOString(),
      revealed,
      questions: r.questions.map((q) => ({
        ...q,
        answers: revealed
          ? answers
              .filter((a) => a.questionId === q.id && isOnPublicRecord(a.candidate.status))
              .map(({ candidateId, language, body, format }) => ({ candidateId, language, body, format }))
          : [],
      })),
      posts: withCandidates
        .map((p) => ({
          id: p.id,
          code: p.code,
          names: p.names,
          candidates: fairOrder(p.candidates),
          questionIds: r.questions.filter((q) => concernsPost(q, p.id)).map((q) => q.id),
        }))
        .filter((p) => p.questionIds.length > 0),
    };
  });
}

const roundDeadlines = unstable_cache(
  async (conferenceId: string): Promise<string[]> => {
    const rows = await db().questionnaire.findMany({ where: { conferenceId }, select: { deadlineAt: true } });
    return rows.map((r) => r.deadlineAt.toISOString());
  },
  ["questionnaire-deadlines"],
  { tags: [TAGS.questionnaire], revalidate: CACHED_READ_SECONDS },
);

/**
 * Cached: the questionnaire's public content. Nobody acts at a deadline, so the deadline is the
 * read's time bound instead of a tag: until the next deadline at most (never more than
 * CACHED_READ_SECONDS), and the key changes with the rounds already past, so the first render
 * after a deadline reads afresh.
 */
export async function getPublicQuestionnaire(conferenceId: string): Promise<PublicRound[]> {
  const now = Date.now();
  const deadlines = (await roundDeadlines(conferenceId)).map((d) => Date.parse(d));
  const next = deadlines.filter((d) => d > now).sort((a, b) => a - b)[0];
  const passed = deadlines.filter((d) => d <= now).length;
  const bound = next === undefined ? CACHED_READ_SECONDS : Math.max(1, Math.min(CACHED_READ_SECONDS, Math.ceil((next - now) / 1000)));
  return unstable_cache(() => readPublicQuestionnaire(conferenceId), ["public-questionnaire", conferenceId, String(passed)], {
    tags: [TAGS.questionnaire, TAGS.candidates, TAGS.posts],
    revalidate: bound,
  })();
}
