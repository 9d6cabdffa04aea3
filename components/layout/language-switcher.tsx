"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { LOCALES } from "@/lib/i18n/routing";

// Each language is named in itself, as the UN does, so these names are not translated.
const NATIVE_NAMES: Record<(typeof LOCALES)[number], string> = {
  ar: "العربية",
  en: "English",
  es: "Español",
  fr: "Français",
  ru: "Русский",
  zh: "中文",
};

/** Links to the same page in each language. */
export function LanguageSwitcher({ label }: { label: string }) {
  const current = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-2 text-sm">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={`nav-link ${locale === current ? "font-bold underline" : "hover:underline"}`}
            >
              {NATIVE_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
