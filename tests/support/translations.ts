import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";

// next-intl's getTranslations runs only inside Next's server; route handlers under test get
// this one instead, reading the real catalogs (lib/i18n/messages/<locale>/<namespace>.json):
//   vi.mock("next-intl/server", () => import("../support/translations"));

const MESSAGES = path.join(__dirname, "../../lib/i18n/messages");

export async function getTranslations({ locale, namespace }: { locale: string; namespace: string }) {
  const messages = JSON.parse(readFileSync(path.join(MESSAGES, locale, `${namespace}.json`), "utf8")) as Record<string, unknown>;
  return createTranslator({ locale, namespace: namespace as never, messages: { [namespace]: messages } as never });
}
