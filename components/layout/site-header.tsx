import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { HeaderAccount } from "./header-account";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const common = await getTranslations({ locale, namespace: "common" });
  return (
    <header className="border-b border-slate-200 bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold">
          {common("appName")} <span className="font-normal text-slate-200">· {common("tagline")}</span>
        </Link>
        <nav aria-label={common("mainNavigation")}>
          <ul className="flex flex-wrap items-center gap-4">
            <li>
              <Link href="/" className="underline-offset-4 hover:underline">
                {t("home")}
              </Link>
            </li>
            <li>
              <Link href="/posts" className="underline-offset-4 hover:underline">
                {t("posts")}
              </Link>
            </li>
            <li>
              <Link href="/conferences" className="underline-offset-4 hover:underline">
                {t("conferences")}
              </Link>
            </li>
            <HeaderAccount />
          </ul>
        </nav>
        <LanguageSwitcher label={common("language")} />
      </div>
    </header>
  );
}
