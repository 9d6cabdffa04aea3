import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { NAMESPACES } from "@/lib/i18n/namespaces";

// next-intl's getTranslations runs only inside Next's server; route handlers and server
// actions under test get this one instead, reading the real catalogs
// (lib/i18n/messages/<locale>/<namespace>.json):
//   vi.mock("next-intl/server", () => import("../support/translations"));
// Without a namespace (as formAction asks), every catalogue of the locale.

const MESSAGES = path.join(__dirname, "../../lib/i18n/messages");

const catalogue = (locale: string, namespace: string) =>
  JSON.parse(readFileSync(path.join(MESSAGES, locale, `${namespace}.json`), "utf8")) as Record<string, unknown>;

export async function getTranslations({ locale, namespace }: { locale: string; namespace?: string }) {
  if (namespace === undefined) {
    const messages = Object.fromEntries(NAMESPACES.map((n) => [n, catalogue(locale, n)]));
    return createTranslator({ locale, messages: messages as never });
  }
  return createTranslator({ locale, namespace: namespace as never, messages: { [namespace]: catalogue(locale, namespace) } as never });
}
