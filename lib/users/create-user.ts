import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { createUserSchema } from "./schema";
import { newSetupToken } from "./setup-token";
import { assertAccountAddressAllowed, assertCandidatureFree, assertMemberStateExists, USER_FIELDS } from "./users-admin";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * The secretariat creates an account. It has no password: the result carries a one-time
 * set-password token, given to the secretariat once and never stored (only its digest is).
 */
export async function createUser({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:user:any");
  const data = parseInput(createUserSchema, input);
  const link = newSetupToken();
  try {
    return await db().$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
      if (taken) throw new DomainError("CONFLICT", { fieldErrors: { email: "adminUsers.emailTaken" } });
      let memberStateId = data.memberStateId;
      let candidateId: string | null = null;
      if (data.role === "CANDIDATE" && data.candidateId) {
        const candidature = await assertCandidatureFree(tx, data.candidateId);
        candidateId = candidature.id;
        // A candidate belongs to the administration that nominated them unless told otherwise.
        memberStateId ??= candidature.memberStateId;
      }
      await assertAccountAddressAllowed(tx, { role: data.role, email: data.email, candidateId }, "email");
      await assertMemberStateExists(tx, memberStateId, "memberStateId");
      await assertMemberStateExists(tx, data.nationalityId, "nationalityId");
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, candidateId, memberStateId, nationalityId: data.nationalityId, isStaff: data.isStaff },
        select: USER_FIELDS,
      });
      await tx.passwordSetupToken.create({ data: { userId: user.id, tokenHash: link.tokenHash, expiresAt: link.expiresAt } });
      await emitAudit(tx, {
        actor,
        area: "user",
        action: "created",
        entity: "User",
        entityId: user.id,
        after: { ...user, setupLinkExpiresAt: link.expiresAt },
      });
      return { user, token: link.token, expiresAt: link.expiresAt };
    });
  } catch (error) {
    // Two officers creating the same address (or binding the same candidature) at once.
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", { messageKey: "adminUsers.emailOrCandidateTaken" });
    throw error;
  }
}
