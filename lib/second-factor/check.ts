import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { retryAfterSeconds } from "@/lib/abuse/rate-limit";
import { unsealTotpSecret } from "./keys";
import { SECOND_FACTOR_LIMITS } from "./limits";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-core";
import { acceptTotpCode } from "./totp-core";

// Checking a code: the attempt limit first, then the app's code or a recovery code, each used
// once (docs/decisions/023-second-factor.md). A wrong code is an audit row of its own, written
// whatever happens to the change it was for: those rows are the limit's count.

export const FAILED_ACTION = "second-factor-failed";

export type CodeSubject = Actor & { totpSecret: string | null; totpLastStep: number | null };

/** Refuses while the account has had too many wrong codes (or passwords, on re-entry) lately. */
export async function assertUnderAttemptLimit(userId: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - SECOND_FACTOR_LIMITS.windowMs);
  const failures = await db().auditEvent.findMany({
    where: { actorId: userId, action: FAILED_ACTION, at: { gte: since } },
    select: { at: true },
    orderBy: { at: "desc" },
    take: SECOND_FACTOR_LIMITS.perAccount,
  });
  const wait = retryAfterSeconds(
    { max: SECOND_FACTOR_LIMITS.perAccount, windowMs: SECOND_FACTOR_LIMITS.windowMs },
    failures.map((f) => f.at),
    now,
  );
  if (wait !== null) {
    throw new DomainError("RATE_LIMITED", { messageKey: "secondFactor.rateLimited", values: { minutes: Math.ceil(wait / 60) }, retryAfterSeconds: wait });
  }
}

/** Counts one wrong code (or password) and refuses; the row stays even though the change did not happen. */
export async function refuseWrongCode(actor: Actor, reason: "code" | "password", field: "code" | "password" = reason): Promise<never> {
  await db().$transaction((tx) => emitAudit(tx, { actor, area: "user", action: FAILED_ACTION, entity: "User", entityId: actor.id, after: { reason } }));
  throw new DomainError("INVALID_INPUT", { fieldErrors: { [field]: reason === "code" ? "secondFactor.codeWrong" : "secondFactor.passwordWrong" } });
}

export type UsedCode = { kind: "totp"; step: number } | { kind: "recovery"; remaining: number };

/**
 * Uses `code` for `subject` inside `tx`: an app code valid now and later than the last one
 * used, or an unused recovery code (when `allowRecovery`). Both are consumed by a conditional
 * write, so two requests with the same code cannot both succeed. Null when the code is not
 * good; the caller then refuses with refuseWrongCode (outside the transaction).
 */
export async function consumeCode(
  tx: Tx,
  subject: CodeSubject,
  code: string,
  now: Date,
  { allowRecovery }: { allowRecovery: boolean },
): Promise<UsedCode | null> {
  if (allowRecovery && looksLikeRecoveryCode(code)) {
    const used = await tx.recoveryCode.updateMany({
      where: { userId: subject.id, codeHash: hashRecoveryCode(subject.id, code), usedAt: null },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    const remaining = await tx.recoveryCode.count({ where: { userId: subject.id, usedAt: null } });
    return { kind: "recovery", remaining };
  }
  if (!subject.totpSecret) return null;
  const secret = unsealTotpSecret(subject.id, subject.totpSecret);
  if (!secret) return null;
  const step = acceptTotpCode(secret, code, now, subject.totpLastStep);
  if (step === null) return null;
  const moved = await tx.user.updateMany({
    where: { id: subject.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return moved.count === 1 ? { kind: "totp", step } : null;
}

export const SUBJECT_SELECT = {
  id: true,
  role: true,
  candidateId: true,
  disabledAt: true,
  totpSecret: true,
  totpEnabledAt: true,
  totpLastStep: true,
  passwordHash: true,
  email: true,
} as const;

/** The account as the second factor's services need it, or UNAUTHENTICATED when it is gone or disabled. */
export async function loadSubject(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: SUBJECT_SELECT });
  if (!user || user.disabledAt) throw new DomainError("UNAUTHENTICATED");
  const actor: Actor = { id: user.id, role: user.role, candidateId: user.candidateId, disabled: false };
  return { ...user, actor, subject: { ...actor, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep } };
}
