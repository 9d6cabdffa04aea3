import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InfoPage, InfoSection } from "@/components/site/info-page";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site.about" });
  return pageMetadata(locale, "/about", { title: t("title") });
}

// What the portal is and who runs it; demo content is marked fictional (docs/domain.md#demo).
export default async function AboutPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "site.about" });
  return (
    <InfoPage title={t("title")} intro={t("intro")} testId="site-about">
      <InfoSection id="who" title={t("whoTitle")}>
        <p>{t("who")}</p>
      </InfoSection>
      <InfoSection id="demo" title={t("demoTitle")}>
        <p>{t("demo")}</p>
      </InfoSection>
      <InfoSection id="more" title={t("moreTitle")}>
        <p>
          <Link href="/how-it-works" className="text-brand-800 underline underline-offset-4">
            {t("more")}
          </Link>
        </p>
      </InfoSection>
    </InfoPage>
  );
}
