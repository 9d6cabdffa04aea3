import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { DUMMY_HASH, verifyPassword } from "./password";
import { SIGN_IN_LIMITS } from "./limits";

export type SignedInUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

/**
 * Checks a password, refusing once too many recent attempts failed for this account or
 * from this address (limits in ./limits.ts). Every attempt is recorded, so the limits hold
 * across app instances.
 */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMs);
  const [byAccount, byAddress] = await Promise.all([
    db().loginAttempt.count({ where: { email, succeeded: false, at: { gte: since } } }),
    db().loginAttempt.count({ where: { ip: input.ip, succeeded: false, at: { gte: since } } }),
  ]);
  if (byAccount >= SIGN_IN_LIMITS.perAccount || byAddress >= SIGN_IN_LIMITS.perAddress) {
    throw new DomainError("RATE_LIMITED", {
      messageKey: "auth.rateLimited",
      values: { retryAfterSeconds: Math.ceil(SIGN_IN_LIMITS.windowMs / 1000) },
    });
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  // Compare against a dummy hash when there is no usable account, so timing does not tell.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(ok && user && user.passwordHash && !user.disabledAt);
  await db().loginAttempt.create({ data: { email, ip: input.ip, succeeded } });
  if (!succeeded || !user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
