import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { localeCatalogue } from "./catalogue";
import { routing } from "./routing";

// The server's translations (server components, metadata) read the whole catalogue, kept per
// process (./catalogue.ts). What client components are given is chosen apart, per provider
// (./client-messages.tsx, docs/decisions/036-page-weight.md).
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: await localeCatalogue(locale),
    // Times are always given an explicit zone where they are formatted.
    timeZone: "UTC",
  };
});
