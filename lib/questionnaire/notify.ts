import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { mailLocale } from "@/lib/mail/language";
import { questionnairePublishedText } from "@/lib/mail/messages";
import { enqueueMail } from "@/lib/mail/outbox";

/**
 * Tells every candidate a published common question concerns — of its post, or of every post —
 * and who may still answer (a formal candidature: lib/campaign/rules.ts), each in their account's
 * language, with the round's deadline (docs/fairness.md#common-questionnaire). In the publishing
 * transaction: every one of them is told, or none. An account that is disabled gets nothing.
 */
export async function queueQuestionPublishedNotes(tx: Tx, question: { conferenceId: string; postId: string | null; deadlineAt: Date }): Promise<number> {
  const conference = await tx.conference.findUniqueOrThrow({ where: { id: question.conferenceId }, select: { timeZone: true } });
  const users = await tx.user.findMany({
    where: {
      role: "CANDIDATE",
      disabledAt: null,
      candidate: { conferenceId: question.conferenceId, status: "FORMAL", ...(question.postId ? { postId: question.postId } : {}) },
    },
    select: { email: true, name: true, locale: true },
    orderBy: { email: "asc" },
  });
  for (const user of users) {
    const mail = await questionnairePublishedText({
      locale: mailLocale(user.locale),
      siteUrl: env().NEXTAUTH_URL,
      name: user.name,
      deadline: question.deadlineAt,
      timeZone: conference.timeZone,
    });
    await enqueueMail(tx, { to: user.email, ...mail, kind: "questionnaire-published" });
  }
  return users.length;
}
