import { getTranslations } from "next-intl/server";
import { LocalLink } from "@/components/site/local-link";
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
    <header className="site-header">
      <div className="site-bar">
        <LocalLink href="/" className="site-name">
          <span className="text-xl font-bold">{common("appName")}</span>
          <span className="text-sm text-slate-200">{common("tagline")}</span>
        </LocalLink>
        <LanguageSwitcher label={common("language")} />
      </div>
      <nav aria-label={common("mainNavigation")} className="mx-auto max-w-5xl px-4">
        <ul className="site-nav">
          {NAV.map((item) => (
            <li key={item.key}>
              <NavLink href={item.href}>{t(item.key)}</NavLink>
            </li>
          ))}
          <HeaderAccount />
        </ul>
      </nav>
      <LiveBanner />
    </header>
  );
}
