import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { userRefSchema } from "./schema";
import { newSetupToken } from "./setup-token";
import { lockUser } from "./users-admin";

/**
 * A new one-time set-password link for an existing account (lost link, forgotten
 * password). Any link not used yet stops working: only the newest one is valid.
 */
export async function issueSetupLink({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:user:any");
  const { userId } = parseInput(userRefSchema, input);
  const link = newSetupToken();
  return db().$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.disabledAt) throw new DomainError("CONFLICT", { messageKey: "adminUsers.linkForDisabled" });
    const now = new Date();
    const revoked = await tx.passwordSetupToken.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.passwordSetupToken.create({ data: { userId, tokenHash: link.tokenHash, expiresAt: link.expiresAt } });
    await emitAudit(tx, {
      actor,
      area: "user",
      action: "setup-link-issued",
      entity: "User",
      entityId: userId,
      before: { pendingLinks: revoked.count },
      after: { setupLinkExpiresAt: link.expiresAt },
    });
    return { user, token: link.token, expiresAt: link.expiresAt };
  });
}
