import { getTranslations } from "next-intl/server";
import { LocalLink } from "@/components/site/local-link";

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
    <footer className="site-foot">
      <div className="site-footer">
        <nav aria-label={site("label")}>
          <ul className="inline-list">
            {SITE_PAGES.map((p) => (
              <li key={p.key}>
                {/* Not prefetched for being on screen: five requests on every page view, for pages few open (docs/cache.md). */}
                <LocalLink href={p.href} prefetch={false} className="link-quiet">
                  {site(p.key)}
                </LocalLink>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t("footer")}</p>
      </div>
    </footer>
  );
}
