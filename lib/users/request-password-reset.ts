import "server-only";
import { RecentTimes } from "@/lib/abuse/recent";
import { longestWait, retryAfterSeconds } from "@/lib/abuse/rate-limit";
import { emitAudit } from "@/lib/audit/emit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import type { Locale } from "@/lib/i18n/routing";
import { mailLocale } from "@/lib/mail/language";
import { passwordResetText } from "@/lib/mail/messages";
import { enqueueMail } from "@/lib/mail/outbox";
import { parseInput } from "@/lib/validation/parse";
import { RESET_LIMITS, RESET_LINK_MINUTES } from "./password-reset-limits";
import { resetRequestSchema } from "./schema";
import { newSetupToken } from "./setup-token";

// Self-service password reset (docs/decisions/023-second-factor.md). Whoever asks gets the same
// answer, whether the address has an account or not; the work that differs (the link, the
// message) is handed to `defer`, which the form's action runs after the answer is sent, so
// the answer's timing does not tell either.

const recentByAddress = new RecentTimes(RESET_LIMITS.perAddress.windowMs);
const recentByEmail = new RecentTimes(RESET_LIMITS.perEmail.windowMs);

export type Defer = (task: () => Promise<void>) => void | Promise<void>;

export async function requestPasswordReset({
  input,
  ip,
  locale,
  now = new Date(),
  defer = (task) => task(),
}: {
  input: unknown;
  ip: string;
  locale: Locale;
  now?: Date;
  defer?: Defer;
}): Promise<void> {
  const { email } = parseInput(resetRequestSchema, input);
  const wait = longestWait([
    retryAfterSeconds(RESET_LIMITS.perAddress, recentByAddress.within(ip, RESET_LIMITS.perAddress.windowMs, now), now),
    retryAfterSeconds(RESET_LIMITS.perEmail, recentByEmail.within(email, RESET_LIMITS.perEmail.windowMs, now), now),
  ]);
  if (wait !== null) {
    throw new DomainError("RATE_LIMITED", { messageKey: "passwordReset.rateLimited", values: { minutes: Math.ceil(wait / 60) }, retryAfterSeconds: wait });
  }
  recentByAddress.add(ip, now);
  recentByEmail.add(email, now);
  await defer(() => sendResetLink(email, locale, now));
}

/**
 * The link and its message, for an enabled account that signs in with a password: an
 * account without one (a member who signs in through the organisation's provider, or an
 * account whose setup link is still unused) gets nothing. Any earlier unused link stops working.
 */
export async function sendResetLink(email: string, locale: Locale, now: Date): Promise<void> {
  const base = env().NEXTAUTH_URL;
  if (!base) return;
  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      passwordHash: true,
      locale: true,
      candidate: { select: { conference: { select: { timeZone: true } } } },
    },
  });
  if (!user || user.disabledAt || !user.passwordHash) return;
  const since = new Date(now.getTime() - RESET_LIMITS.perAccount.windowMs);
  const sent = await db().passwordSetupToken.count({ where: { userId: user.id, purpose: "RESET", createdAt: { gte: since } } });
  if (sent >= RESET_LIMITS.perAccount.max) return;

  const link = newSetupToken(now);
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  // The account's own language when it has one (the asker may not be its owner); else the page's.
  const language = user.locale ? mailLocale(user.locale) : locale;
  const url = new URL(`/${language}/set-password/${link.token}`, base).toString();
  await db().$transaction(async (tx) => {
    const revoked = await tx.passwordSetupToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.passwordSetupToken.create({ data: { userId: user.id, purpose: "RESET", tokenHash: link.tokenHash, expiresAt, createdAt: now } });
    // Times are shown in a conference's zone (docs/domain.md): the candidate's, else the current one's.
    const current = user.candidate ? null : await tx.conference.findFirst({ where: { isCurrent: true }, select: { timeZone: true } });
    const timeZone = user.candidate?.conference.timeZone ?? current?.timeZone ?? "UTC";
    const mail = await passwordResetText({ locale: language, url, name: user.name, minutes: RESET_LINK_MINUTES, expiresAt, timeZone });
    await enqueueMail(tx, { to: user.email, kind: "password-reset", ...mail });
    // Nobody is signed in: the row names the account, not an actor.
    await emitAudit(tx, {
      actor: null,
      area: "user",
      action: "password-reset-requested",
      entity: "User",
      entityId: user.id,
      before: { pendingLinks: revoked.count },
      after: { resetLinkExpiresAt: expiresAt },
    });
  });
}
