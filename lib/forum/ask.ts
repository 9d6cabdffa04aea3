import "server-only";
import { hashAddress } from "@/lib/abuse/address-hash";
import { honeypotFilled } from "@/lib/abuse/honeypot";
import { longestWait, retryAfterSeconds, type RateLimit } from "@/lib/abuse/rate-limit";
import { repeatHash } from "@/lib/abuse/repeat";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import type { Locale } from "@/lib/i18n/routing";
import { mailLocale } from "@/lib/mail/language";
import { parseInput } from "@/lib/validation/parse";
import { FORUM_RATE_LIMITS } from "./limits";
import { followTokenHash, newFollowToken } from "./follow-token";
import { queueFollowMail } from "./follow";
import { queueDigest } from "./notify";
import { askQuestionSchema } from "./schema";
import { forumClosesAt, forumWindow } from "./window";
import { countLimitRefusal } from "@/lib/observability/metrics";

// Keys of the transaction-level advisory locks that serialise the checks below per forum
// and per address, so that two requests at once cannot both pass a limit or a repeat check.
const LOCK_FORUM = 72707401;
const LOCK_ADDRESS = 72707402;

async function recentTimes(tx: Tx, where: { ipHash: string } | { candidateId: string }, limit: RateLimit, now: Date): Promise<Date[]> {
  const rows = await tx.forumQuestion.findMany({
    where: { ...where, createdAt: { gt: new Date(now.getTime() - limit.windowMs), lte: now } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit.max,
  });
  return rows.map((r) => r.createdAt);
}

async function assertUnderLimits(tx: Tx, candidateId: string, ipHash: string, now: Date): Promise<void> {
  const seconds = longestWait([
    retryAfterSeconds(FORUM_RATE_LIMITS.perAddress, await recentTimes(tx, { ipHash }, FORUM_RATE_LIMITS.perAddress, now), now),
    retryAfterSeconds(FORUM_RATE_LIMITS.perCandidate, await recentTimes(tx, { candidateId }, FORUM_RATE_LIMITS.perCandidate, now), now),
  ]);
  if (seconds === null) return;
  countLimitRefusal("forum");
  throw new DomainError("RATE_LIMITED", { messageKey: "forum.rateLimited", values: { minutes: Math.ceil(seconds / 60) }, retryAfterSeconds: seconds });
}

/**
 * Anyone asks a candidate a question. Nothing is public until the candidate publishes it.
 * No account: a honeypot, limits per address (kept only as a keyed hash) and per forum,
 * and the refusal of exact repeats keep the forum usable.
 */
export async function askQuestion({
  input,
  client,
  now = new Date(),
}: {
  input: unknown;
  /** `locale`: the language of the page asked from, which the answer's note is written in (docs/decisions/042-wcag-22-and-mail-language.md). */
  client: { ip: string; locale?: Locale };
  now?: Date;
}): Promise<{ accepted: true; followToken: string }> {
  // The asker's private link to follow the question (docs/decisions/049-forum-support-and-follow.md):
  // returned once, kept only as its hash.
  const followToken = newFollowToken();
  // A robot that filled the hidden field is told what a person is told, and nothing is kept.
  if (honeypotFilled(input)) return { accepted: true, followToken };
  const { website: _honeypot, ...question } = parseInput(askQuestionSchema, input);
  const ipHash = hashAddress(client.ip);
  const bodyHash = repeatHash(question.body);
  await db().$transaction(async (tx) => {
    // Forum first, then address, always in this order: no two requests wait on each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_FORUM}::int, hashtext(${question.candidateId}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}::int, hashtext(${ipHash}))`;
    const candidate = await tx.candidate.findUnique({
      where: { id: question.candidateId },
      select: { status: true, name: true, conference: { select: { forumClosesAt: true, opensOn: true, timeZone: true, closedAt: true } } },
    });
    if (!candidate) throw new DomainError("NOT_FOUND");
    const window = forumWindow({
      candidateStatus: candidate.status,
      closesAt: forumClosesAt(candidate.conference),
      conferenceClosedAt: candidate.conference.closedAt,
      now,
    });
    if (!window.open) throw new DomainError("CONFLICT", { messageKey: window.reasonKey, values: window.values });
    await assertUnderLimits(tx, question.candidateId, ipHash, now);
    const repeat = await tx.forumQuestion.findFirst({ where: { candidateId: question.candidateId, bodyHash }, select: { id: true } });
    if (repeat) throw new DomainError("CONFLICT", { messageKey: "forum.repeat", fieldErrors: { body: "forum.repeat" } });
    await tx.forumQuestion.create({
      data: { ...question, locale: client.locale ?? null, bodyHash, ipHash, followTokenHash: followTokenHash(followToken), createdAt: now },
      select: { id: true },
    });
    await queueDigest(tx, question.candidateId, now);
    if (question.askerEmail) {
      await queueFollowMail(tx, { to: question.askerEmail, token: followToken, candidateName: candidate.name, locale: mailLocale(client.locale) });
    }
  });
  return { accepted: true, followToken };
}
