import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { NAMESPACES } from "./namespaces";
import { routing } from "./routing";

type Messages = Record<string, unknown>;

/**
 * Each locale's catalogue, loaded once per process: the files never change while the server
 * runs, and assembling them again on every request (one dynamic import per namespace) cost
 * more CPU than rendering the chair's console (docs/decisions/019-database-capacity.md).
 */
const catalogues = new Map<string, Promise<Messages>>();

function load(locale: string): Promise<Messages> {
  return Promise.all(NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const)).then(
    (entries) => Object.fromEntries(entries) as Messages,
  );
}

function catalogue(locale: string): Promise<Messages> {
  // `next dev` reloads a catalogue file that was edited: no keeping it there.
  if (process.env.NODE_ENV !== "production") return load(locale);
  let loaded = catalogues.get(locale);
  if (!loaded) {
    loaded = load(locale);
    // A failed load is not kept: the next request tries again.
    loaded.catch(() => catalogues.delete(locale));
    catalogues.set(locale, loaded);
  }
  return loaded;
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
