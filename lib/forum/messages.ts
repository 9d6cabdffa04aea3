import "server-only";
import { createTranslator } from "next-intl";
import { isLocale, routing, type Locale } from "@/lib/i18n/routing";
import type { DomainError } from "@/lib/errors/domain-error";
import { splitMessageKey } from "@/lib/validation/zod";

// Translation outside a page: the ask route answers in the asker's language, and mail is
// written here. Only the namespaces the forum's messages use are loaded.
const NAMESPACES = ["forum", "validation", "errors"] as const;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function localeOr(value: string | null | undefined): Locale {
  return value && isLocale(value) ? value : routing.defaultLocale;
}

export async function translator(locale: Locale, namespaces: readonly string[] = NAMESPACES): Promise<Translate> {
  const messages = Object.fromEntries(
    await Promise.all(
      namespaces.map(async (ns) => [ns, (await import(`../i18n/messages/${locale}/${ns}.json`)).default as Record<string, unknown>] as const),
    ),
  );
  const t = createTranslator({ locale, messages });
  return (key, values = {}) => {
    // A key without a namespace is a validation key ("tooLong:200"), as in forms.
    const { key: full, values: limit } = splitMessageKey(key);
    return t(full as never, { ...limit, ...values } as never);
  };
}

/** A refusal as the asker reads it: one message, and one per field. */
export function describeRefusal(t: Translate, error: DomainError): { error: string; fieldErrors?: Record<string, string> } {
  const { _form: formLevel, ...perField } = error.fieldErrors ?? {};
  const key = error.messageKey ?? formLevel;
  const message = key ? t(key, error.values) : t(`errors.${error.code}`);
  const fields = Object.entries(perField);
  return fields.length > 0 ? { error: message, fieldErrors: Object.fromEntries(fields.map(([f, k]) => [f, t(k)])) } : { error: message };
}
