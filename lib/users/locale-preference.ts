import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/routing";
import { parseInput } from "@/lib/validation/parse";
import { z } from "@/lib/validation/zod";

// The language the portal writes to an account in (docs/decisions/042-wcag-22-and-mail-language.md).

// `language`, not `locale`: every form already sends its page's `locale` (components/forms/action-form.tsx).
export const ownLocaleSchema = z.object({ language: z.enum(LOCALES, { error: "accountLanguage.invalid" }) });

/**
 * At sign-in: the language of the page signed in from is the one the person is using now.
 * A preference, kept like the sign-in attempts themselves, without an audit row; only a
 * different value is written.
 */
export async function recordSignInLocale(userId: string, locale: string | null | undefined): Promise<void> {
  if (!locale || !isLocale(locale)) return;
  await db().user.updateMany({ where: { id: userId, OR: [{ locale: null }, { locale: { not: locale } }] }, data: { locale } });
}

/** The signed-in user chooses, on their account page, the language of the mail they receive; their own account only. */
export async function setOwnLocale({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ locale: Locale }> {
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  if (actor.disabled) throw new DomainError("FORBIDDEN");
  const { language: locale } = parseInput(ownLocaleSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.id }, select: { locale: true } });
    if (!before) throw new DomainError("NOT_FOUND");
    if (before.locale === locale) throw new DomainError("CONFLICT", { messageKey: "accountLanguage.unchanged" });
    await tx.user.update({ where: { id: actor.id }, data: { locale }, select: { id: true } });
    await emitAudit(tx, { actor, area: "user", action: "locale-changed", entity: "User", entityId: actor.id, before, after: { locale } });
    return { locale };
  });
}

/** The account's language as recorded, or null when none was yet. */
export async function ownLocale(userId: string): Promise<Locale | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale && isLocale(user.locale) ? user.locale : null;
}
