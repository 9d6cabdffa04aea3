import "server-only";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { localeCatalogue, type Messages } from "./catalogue";
import type { Namespace } from "./namespaces";

// What the browser is given to translate with (docs/decisions/036-page-weight.md). A client
// component's messages travel in the page's flight payload, inlined in its HTML: every
// namespace given to every page was two thirds of the home page. So each provider gives only
// the message paths its client components name in `useTranslations("…")`: the layout's for the
// header and the error boundaries, each page's around its own client islands.
// tests/unit/client-messages.test.ts reads every client component and checks that wherever one
// is rendered, a provider above it gives what it uses.

/** A namespace, or a part of one ("forum.ask", "nav.liveNow"). */
export type MessagePath = Namespace | `${Namespace}.${string}`;

/** The messages at `paths` in `locale`, nested as in the catalogue. A path that names nothing throws: a typo must not ship an empty island. */
export async function clientMessages(locale: string, paths: readonly MessagePath[]): Promise<Messages> {
  const all = await localeCatalogue(locale);
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = all;
    for (const key of keys) from = from && typeof from === "object" ? (from as Messages)[key] : undefined;
    if (from === undefined) throw new Error(`no message at ${path} in ${locale}`);
    let into = picked;
    // Copied on the way down: the kept catalogue is never written to.
    for (const key of keys.slice(0, -1)) {
      const next = into[key];
      into = into[key] = next && typeof next === "object" ? { ...(next as Messages) } : {};
    }
    into[keys.at(-1)!] = from;
  }
  return picked;
}

/**
 * Client components under it translate with the messages at `namespaces` only (a provider
 * below another replaces its messages, it does not add to them: name all its components use).
 */
export async function ClientMessages({ locale, namespaces, children }: { locale: string; namespaces: readonly MessagePath[]; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={await clientMessages(locale, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
