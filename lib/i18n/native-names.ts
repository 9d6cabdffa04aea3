import type { Locale } from "./routing";

// Each language is named in itself, as the UN does, so these names are not translated.
export const NATIVE_NAMES: Record<Locale, string> = {
  ar: "العربية",
  en: "English",
  es: "Español",
  fr: "Français",
  ru: "Русский",
  zh: "中文",
};
