import { defineRouting } from "next-intl/routing";

// The six official languages of the Union; Arabic is written right to left.
export const LOCALES = ["ar", "en", "es", "fr", "ru", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const RTL_LOCALES: ReadonlySet<Locale> = new Set(["ar"]);

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: "en",
  localePrefix: "always",
  // No cookie: the public pages are cached and shared, so a response must not set one.
  // The locale is in every URL; "/" is negotiated from Accept-Language.
  localeCookie: false,
});

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "rtl" | "ltr" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}
