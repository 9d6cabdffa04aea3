import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertUnderAttemptLimit, loadSubject, refuseWrongCode } from "./check";
import { reauthSchema } from "./schema";

/**
 * Before turning the factor off or drawing new recovery codes: the actor's own enrolled
 * account, the attempt limit, and the password again (a session left open is not enough).
 * The code is checked by the caller, inside its transaction.
 */
export async function reauthenticate(actor: Actor | null, input: unknown, now: Date) {
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  if (actor.disabled) throw new DomainError("FORBIDDEN");
  const { password, code } = parseInput(reauthSchema, input);
  const user = await loadSubject(actor.id);
  if (!user.totpEnabledAt) throw new DomainError("CONFLICT", { messageKey: "secondFactor.notEnabled" });
  await assertUnderAttemptLimit(actor.id, now);
  if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) return refuseWrongCode(user.actor, "password");
  return { user, code };
}
