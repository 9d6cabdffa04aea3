import "server-only";
import { hashAddress } from "@/lib/abuse/address-hash";
import { retryAfterSeconds } from "@/lib/abuse/rate-limit";
import { RecentTimes } from "@/lib/abuse/recent";
import { db, type Tx } from "@/lib/db";
import type { ForumQuestionStatus } from "@/lib/db/generated/enums";
import { env } from "@/lib/env";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/routing";
import { mailLink } from "@/lib/mail/language";
import { enqueueMail } from "@/lib/mail/outbox";
import { followPath, followTokenHash, isFollowToken } from "./follow-token";

// Following a question through its private link (docs/decisions/049-forum-support-and-follow.md).
// The link is the only key: whoever holds it reads what became of that one question, and a
// wrong token reads nothing. Guessing is pointless (192 bits) and limited anyway: an address
// that asks for unknown tokens too often is refused for a while (in memory, per instance).

export const FOLLOW_GUESS_LIMIT = { max: 20, windowMs: 10 * 60_000 } as const;
const unknownTokens = new RecentTimes(FOLLOW_GUESS_LIMIT.windowMs);

/** Follow mails sent to one address in a day, at most: the link is also shown on the confirmation, so a cap costs the asker nothing. */
export const FOLLOW_MAILS_PER_ADDRESS = { max: 3, windowMs: 24 * 60 * 60_000 } as const;

export type FollowedQuestion = {
  candidateId: string;
  candidateName: string;
  /** The conference's zone, in which the page gives its times. */
  timeZone: string;
  body: string;
  createdAt: Date;
  status: ForumQuestionStatus;
  publishedAt: Date | null;
  answer: string | null;
  answeredAt: Date | null;
  declineReason: string | null;
  withdrawReason: string | null;
  supports: number;
};

export type FollowLookup = { found: FollowedQuestion } | { limited: number } | { unknown: true };

/**
 * The question a follow token names, for the page that shows it; `limited` (seconds to wait)
 * when this address has asked for too many unknown tokens lately. The secretariat's reason
 * for hiding a question is not shown: the asker reads that it was hidden.
 */
export async function lookUpFollowToken(token: unknown, client: { ip: string }, now = new Date()): Promise<FollowLookup> {
  const key = hashAddress(client.ip);
  const wait = retryAfterSeconds(FOLLOW_GUESS_LIMIT, unknownTokens.within(key, FOLLOW_GUESS_LIMIT.windowMs, now), now);
  if (wait !== null) return { limited: wait };
  const row = isFollowToken(token)
    ? await db().forumQuestion.findUnique({
        where: { followTokenHash: followTokenHash(token) },
        select: {
          candidateId: true,
          candidate: { select: { name: true, conference: { select: { timeZone: true } } } },
          body: true,
          createdAt: true,
          status: true,
          publishedAt: true,
          answer: true,
          answeredAt: true,
          declineReason: true,
          withdrawReason: true,
          supportCount: true,
        },
      })
    : null;
  if (!row) {
    unknownTokens.add(key, now);
    return { unknown: true };
  }
  const { candidate, supportCount, ...rest } = row;
  return { found: { ...rest, candidateName: candidate.name, timeZone: candidate.conference.timeZone, supports: supportCount } };
}

/**
 * After a question is asked with an address: one message with the follow link, in the page's
 * language, at most FOLLOW_MAILS_PER_ADDRESS a day to one address. It repeats neither the
 * question nor the name typed (an address typed by someone else receives no text of theirs),
 * and its body is blanked once sent (lib/mail/outbox.ts): it carries a working link.
 */
export async function queueFollowMail(tx: Tx, { to, token, candidateName, locale }: { to: string; token: string; candidateName: string; locale: Locale }) {
  const sent = await tx.outboxMessage.count({
    // The outbox's rows are stamped by the database's clock (lib/mail/outbox.ts): counted on it too.
    where: { kind: "forum-follow", toAddress: to, createdAt: { gt: new Date(Date.now() - FOLLOW_MAILS_PER_ADDRESS.windowMs) } },
  });
  if (sent >= FOLLOW_MAILS_PER_ADDRESS.max) return;
  const url = mailLink(env().NEXTAUTH_URL, locale, followPath(token));
  if (!url) return;
  const t = await translator(locale, ["forumSupport"]);
  await enqueueMail(tx, {
    to,
    kind: "forum-follow",
    subject: t("forumSupport.mail.subject", { candidate: candidateName }),
    body: [
      t("forumSupport.mail.greeting"),
      t("forumSupport.mail.body", { candidate: candidateName }),
      url,
      t("forumSupport.mail.keep"),
      t("forumSupport.mail.notYou"),
    ].join("\n\n"),
  });
}
