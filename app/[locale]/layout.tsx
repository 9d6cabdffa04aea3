import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { ClientMessages, type MessagePath } from "@/lib/i18n/client-messages";
import { directionOf, routing } from "@/lib/i18n/routing";
import { failForTest } from "@/lib/site/fail-for-test";
import { pageMetadata } from "@/lib/site/page-metadata";
import "../globals.css";

// No locale is rendered at build time (the database is not there then); each page is
// rendered on its first visit and then served from the cache until its data change.
// What the header's client components (HeaderAccount, LiveBanner) and the error boundaries
// (ErrorView) say, and no more: every page carries these in its HTML. A page's own client
// islands get theirs from a <ClientMessages> of their own (docs/decisions/036-page-weight.md).
const LAYOUT_MESSAGES = [
  "nav.signIn",
  "nav.myArea",
  "nav.signOut",
  "nav.liveNow",
  "nav.liveBanner",
  "nav.liveWatch",
  "nav.liveWatchOf",
  "auth.signedInAs",
  "errorPages.title",
  "errorPages.body",
  "errorPages.reference",
  "errorPages.tryAgain",
  "errorPages.home",
] as const satisfies readonly MessagePath[];

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "common" });
  // Pages without their own preview still get the site's; public pages add their alternates (docs/site-meta.md).
  const { metadataBase, openGraph } = hasLocale(routing.locales, locale) ? await pageMetadata(locale, "") : {};
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("footer"),
    metadataBase,
    openGraph: openGraph && { ...openGraph, url: undefined },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  // Test-only: the document's own error page (app/global-error.tsx) is seen when this layout
  // fails. Armed only on a test's own server, whose gate folder nothing else shares (lib/site/fail-for-test.ts).
  failForTest(`layout ${locale}`);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });

  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-white text-slate-900 antialiased flex flex-col">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <ClientMessages locale={locale} namespaces={LAYOUT_MESSAGES}>
          <SiteHeader locale={locale} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children}
          </main>
          <SiteFooter locale={locale} />
        </ClientMessages>
      </body>
    </html>
  );
}
