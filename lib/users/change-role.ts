import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { changeRoleSchema } from "./schema";
import { assertAccountAddressAllowed, assertCandidatureFree, assertNotLastSecretariat, lockUser, USER_FIELDS } from "./users-admin";

/**
 * Gives a user another role. Sessions end (sessionVersion) so that no page keeps the old
 * role's view; a candidate account is bound to exactly one candidature, so leaving the
 * role unbinds it and taking it needs a candidature without an account, and an address
 * off its conference's corporate domains.
 */
export async function changeRole({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:user:any");
  const data = parseInput(changeRoleSchema, input);
  return db().$transaction(async (tx) => {
    if (data.role !== "SECRETARIAT") await assertNotLastSecretariat(tx, data.userId);
    const before = await lockUser(tx, data.userId);
    const candidateId = data.role === "CANDIDATE" && data.candidateId ? (await assertCandidatureFree(tx, data.candidateId, before.id)).id : null;
    if (before.role === data.role && before.candidateId === candidateId) {
      throw new DomainError("CONFLICT", { messageKey: "adminUsers.roleUnchanged" });
    }
    // Bound to a candidature, the account's address becomes where its forum mail goes.
    await assertAccountAddressAllowed(tx, { role: data.role, email: before.email, candidateId }, "candidateId");
    const after = await tx.user.update({
      where: { id: data.userId },
      data: { role: data.role, candidateId, sessionVersion: { increment: 1 } },
      select: USER_FIELDS,
    });
    await emitAudit(tx, { actor, area: "user", action: "role-changed", entity: "User", entityId: after.id, before, after });
    return after;
  });
}
