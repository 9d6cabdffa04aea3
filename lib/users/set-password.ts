import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertNotCommonPassword } from "./password-policy";
import { setPasswordSchema } from "./schema";
import { hashSetupToken, isSetupTokenUsable } from "./setup-token";

const INVALID_LINK = () => new DomainError("NOT_FOUND", { messageKey: "auth.setupLinkInvalid" });

/**
 * Public: whoever holds a valid one-time link sets the account's password. The link is
 * used up, every other pending link of the account stops working, and every session of
 * the account ends (sessionVersion), so a stolen session does not survive a new password.
 */
export async function setPassword({ input }: { input: unknown }) {
  const data = parseInput(setPasswordSchema, input);
  assertNotCommonPassword(data.password);
  const tokenHash = hashSetupToken(data.token);
  // A cheap look first, so a made-up link costs no scrypt; scrypt is slow on purpose, so it
  // runs before any lock is taken. The transaction checks the link again.
  const found = await db().passwordSetupToken.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true } });
  if (!found || !isSetupTokenUsable(found)) throw INVALID_LINK();
  const passwordHash = await hashPassword(data.password);
  return db().$transaction(async (tx) => {
    // FOR UPDATE: the same link opened in two tabs is used once.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PasswordSetupToken" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
    if (locked.length === 0) throw INVALID_LINK();
    const link = await tx.passwordSetupToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, expiresAt: true, usedAt: true, user: { select: { id: true, role: true, candidateId: true, disabledAt: true, passwordHash: true } } },
    });
    const now = new Date();
    if (!isSetupTokenUsable(link, now) || link.user.disabledAt) throw INVALID_LINK();
    await tx.passwordSetupToken.update({ where: { id: link.id }, data: { usedAt: now } });
    await tx.passwordSetupToken.updateMany({ where: { userId: link.user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const after = await tx.user.update({
      where: { id: link.user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, sessionVersion: true },
    });
    const actor = { id: link.user.id, role: link.user.role, candidateId: link.user.candidateId, disabled: false };
    await emitAudit(tx, {
      actor,
      area: "user",
      action: "password-set",
      entity: "User",
      entityId: after.id,
      before: { hadPassword: link.user.passwordHash !== null },
      after: { hadPassword: true, sessionVersion: after.sessionVersion },
    });
    return { email: after.email };
  });
}

/** Whether the set-password page should offer its form; setPassword checks again on submit. */
export async function isSetupLinkUsable(token: string): Promise<boolean> {
  return (await usableSetupLinkPurpose(token)) !== null;
}

/** What a usable link is for: a new account's first password, or a reset asked for by its owner (docs/decisions/023-second-factor.md); null when not usable. */
export async function usableSetupLinkPurpose(token: string): Promise<"SETUP" | "RESET" | null> {
  return (await usableSetupLink(token))?.purpose ?? null;
}

/**
 * The same, with the account's address: the page gives it to password managers as the
 * new password's username (WCAG 3.3.8, docs/accessibility.md). Whoever holds the link was
 * sent it at that address.
 */
export async function usableSetupLink(token: string): Promise<{ purpose: "SETUP" | "RESET"; email: string } | null> {
  if (token.length > 200) return null;
  const found = await db().passwordSetupToken.findUnique({
    where: { tokenHash: hashSetupToken(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, user: { select: { disabledAt: true, email: true } } },
  });
  if (!found || !isSetupTokenUsable(found) || found.user.disabledAt) return null;
  return { purpose: found.purpose === "RESET" ? "RESET" : "SETUP", email: found.user.email };
}
