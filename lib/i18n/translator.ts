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

// One translator per locale and set of namespaces for the process's life: building one costs
// the catalogues' import map and next-intl's formatter caches, which under a burst of refused
// questions was the largest share of each refusal's cost (docs/decisions/019-database-capacity.md).
const translators = new Map<string, Promise<Translate>>();

export function translator(locale: Locale, namespaces: readonly string[]): Promise<Translate> {
  const key = `${locale}|${namespaces.join(",")}`;
  let made = translators.get(key);
  if (!made) {
    made = makeTranslator(locale, namespaces);
    // A failed load is not remembered: the next call tries again.
    made.catch(() => translators.delete(key));
    translators.set(key, made);
  }
  return made;
}

async function makeTranslator(locale: Locale, namespaces: readonly string[]): Promise<Translate> {
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
