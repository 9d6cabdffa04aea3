// After the hearing in the demo (docs/fairness.md#after-the-hearing, docs/decisions/048-written-answers-and-open-pool.md).
// The PP-18 archive's record shows written answers as they stood when it closed: for two
// candidates late in the running order, the third drawn question was never put — time ran out —
// and the later of them answered it in writing, in English and French, three days after the
// hearing: within the seven days and before the record closed (a closed record is final). The
// other was left unanswered. The askers' sources, consent and the chair's reasons, which the
// open pool shows, are prisma/demo/sources.ts's. Nothing the draws verify against changes (their
// eligible ids, results and entropy, the questions' texts): only whether a drawn question was put.
// Runs after the archive is written and before its transcripts are cut, so that they cut only
// what was spoken; once: an archive with written answers or transcripts is left as it is.
// Relative imports only: this runs under tsx, outside Next.
import type { PrismaClient } from "../../lib/db/client";
import { hearingEndedAt, writtenAnswerDeadline } from "../../lib/hearings/written-answer-rules";

const DAY_MS = 86_400_000;

export const PP18_POOL = {
  /** How many candidates' third drawn question was never put. */
  notReached: 2,
  /** Askers who did not agree to the open pool (prisma/demo/sources.ts): their questions are not picked, so the pool shows the outcome. */
  withheldAskers: ["Delegate of Egypt", "Li Wen"],
  /** Three days after the hearing ended. */
  writtenAfterDays: 3,
  answers: {
    en: "[Demo answer] Time ran out before this question. In writing: I would publish, each year, the number of study-group meetings each small administration could attend remotely, and fund the remote participation of the least developed countries from the first budget of my term.",
    fr: "[Réponse de démonstration] Le temps a manqué pour cette question. Par écrit : je publierais chaque année le nombre de réunions des commissions d'études auxquelles chaque petite administration a pu participer à distance, et je financerais la participation à distance des pays les moins avancés dès le premier budget de mon mandat.",
  },
} as const;

/** The PP-18 archive's drawn questions not reached and the written answer: after its hearing is written, before its transcripts are cut. */
export async function seedArchivePool(prisma: PrismaClient, conferenceId: string): Promise<void> {
  const hearing = await prisma.hearing.findFirst({
    where: { conferenceId, rehearsal: false, status: "ENDED" },
    select: {
      id: true,
      closedAt: true,
      _count: { select: { transcripts: true, captionCues: true } },
      slots: { orderBy: { position: "desc" }, select: { candidateId: true, position: true, finishedAt: true } },
      questions: {
        where: { drawId: { not: null }, drawPosition: 3 },
        select: { id: true, candidateId: true, askerName: true, status: true, _count: { select: { writtenAnswers: true } } },
      },
    },
  });
  if (!hearing || hearing._count.transcripts > 0 || hearing._count.captionCues > 0) return;
  if (hearing.questions.some((q) => q.status !== "ANSWERED" || q._count.writtenAnswers > 0)) return;
  const endedAt = hearingEndedAt(hearing.slots);
  if (!endedAt) return;
  const submittedAt = new Date(endedAt.getTime() + PP18_POOL.writtenAfterDays * DAY_MS);
  // The archive keeps the rule it shows: within the deadline, before the record closed.
  if (submittedAt >= writtenAnswerDeadline(endedAt) || (hearing.closedAt && submittedAt >= hearing.closedAt)) return;
  // The last candidates of the running order, where time runs short, whose third question's asker agreed to the pool.
  const picked = hearing.slots
    .map((s) => hearing.questions.find((q) => q.candidateId === s.candidateId))
    .filter((q): q is NonNullable<typeof q> => q !== undefined && !(PP18_POOL.withheldAskers as readonly string[]).includes(q.askerName))
    .slice(0, PP18_POOL.notReached);
  const written = picked[0];
  if (!written) return;
  await prisma.$transaction(async (tx) => {
    for (const q of picked) await tx.hearingQuestion.update({ where: { id: q.id }, data: { status: "DRAWN", shownAt: null, answeredAt: null } });
    await tx.hearingWrittenAnswer.createMany({
      data: Object.entries(PP18_POOL.answers).map(([locale, body], i) => ({
        questionId: written.id,
        candidateId: written.candidateId,
        locale,
        body,
        declaredNoSymbols: true,
        declaredNoResources: true,
        submittedAt: new Date(submittedAt.getTime() + i * 3_600_000),
      })),
    });
  });
}
