import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { completeSecondFactor } from "@/lib/auth/user-session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { beginEnrolment } from "./begin-enrolment";
import { assertUnderAttemptLimit, consumeCode, loadSubject, refuseWrongCode } from "./check";
import { confirmEnrolment } from "./confirm-enrolment";
import { codeSchema } from "./schema";

export type PendingSession = { sessionId: string; userId: string; pendingSecondFactor: boolean };

/**
 * The sign-in's second step: a session opened by the password and still pending
 * (lib/auth/user-session.ts) becomes a full one when the account's code, or one of its
 * recovery codes, is given. The session comes from the request's cookie, never from the form.
 */
export async function completeSignIn({
  session,
  input,
  now = new Date(),
}: {
  session: PendingSession | null;
  input: unknown;
  now?: Date;
}): Promise<{ usedRecoveryCode: boolean; remaining: number | null }> {
  if (!session?.pendingSecondFactor) throw new DomainError("UNAUTHENTICATED");
  const { code } = parseInput(codeSchema, input);
  const user = await loadSubject(session.userId);
  if (!user.totpEnabledAt) throw new DomainError("CONFLICT", { messageKey: "secondFactor.enrolmentNeeded" });
  await assertUnderAttemptLimit(user.id, now);
  const used = await db().$transaction(async (tx) => {
    const found = await consumeCode(tx, user.subject, code, now, { allowRecovery: true });
    if (found?.kind === "recovery") {
      await emitAudit(tx, {
        actor: user.actor,
        area: "user",
        action: "recovery-code-used",
        entity: "User",
        entityId: user.id,
        after: { unusedRecoveryCodes: found.remaining },
      });
    }
    return found;
  });
  if (!used) return refuseWrongCode(user.actor, "code");
  await completeSecondFactor(session.sessionId);
  return used.kind === "recovery" ? { usedRecoveryCode: true, remaining: used.remaining } : { usedRecoveryCode: false, remaining: null };
}

/**
 * The sign-in's second step for an account that must enrol first (lib/auth/second-factor-rule.ts):
 * the first valid code both turns the factor on and completes the session.
 */
export async function enrolAtSignIn({
  session,
  input,
  now = new Date(),
}: {
  session: PendingSession | null;
  input: unknown;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  if (!session?.pendingSecondFactor) throw new DomainError("UNAUTHENTICATED");
  const { actor } = await loadSubject(session.userId);
  const result = await confirmEnrolment({ actor, input, now });
  await completeSecondFactor(session.sessionId);
  return result;
}

/** Draws the secret for enrolAtSignIn, for the pending session's own account. */
export async function beginEnrolmentAtSignIn({ session }: { session: PendingSession | null }): Promise<void> {
  if (!session?.pendingSecondFactor) throw new DomainError("UNAUTHENTICATED");
  const { actor } = await loadSubject(session.userId);
  await beginEnrolment({ actor });
}
