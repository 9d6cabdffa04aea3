"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { directionOf, isLocale, routing, type Locale } from "@/lib/i18n/routing";
import ar from "@/lib/i18n/messages/ar/globalError.json";
import en from "@/lib/i18n/messages/en/globalError.json";
import es from "@/lib/i18n/messages/es/globalError.json";
import fr from "@/lib/i18n/messages/fr/globalError.json";
import ru from "@/lib/i18n/messages/ru/globalError.json";
import zh from "@/lib/i18n/messages/zh/globalError.json";
import "./globals.css";

// When the locale's own layout fails, nothing of next-intl is left to translate with: this page
// replaces the whole document, so it carries its few words in all six languages and takes the
// reader's from the address (every page's path starts with its locale). Its own namespace holds
// those few words only: this file is in every page's first-load scripts (docs/decisions/036-page-weight.md).
const MESSAGES: Record<Locale, typeof en> = { ar, en, es, fr, ru, zh };

function isDynamicUsage(error: unknown): boolean {
  return error !== null && typeof error === "object" && "digest" in error && error.digest === "DYNAMIC_SERVER_USAGE";
}

function localeOf(pathname: string | null): Locale {
  const first = pathname?.split("/")[1] ?? "";
  return isLocale(first) ? first : routing.defaultLocale;
}

export default function GlobalError({ error, reset, retry }: { error: unknown; reset: () => void; retry?: () => void }) {
  // Next's signal to render a cacheable page per request instead (components/site/error-view.tsx).
  if (isDynamicUsage(error)) throw error;
  const locale = localeOf(usePathname());
  const t = MESSAGES[locale];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <title>{t.title}</title>
      </head>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <main id="main" className="mx-auto w-full max-w-5xl space-y-4 px-4 py-8" data-testid="global-error-page">
          <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold outline-none">
            {t.title}
          </h1>
          <p className="max-w-prose">{t.body}</p>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
            <button
              type="button"
              onClick={() => (retry ?? reset)()}
              className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
            >
              {t.tryAgain}
            </button>
            {/* A full page load, not the router: the failed layout is not to be reused. */}
            <a href={`/${locale}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
              {t.home}
            </a>
            {/* Help where every other page offers it (WCAG 2.2 consistent help, docs/accessibility.md). */}
            <a href={`/${locale}/contact`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
              {t.contact}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
