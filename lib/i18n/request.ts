import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { keptPromise, loadMessages, type Messages } from "./catalogue";
import { NAMESPACES } from "./namespaces";
import { routing } from "./routing";

/**
 * Each locale's catalogue, loaded once per process: the files never change while the server
 * runs, and assembling them again on every request (one dynamic import per namespace) cost
 * more CPU than rendering the chair's console (docs/decisions/019-database-capacity.md).
 */
const catalogues = new Map<string, Promise<Messages>>();

function catalogue(locale: string): Promise<Messages> {
  // `next dev` reloads a catalogue file that was edited: no keeping it there.
  if (process.env.NODE_ENV !== "production") return loadMessages(locale, NAMESPACES);
  return keptPromise(catalogues, locale, () => loadMessages(locale, NAMESPACES));
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: await catalogue(locale),
    // Times are always given an explicit zone where they are formatted.
    timeZone: "UTC",
  };
});
