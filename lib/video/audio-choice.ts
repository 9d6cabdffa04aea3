// Which audio rendition a hearing's player starts on, and how the audio menu names each one
// (docs/decisions/039-interpretation-and-player.md). Pure: the player and the tests share it.

/** What the player knows of an audio rendition (HLS EXT-X-MEDIA TYPE=AUDIO: LANGUAGE and NAME). */
export type AudioRendition = { language: string; label: string };

/**
 * The floor (the room's sound, each speaker in their own language) has no single language: it
 * is declared with LANGUAGE "mul" (or "und", or none), or named "Floor" or "Original".
 */
const FLOOR_LANGUAGES = new Set(["", "mul", "und", "zxx", "mis"]);
const FLOOR_NAMES = /^\s*(floor|original)\b/i;

/** ISO 639-2 codes a packager may write instead of the two-letter ones. */
const THREE_LETTER: Readonly<Record<string, string>> = {
  ara: "ar",
  eng: "en",
  spa: "es",
  fra: "fr",
  fre: "fr",
  rus: "ru",
  zho: "zh",
  chi: "zh",
};

/** "fr-CH" → "fr", "fra" → "fr", "MUL" → "mul". */
export function baseLanguage(code: string): string {
  const base = code.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return THREE_LETTER[base] ?? base;
}

export function isFloor(rendition: AudioRendition): boolean {
  return FLOOR_LANGUAGES.has(baseLanguage(rendition.language)) || FLOOR_NAMES.test(rendition.label);
}

/**
 * The rendition to start on: the interpretation into the page's language when there is one,
 * else the floor; -1 when neither can be told (the stream's own default is then kept).
 */
export function defaultAudio(renditions: readonly AudioRendition[], pageLocale: string): number {
  const want = baseLanguage(pageLocale);
  const own = renditions.findIndex((r) => !isFloor(r) && baseLanguage(r.language) === want);
  return own !== -1 ? own : renditions.findIndex(isFloor);
}

/**
 * The rendition's name in the audio menu, in the page's language: the floor by `floorLabel`,
 * an interpretation by its language's name (Intl), else whatever the stream called it.
 */
export function audioLabel(rendition: AudioRendition, pageLocale: string, floorLabel: string): string {
  if (isFloor(rendition)) return floorLabel;
  const code = baseLanguage(rendition.language);
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([pageLocale], { type: "language", fallback: "none" }).of(code);
  } catch {
    name = undefined;
  }
  if (!name) return rendition.label || rendition.language;
  return name.charAt(0).toLocaleUpperCase(pageLocale) + name.slice(1);
}

/** The declared languages, named in the page's language and listed in its own way ("Arabic, English and French"). */
export function languageList(codes: readonly string[], pageLocale: string): string {
  const names = new Intl.DisplayNames([pageLocale], { type: "language" });
  return new Intl.ListFormat(pageLocale, { type: "conjunction" }).format(codes.map((c) => names.of(c) ?? c));
}
