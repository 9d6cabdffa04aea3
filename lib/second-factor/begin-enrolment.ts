import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { mayEnrolSecondFactor } from "@/lib/auth/second-factor-rule";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { loadSubject } from "./check";
import { sealTotpSecret } from "./keys";
import { newTotpSecret } from "./totp-core";

/**
 * Draws a new secret for the actor's own account and keeps it, sealed, until a first code
 * confirms it (confirmEnrolment). Starting again draws another; an account already enrolled
 * must turn the factor off first. Nothing is in force yet, so there is no audit row here:
 * the confirmation writes it.
 */
export async function beginEnrolment({ actor }: { actor: Actor | null }): Promise<void> {
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  if (actor.disabled || !mayEnrolSecondFactor(actor.role)) throw new DomainError("FORBIDDEN");
  const user = await loadSubject(actor.id);
  if (user.totpEnabledAt) throw new DomainError("CONFLICT", { messageKey: "secondFactor.alreadyEnabled" });
  const sealed = sealTotpSecret(actor.id, newTotpSecret());
  await db().user.updateMany({ where: { id: actor.id, totpEnabledAt: null }, data: { totpSecret: sealed, totpLastStep: null } });
}
