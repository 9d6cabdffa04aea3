import type { Metadata } from "next";
import { LOCALES, type Locale } from "@/lib/i18n/routing";

// Open Graph previews and hreflang alternates for a public page (docs/site-meta.md). Pure: the
// site's origin is passed in (lib/site/page-metadata.ts takes it from NEXTAUTH_URL, never from
// the request's Host header, since the page is cached and shared: docs/cache.md).

/** Open Graph wants language_TERRITORY; the six official languages as the Union writes them. */
export const OG_LOCALES: Record<Locale, string> = {
  ar: "ar_AR",
  en: "en_GB",
  es: "es_ES",
  fr: "fr_FR",
  ru: "ru_RU",
  zh: "zh_CN",
};

/** The static preview image (public/og-image.png), 1200 × 630. */
export const OG_IMAGE = { url: "/og-image.png", width: 1200, height: 630 } as const;

/** The site's origin (scheme, host, port), with no trailing slash; throws on anything but http(s). */
export function normaliseOrigin(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`not a web origin: ${value}`);
  return url.origin;
}

/** "/posts/SG" from "posts/SG", "/posts/SG/" or "/posts/SG"; "" for the home page. */
function normalisePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed.split("/").map(encodeURIComponent).join("/")}` : "";
}

export type PageMeta = {
  origin: string;
  locale: Locale;
  /** The page's path after the locale, e.g. "/posts/SG" ("" or "/" for the home page). */
  path: string;
  title: string;
  description: string;
  siteName: string;
  imageAlt: string;
  type?: "website" | "profile" | "article";
};

/** The page's canonical URL, its hreflang alternates (the six languages and x-default) and its Open Graph preview. */
export function localizedMetadata(meta: PageMeta): Pick<Metadata, "metadataBase" | "alternates" | "openGraph"> {
  const origin = normaliseOrigin(meta.origin);
  const path = normalisePath(meta.path);
  const url = (locale: Locale) => `${origin}/${locale}${path}`;
  const languages: Record<string, string> = Object.fromEntries(LOCALES.map((locale) => [locale, url(locale)]));
  // The unprefixed address: the proxy sends each reader to their own language.
  languages["x-default"] = `${origin}${path || "/"}`;
  return {
    metadataBase: new URL(origin),
    alternates: { canonical: url(meta.locale), languages },
    openGraph: {
      type: meta.type ?? "website",
      url: url(meta.locale),
      title: meta.title,
      description: meta.description,
      siteName: meta.siteName,
      // No og:locale:alternate: Facebook reads it as "this URL answers in these locales when
      // asked with ?fb_locale=", and these pages do not; each language has its own URL, which the
      // hreflang alternates give. Five tags less, sent twice (docs/decisions/036-page-weight.md).
      locale: OG_LOCALES[meta.locale],
      images: [{ ...OG_IMAGE, url: `${origin}${OG_IMAGE.url}`, alt: meta.imageAlt }],
    },
  };
}
