import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { HeaderAccount } from "./header-account";
import { LanguageSwitcher } from "./language-switcher";
import { LiveBanner } from "./live-banner";
import { NavLink } from "./nav-link";

const NAV = [
  { href: "/", key: "home" },
  { href: "/posts", key: "posts" },
  { href: "/hearing", key: "hearing" },
  { href: "/conferences", key: "conferences" },
] as const;

/**
 * The same for every visitor (it is part of every cached page, docs/cache.md): who is signed in
 * and whether a hearing is live are asked by the browser (HeaderAccount, LiveBanner).
 */
export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const common = await getTranslations({ locale, namespace: "common" });
  return (
    <header className="border-b-8 border-brand-700 bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-3 pb-2">
        <Link href="/" className="inline-flex min-h-11 flex-col justify-center focus-visible:outline-white">
          <span className="text-xl font-bold">{common("appName")}</span>
          <span className="text-sm text-slate-200">{common("tagline")}</span>
        </Link>
        <LanguageSwitcher label={common("language")} />
      </div>
      <div className="mx-auto max-w-5xl px-4">
        <nav aria-label={common("mainNavigation")}>
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-1">
            {NAV.map((item) => (
              <li key={item.key}>
                <NavLink href={item.href}>{t(item.key)}</NavLink>
              </li>
            ))}
            <HeaderAccount />
          </ul>
        </nav>
      </div>
      <LiveBanner />
    </header>
  );
}
