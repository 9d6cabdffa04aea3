// The player's words in the page's language, loaded with the player and never before it: a
// page without video carries none of them (docs/decisions/036-page-weight.md). media-chrome
// (under Mux's player) keeps one language for the whole page; it is set before any player's
// controls are made (docs/decisions/039-interpretation-and-player.md).
import { playerDictionary, type PlayerLabelKey } from "./player-labels";

export type PlayerCatalogue = {
  interpretation: { floor: string };
  chapters: { trackLabel: string };
  controls: Record<PlayerLabelKey, string>;
};

const CATALOGUES: Readonly<Record<string, () => Promise<{ default: PlayerCatalogue }>>> = {
  ar: () => import("@/lib/i18n/messages/ar/player.json"),
  en: () => import("@/lib/i18n/messages/en/player.json"),
  es: () => import("@/lib/i18n/messages/es/player.json"),
  fr: () => import("@/lib/i18n/messages/fr/player.json"),
  ru: () => import("@/lib/i18n/messages/ru/player.json"),
  zh: () => import("@/lib/i18n/messages/zh/player.json"),
};

/** Loads `locale`'s words and makes them media-chrome's; English when the locale has none. */
export async function loadPlayerLanguage(locale: string): Promise<PlayerCatalogue> {
  const load = CATALOGUES[locale] ?? CATALOGUES.en!;
  const [{ addTranslation, setLanguage }, catalogue] = await Promise.all([import("media-chrome/dist/utils/i18n.js"), load()]);
  // Our catalogue's placeholders ({seekOffset}, …) are media-chrome's own: it fills them in.
  addTranslation(
    locale,
    playerDictionary((key) => catalogue.default.controls[key]),
  );
  setLanguage(locale);
  return catalogue.default;
}
