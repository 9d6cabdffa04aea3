import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashAddress } from "@/lib/abuse/address-hash";
import { longestWait, retryAfterSeconds, type RateLimit } from "@/lib/abuse/rate-limit";
import { RecentKeys, RecentTimes } from "@/lib/abuse/recent";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { countLimitRefusal } from "@/lib/observability/metrics";
import { isBrowserKey, SUPPORT_RATE_LIMITS, supportRefusal } from "./support-rules";
import { forumClosesAt, forumWindow } from "./window";

// A visitor supports a published forum question, once, without an account
// (docs/decisions/049-forum-support-and-follow.md, docs/fairness.md#forum-support-and-following-a-question).
// The protections of asking (docs/domain.md#abuse-protection): refusals from memory first,
// then the address's limits counted from the stored supports under an advisory lock, the
// address kept only as a keyed hash. The count on the question changes in the same
// transaction as the support row, so it is always the number of rows.

const LOCK_ADDRESS = 72707403;

const ID = /^[a-z0-9][a-z0-9-]{19,39}$/;

/** A new browser key for the supporter cookie (256 bits). */
export function newBrowserKey(): string {
  return randomBytes(32).toString("base64url");
}

function browserHash(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

// What this instance accepted lately (lib/abuse/recent.ts): a refusal from here is one the database would give too.
const recentTimes = new RecentTimes(Math.max(...Object.values(SUPPORT_RATE_LIMITS).map((l) => l.windowMs)));
const recentSupports = new RecentKeys(24 * 60 * 60_000);
const addressKey = (ipHash: string) => `address:${ipHash}`;
const questionAddressKey = (questionId: string, ipHash: string) => `question:${questionId}:${ipHash}`;
const supportKey = (questionId: string, hash: string) => `${questionId}:${hash}`;

function rateLimited(seconds: number): DomainError {
  countLimitRefusal("forum");
  return new DomainError("RATE_LIMITED", {
    messageKey: "forumSupport.refused.limited",
    values: { minutes: Math.ceil(seconds / 60) },
    retryAfterSeconds: seconds,
  });
}

const already = () => new DomainError("CONFLICT", { messageKey: "forumSupport.refused.already" });

function refuseFromMemory(questionId: string, ipHash: string, hash: string, now: Date) {
  if (recentSupports.has(supportKey(questionId, hash), now)) throw already();
  const { perAddressQuestion, perAddressQuestionDay, perAddress } = SUPPORT_RATE_LIMITS;
  const pair = questionAddressKey(questionId, ipHash);
  const seconds = longestWait([
    retryAfterSeconds(perAddressQuestion, recentTimes.within(pair, perAddressQuestion.windowMs, now), now),
    retryAfterSeconds(perAddressQuestionDay, recentTimes.within(pair, perAddressQuestionDay.windowMs, now), now),
    retryAfterSeconds(perAddress, recentTimes.within(addressKey(ipHash), perAddress.windowMs, now), now),
  ]);
  if (seconds !== null) throw rateLimited(seconds);
}

async function times(tx: Tx, where: { ipHash: string; questionId?: string }, limit: RateLimit, now: Date): Promise<Date[]> {
  const rows = await tx.forumSupport.findMany({
    where: { ...where, createdAt: { gt: new Date(now.getTime() - limit.windowMs), lte: now } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit.max,
  });
  return rows.map((r) => r.createdAt);
}

async function assertUnderLimits(tx: Tx, questionId: string, ipHash: string, now: Date) {
  const { perAddressQuestion, perAddressQuestionDay, perAddress } = SUPPORT_RATE_LIMITS;
  const seconds = longestWait([
    retryAfterSeconds(perAddressQuestion, await times(tx, { ipHash, questionId }, perAddressQuestion, now), now),
    retryAfterSeconds(perAddressQuestionDay, await times(tx, { ipHash, questionId }, perAddressQuestionDay, now), now),
    retryAfterSeconds(perAddress, await times(tx, { ipHash }, perAddress, now), now),
  ]);
  if (seconds !== null) throw rateLimited(seconds);
}

export type SupportOutcome = { questionId: string; candidateId: string; supports: number };

/**
 * Records one support of `questionId` by the browser holding `browserKey` (a key this site
 * made; the route mints one for a browser without it) from `client.ip`. Refusals: not found or
 * not supportable (NOT_FOUND, forumSupport.refused.unavailable), the forum closed (CONFLICT with
 * the window's reason), already supported by this browser (CONFLICT, forumSupport.refused.already),
 * too many from this address (RATE_LIMITED).
 */
export async function supportQuestion({
  questionId,
  browserKey,
  client,
  now = new Date(),
}: {
  questionId: unknown;
  browserKey: string;
  client: { ip: string };
  now?: Date;
}): Promise<SupportOutcome> {
  if (typeof questionId !== "string" || !ID.test(questionId)) throw new DomainError("NOT_FOUND", { messageKey: "forumSupport.refused.unavailable" });
  if (!isBrowserKey(browserKey)) throw new DomainError("INVALID_INPUT");
  const ipHash = hashAddress(client.ip);
  const hash = browserHash(browserKey);
  refuseFromMemory(questionId, ipHash, hash, now);
  const outcome = await db()
    .$transaction(async (tx) => {
      // The reads first, then the address's lock for the counts, the check of this browser and the insert.
      const question = await tx.forumQuestion.findUnique({
        where: { id: questionId },
        select: {
          status: true,
          publishedAt: true,
          candidateId: true,
          candidate: { select: { status: true, conference: { select: { forumClosesAt: true, opensOn: true, timeZone: true, closedAt: true } } } },
        },
      });
      const window = question
        ? forumWindow({
            candidateStatus: question.candidate.status,
            closesAt: forumClosesAt(question.candidate.conference),
            conferenceClosedAt: question.candidate.conference.closedAt,
            now,
          })
        : ({ open: true } as const);
      const refusal = supportRefusal(question, window);
      if (refusal) throw new DomainError(refusal === "forumSupport.refused.unavailable" ? "NOT_FOUND" : "CONFLICT", { messageKey: refusal });
      const candidateId = question!.candidateId;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}::int, hashtext(${ipHash}))`;
      const mine = await tx.forumSupport.findUnique({ where: { questionId_browserHash: { questionId, browserHash: hash } }, select: { id: true } });
      if (mine) throw already();
      await assertUnderLimits(tx, questionId, ipHash, now);
      await tx.forumSupport.create({ data: { questionId, browserHash: hash, ipHash, createdAt: now }, select: { id: true } });
      // Only a published question's count moves: a change of status since the read above waits for this row's lock.
      const updated = await tx.forumQuestion.updateMany({ where: { id: questionId, status: "PUBLISHED" }, data: { supportCount: { increment: 1 } } });
      if (updated.count !== 1) throw new DomainError("NOT_FOUND", { messageKey: "forumSupport.refused.unavailable" });
      const { supportCount } = await tx.forumQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { supportCount: true } });
      return { questionId, candidateId, supports: supportCount };
    })
    // The same browser from two addresses at once: the unique key lets one through.
    .catch((error: unknown) => {
      if ((error as { code?: unknown })?.code === "P2002") throw already();
      throw error;
    });
  recentSupports.add(supportKey(questionId, hash), now);
  recentTimes.add(questionAddressKey(questionId, ipHash), now);
  recentTimes.add(addressKey(ipHash), now);
  return outcome;
}
