import "server-only";
import { createTranslator } from "next-intl";
import { keptPromise, loadMessages } from "./catalogue";
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
  return keptPromise(translators, `${locale}|${namespaces.join(",")}`, () => makeTranslator(locale, namespaces));
}

async function makeTranslator(locale: Locale, namespaces: readonly string[]): Promise<Translate> {
  const messages = await loadMessages(locale, namespaces);
  const t = createTranslator({ locale, messages });
  return (key, values = {}) => {
    // A key without a namespace is a validation key ("tooLong:200"), as in forms.
    const { key: full, values: limit } = splitMessageKey(key);
    return t(full as never, { ...limit, ...values } as never);
  };
}
