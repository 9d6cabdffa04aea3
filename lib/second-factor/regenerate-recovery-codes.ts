import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { consumeCode, refuseWrongCode } from "./check";
import { reauthenticate } from "./reauthenticate";
import { replaceRecoveryCodes } from "./recovery-codes";

/** A new set of recovery codes for the actor's own account, shown once; the old set stops working. Password and an app code again. */
export async function regenerateRecoveryCodes({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const { user, code } = await reauthenticate(actor, input, now);
  const result = await db().$transaction(async (tx) => {
    // An app code only: a recovery code spent to draw new ones would be a confusing trade.
    const used = await consumeCode(tx, user.subject, code, now, { allowRecovery: false });
    if (!used) return null;
    const before = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await emitAudit(tx, {
      actor: user.actor,
      area: "user",
      action: "recovery-codes-regenerated",
      entity: "User",
      entityId: user.id,
      before: { unusedRecoveryCodes: before },
      after: { unusedRecoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
  return result ?? refuseWrongCode(user.actor, "code");
}
