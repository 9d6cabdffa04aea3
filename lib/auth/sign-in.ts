import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { DUMMY_HASH, HashingBusyError, verifyPassword } from "./password";
import { pairDelayMs, SIGN_IN_LIMITS } from "./limits";
import { countLimitRefusal } from "@/lib/observability/metrics";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
  /** For the second-factor rule (lib/auth/second-factor-rule.ts); null when not enrolled. */
  totpEnabledAt: Date | null;
};

/**
 * Checks a password (docs/decisions/022-sessions-and-sign-in-limits.md). Before the expensive
 * hash: this address's recent failures across accounts, and this account's failures from this
 * address, whose growing wait must have passed. Failures elsewhere never refuse an address
 * that has not failed for this account. Every attempt is recorded (as a failure until the
 * password is known to be right), so the limits hold across app instances and concurrent
 * attempts see each other.
 */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase();
  const now = new Date();
  await assertMayTry(email, input.ip, now);

  const attempt = await db().loginAttempt.create({ data: { email, ip: input.ip, succeeded: false }, select: { id: true } });
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true, totpEnabledAt: true },
  });
  let ok: boolean;
  try {
    // Compare against a dummy hash when there is no usable account, so timing does not tell.
    ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH, { whenBusy: "refuse" });
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    // Not the caller's failure: the attempt is forgotten.
    await db().loginAttempt.delete({ where: { id: attempt.id } });
    countLimitRefusal("sign_in");
    throw new DomainError("RATE_LIMITED", { messageKey: "signInLimits.busy", retryAfterSeconds: 1 });
  }
  const succeeded = Boolean(ok && user && user.passwordHash && !user.disabledAt);
  if (!succeeded || !user) return null;
  await db().loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, totpEnabledAt: user.totpEnabledAt };
}

async function assertMayTry(email: string, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const [byAddress, lastPairSuccess, byAccount] = await Promise.all([
    db().loginAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } }),
    db().loginAttempt.findFirst({ where: { email, ip, succeeded: true, at: { gte: since } }, orderBy: { at: "desc" }, select: { at: true } }),
    db().loginAttempt.count({ where: { email, succeeded: false, at: { gte: since } } }),
  ]);

  if (byAddress >= SIGN_IN_LIMITS.perAddress) {
    // Refused until enough of its failures leave the window to bring it under the limit.
    const freeing = await db().loginAttempt.findFirst({
      where: { ip, succeeded: false, at: { gte: since } },
      orderBy: { at: "asc" },
      skip: byAddress - SIGN_IN_LIMITS.perAddress,
      select: { at: true },
    });
    const waitMs = freeing ? freeing.at.getTime() + SIGN_IN_LIMITS.windowMs - now.getTime() : SIGN_IN_LIMITS.windowMs;
    throw refusal("signInLimits.addressLimited", waitMs);
  }

  // Only failures after this address's last success for the account count against it.
  const pairSince = lastPairSuccess && lastPairSuccess.at > since ? lastPairSuccess.at : since;
  const pair = await db().loginAttempt.aggregate({
    where: { email, ip, succeeded: false, at: { gt: pairSince } },
    _count: { _all: true },
    _max: { at: true },
  });
  const waitMs = pairDelayMs({ count: pair._count._all, lastAt: pair._max.at }, { accountUnderAttack: byAccount >= SIGN_IN_LIMITS.accountUnderAttack, now });
  if (waitMs > 0) throw refusal("signInLimits.wait", waitMs);
}

function refusal(messageKey: string, waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  countLimitRefusal("sign_in");
  return new DomainError("RATE_LIMITED", { messageKey, values: { seconds, minutes: Math.ceil(seconds / 60) }, retryAfterSeconds: seconds });
}
