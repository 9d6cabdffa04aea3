import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { userRefSchema } from "./schema";
import { lockUser, USER_FIELDS } from "./users-admin";

/** Re-enables an account; its old sessions stay ended (sessionVersion was bumped on disable). */
export async function enableUser({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:user:any");
  const { userId } = parseInput(userRefSchema, input);
  return db().$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before.disabledAt) throw new DomainError("CONFLICT", { messageKey: "adminUsers.alreadyEnabled" });
    const after = await tx.user.update({ where: { id: userId }, data: { disabledAt: null }, select: USER_FIELDS });
    await emitAudit(tx, { actor, area: "user", action: "enabled", entity: "User", entityId: userId, before, after });
    return after;
  });
}
