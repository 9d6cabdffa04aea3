import "server-only";
import { mayEnrolSecondFactor, secondFactorRequired } from "@/lib/auth/second-factor-rule";
import { db } from "@/lib/db";
import { unsealTotpSecret } from "./keys";
import { totpUri } from "./totp-core";

export type SecondFactorStatus = {
  required: boolean;
  mayEnrol: boolean;
  enabled: boolean;
  /** An enrolment begun and not yet confirmed: what the app is to be given. */
  pending: { secret: string; uri: string } | null;
  unusedRecoveryCodes: number;
};

/** The second factor of the account `userId`, for its owner's own pages only. */
export async function secondFactorStatus(userId: string): Promise<SecondFactorStatus | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { email: true, role: true, totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) return null;
  const secret = !user.totpEnabledAt && user.totpSecret ? unsealTotpSecret(userId, user.totpSecret) : null;
  return {
    required: secondFactorRequired(user.role),
    mayEnrol: mayEnrolSecondFactor(user.role),
    enabled: user.totpEnabledAt !== null,
    pending: secret ? { secret, uri: totpUri(secret, user.email) } : null,
    unusedRecoveryCodes: user._count.recoveryCodes,
  };
}
