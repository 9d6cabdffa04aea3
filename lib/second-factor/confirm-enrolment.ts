import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { mayEnrolSecondFactor } from "@/lib/auth/second-factor-rule";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertUnderAttemptLimit, consumeCode, loadSubject, refuseWrongCode } from "./check";
import { replaceRecoveryCodes } from "./recovery-codes";
import { codeSchema } from "./schema";

/**
 * Turns the second factor on for the actor's own account once the app shows a valid code for
 * the secret drawn by beginEnrolment, and gives the recovery codes, shown this once.
 */
export async function confirmEnrolment({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  if (actor.disabled || !mayEnrolSecondFactor(actor.role)) throw new DomainError("FORBIDDEN");
  const { code } = parseInput(codeSchema, input);
  const user = await loadSubject(actor.id);
  if (user.totpEnabledAt) throw new DomainError("CONFLICT", { messageKey: "secondFactor.alreadyEnabled" });
  if (!user.totpSecret) throw new DomainError("CONFLICT", { messageKey: "secondFactor.enrolmentNotStarted" });
  await assertUnderAttemptLimit(actor.id, now);
  const result = await db().$transaction(async (tx) => {
    const used = await consumeCode(tx, user.subject, code, now, { allowRecovery: false });
    if (!used) return null;
    // Conditional: a second tab confirming at the same moment finds it already on.
    const enabled = await tx.user.updateMany({ where: { id: actor.id, totpEnabledAt: null }, data: { totpEnabledAt: now } });
    if (enabled.count !== 1) throw new DomainError("CONFLICT", { messageKey: "secondFactor.alreadyEnabled" });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await emitAudit(tx, {
      actor: user.actor,
      area: "user",
      action: "second-factor-enabled",
      entity: "User",
      entityId: actor.id,
      before: { enabled: false },
      after: { enabled: true, recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
  return result ?? refuseWrongCode(user.actor, "code");
}
