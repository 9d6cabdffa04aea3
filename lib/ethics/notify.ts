import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { mailLocale } from "@/lib/mail/language";
import { ethicsAnsweredText } from "@/lib/mail/messages";
import { enqueueMail } from "@/lib/mail/outbox";

/**
 * Tells the candidate, in their account's language, that the Ethics Office answered their
 * request (docs/decisions/042-wcag-22-and-mail-language.md): the outcome and a link, never the
 * draft or the advice (confidential, docs/domain.md). The request's date is given in the
 * conference's zone, as the candidate's pages give it. No enabled account, no message.
 */
export async function queueReviewAnsweredNote(
  tx: Tx,
  review: { candidateId: string; materialId: string; outcome: "CLEARED" | "ADVICE"; requestedAt: Date },
): Promise<void> {
  const candidate = await tx.candidate.findUnique({
    where: { id: review.candidateId },
    select: {
      conference: { select: { timeZone: true } },
      user: { select: { email: true, name: true, locale: true, role: true, disabledAt: true } },
    },
  });
  const user = candidate?.user;
  if (!candidate || !user || user.role !== "CANDIDATE" || user.disabledAt) return;
  const mail = await ethicsAnsweredText({
    locale: mailLocale(user.locale),
    siteUrl: env().NEXTAUTH_URL,
    name: user.name,
    materialId: review.materialId,
    outcome: review.outcome,
    requestedAt: review.requestedAt,
    timeZone: candidate.conference.timeZone,
  });
  await enqueueMail(tx, { to: user.email, ...mail, kind: "ethics-answered" });
}
