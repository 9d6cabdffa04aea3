import { LOCALES } from "@/lib/i18n/routing";

// A caption's language: "floor", the original speech as spoken in the room (the authentic
// record), or one of the six languages it is interpreted into (docs/decisions/040-captions.md).

export const FLOOR = "floor";
export const CAPTION_LANGUAGES = [FLOOR, ...LOCALES] as const;
export type CaptionLanguage = (typeof CAPTION_LANGUAGES)[number];

export function isCaptionLanguage(value: string): value is CaptionLanguage {
  return (CAPTION_LANGUAGES as readonly string[]).includes(value);
}

/** Floor first, then the locales in their usual order. */
export function sortCaptionLanguages<T extends string>(languages: Iterable<T>): T[] {
  const order = (language: string) => (CAPTION_LANGUAGES as readonly string[]).indexOf(language);
  return [...new Set(languages)].sort((a, b) => order(a) - order(b));
}

/** What a `<track srclang>` says for a caption language: the floor has no single language ("und"). */
export function trackSrcLang(language: CaptionLanguage): string {
  return language === FLOOR ? "und" : language;
}
