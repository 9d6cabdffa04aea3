import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { updateUserSchema } from "./schema";
import { assertAccountAddressAllowed, assertMemberStateExists, lockUser, USER_FIELDS } from "./users-admin";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

const DETAILS = ["email", "name", "memberStateId", "nationalityId", "isStaff"] as const;

/**
 * The secretariat corrects an account's details: its address, name, administration,
 * nationality and staff flag (the last three decide who may chair, docs/domain.md#hearing-chair-impartial).
 * The role and the candidature change through changeRole, which ends the sessions; these
 * details are re-read on every request, so no session needs to end.
 */
export async function updateUser({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:user:any");
  const data = parseInput(updateUserSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const before = await lockUser(tx, data.userId);
      if (DETAILS.every((field) => before[field] === data[field])) throw new DomainError("CONFLICT", { messageKey: "adminUsers.unchanged" });
      if (data.email !== before.email) {
        const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
        if (taken) throw new DomainError("CONFLICT", { fieldErrors: { email: "adminUsers.emailTaken" } });
      }
      await assertAccountAddressAllowed(tx, { role: before.role, email: data.email, candidateId: before.candidateId }, "email");
      await assertMemberStateExists(tx, data.memberStateId, "memberStateId");
      await assertMemberStateExists(tx, data.nationalityId, "nationalityId");
      const after = await tx.user.update({
        where: { id: data.userId },
        data: { email: data.email, name: data.name, memberStateId: data.memberStateId, nationalityId: data.nationalityId, isStaff: data.isStaff },
        select: USER_FIELDS,
      });
      await emitAudit(tx, { actor, area: "user", action: "updated", entity: "User", entityId: after.id, before, after });
      return after;
    });
  } catch (error) {
    // Two officers giving two accounts the same address at once.
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", { fieldErrors: { email: "adminUsers.emailTaken" } });
    throw error;
  }
}
