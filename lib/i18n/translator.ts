import "server-only";
import { createTranslator } from "next-intl";
import { isLocale, routing, type Locale } from "./routing";
import { splitMessageKey } from "@/lib/validation/zod";

// Translation outside a page: route handlers answer in the asker's language, and mail is
// written in the reader's. Only the namespaces a caller names are loaded.

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function localeOr(value: string | null | undefined): Locale {
  return value && isLocale(value) ? value : routing.defaultLocale;
}

export async function translator(locale: Locale, namespaces: readonly string[]): Promise<Translate> {
  const messages = Object.fromEntries(
    await Promise.all(namespaces.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default as Record<string, unknown>] as const)),
  );
  const t = createTranslator({ locale, messages });
  return (key, values = {}) => {
    // A key without a namespace is a validation key ("tooLong:200"), as in forms.
    const { key: full, values: limit } = splitMessageKey(key);
    return t(full as never, { ...limit, ...values } as never);
  };
}
