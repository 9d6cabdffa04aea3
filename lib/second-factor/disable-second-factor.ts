import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { secondFactorRequired } from "@/lib/auth/second-factor-rule";
import { db } from "@/lib/db";
import { consumeCode, refuseWrongCode } from "./check";
import { reauthenticate } from "./reauthenticate";

/**
 * Turns the actor's own second factor off (a new phone, a lost one with a recovery code):
 * the password and a code (or a recovery code) again. The secret and every recovery code
 * go. For a role that requires the factor, the next sign-in asks to enrol again before
 * anything else (lib/auth/second-factor-rule.ts).
 */
export async function disableSecondFactor({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}): Promise<{ required: boolean }> {
  const { user, code } = await reauthenticate(actor, input, now);
  const done = await db().$transaction(async (tx) => {
    const used = await consumeCode(tx, user.subject, code, now, { allowRecovery: true });
    if (!used) return false;
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    const dropped = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await emitAudit(tx, {
      actor: user.actor,
      area: "user",
      action: "second-factor-disabled",
      entity: "User",
      entityId: user.id,
      before: { enabled: true, recoveryCodes: dropped.count },
      after: { enabled: false, with: used.kind },
    });
    return true;
  });
  if (!done) return refuseWrongCode(user.actor, "code");
  return { required: secondFactorRequired(user.role) };
}
