import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { userRefSchema } from "./schema";
import { assertNotLastSecretariat, lockUser, USER_FIELDS } from "./users-admin";

/**
 * Disables an account. Bumping sessionVersion ends its sessions on their next request
 * (lib/auth/current-user.ts); its pending set-password links stop working too.
 */
export async function disableUser({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:user:any");
  const { userId } = parseInput(userRefSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    // Secretariat rows first, then the user: every change locks in the same order.
    await assertNotLastSecretariat(tx, userId);
    const before = await lockUser(tx, userId);
    if (before.disabledAt) throw new DomainError("CONFLICT", { messageKey: "adminUsers.alreadyDisabled" });
    const now = new Date();
    const after = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: now, sessionVersion: { increment: 1 } },
      select: USER_FIELDS,
    });
    await tx.passwordSetupToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await emitAudit(tx, { actor, area: "user", action: "disabled", entity: "User", entityId: userId, before, after });
    return after;
  });
}
