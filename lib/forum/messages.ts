import "server-only";
import { translator, type Translate } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/routing";

// The namespaces the forum's messages use: the ask route's refusals, and its mail.
const NAMESPACES = ["forum", "validation", "errors", "serviceBusy"] as const;

export function forumTranslator(locale: Locale): Promise<Translate> {
  return translator(locale, NAMESPACES);
}
