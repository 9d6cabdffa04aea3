import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

// The pages every visitor may need wherever they are: what the portal is, the rules it
// applies (docs/domain.md), what it does with their data, its accessibility, and whom to ask.
export const SITE_PAGES = [
  { href: "/about", key: "about" },
  { href: "/how-it-works", key: "howItWorks" },
  { href: "/privacy", key: "privacy" },
  { href: "/accessibility", key: "accessibility" },
  { href: "/contact", key: "contact" },
] as const;

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "common" });
  const site = await getTranslations({ locale, namespace: "site.footer" });
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-5xl space-y-4 px-4 py-6 text-sm text-slate-700">
        <nav aria-label={site("label")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {SITE_PAGES.map((p) => (
              <li key={p.key}>
                {/* Not prefetched for being on screen: five requests on every page view, for pages few open (docs/cache.md). */}
                <Link href={p.href} prefetch={false} className="link-quiet">
                  {site(p.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t("footer")}</p>
      </div>
    </footer>
  );
}
