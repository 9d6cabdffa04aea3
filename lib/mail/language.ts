import "server-only";
import { translator, localeOr, type Translate } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/routing";
import { formatInstant, zoneLabel } from "@/lib/time/format";

// Mail is written in its reader's language (docs/decisions/042-wcag-22-and-mail-language.md):
// an account's chosen language, or the language of the page a visitor wrote from. Its links
// open the portal in that language, and its times are given in a named zone.

/** The stored language of a recipient, or the default one when none was recorded (or it is not one of ours). */
export function mailLocale(stored: string | null | undefined): Locale {
  return localeOr(stored);
}

export function mailTranslator(locale: Locale): Promise<Translate> {
  return translator(locale, ["mail"]);
}

/** An absolute link into the portal in `locale` (`path` without the locale), or null when the site's address is not configured. */
export function mailLink(siteUrl: string | null | undefined, locale: Locale, path: string): string | null {
  return siteUrl ? new URL(`/${locale}${path}`, siteUrl).toString() : null;
}

/** An instant as the reader's locale writes it, in `timeZone`, with the zone named as the pages name it. */
export function mailInstant(locale: Locale, at: Date, timeZone: string): { time: string; zone: string } {
  return { time: formatInstant(locale, at, timeZone), zone: zoneLabel(locale, timeZone, at) };
}
