import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";
import { localizedMetadata, normaliseOrigin } from "./alternates";

/** Where `next dev` listens when NEXTAUTH_URL is unset (npm start always sets it). */
const LOCAL_ORIGIN = "http://localhost:3000";

/**
 * The site's public origin, for absolute URLs in previews and alternates: NEXTAUTH_URL, the
 * configured public URL, never the request's Host header, which anyone can set and which a
 * cached page would then serve to everyone (docs/site-meta.md, docs/cache.md).
 */
export function siteOrigin(): string {
  return normaliseOrigin(env().NEXTAUTH_URL ?? LOCAL_ORIGIN);
}

type Page = {
  /** The page's title, as in its <title> (without the site's name); the site's name for the home page. */
  title?: string;
  /** One or two sentences for the preview; the site's own description when none. */
  description?: string;
  type?: "website" | "profile" | "article";
};

/**
 * A public page's metadata: its title, and its Open Graph preview and hreflang alternates,
 * `path` being its address after the locale ("/posts/SG"; "" for the home page).
 */
export async function pageMetadata(locale: string, path: string, page: Page = {}): Promise<Metadata> {
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  const siteName = t("appName");
  return {
    ...(page.title ? { title: page.title } : {}),
    ...(page.description ? { description: page.description } : {}),
    ...localizedMetadata({
      origin: siteOrigin(),
      locale,
      path,
      title: page.title ?? siteName,
      description: page.description ?? t("footer"),
      siteName,
      imageAlt: `${siteName} — ${t("tagline")}`,
      type: page.type,
    }),
    // Next would repeat the Open Graph image as twitter:image with its alt text and size (four
    // tags, sent twice: in the head and in the flight payload). X reads og:image when
    // twitter:image is absent (docs/site-meta.md); Next still adds twitter:title and
    // twitter:description from Open Graph, which the Metadata API cannot leave out.
    twitter: { card: "summary_large_image", images: [] },
  };
}
