import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InfoPage, InfoSection } from "@/components/site/info-page";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site.privacy" });
  return pageMetadata(locale, "/privacy", { title: t("title") });
}

// What is collected and what is published: a forum asker's name, country and affiliation are
// published with the question and exported as open data (lib/forum/export.ts); the e-mail never is.
export default async function PrivacyPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "site.privacy" });
  const pool = await getTranslations({ locale, namespace: "hearingPool" });
  return (
    <InfoPage title={t("title")} intro={t("intro")} testId="site-privacy">
      <InfoSection id="forum" title={t("forumTitle")}>
        <p>{t("forum")}</p>
        <p>{t("forumEmail")}</p>
      </InfoSection>
      <InfoSection id="hearing" title={t("hearingTitle")}>
        <p>{t("hearing")}</p>
        {/* The open pool never shows an asker's name (docs/decisions/048-written-answers-and-open-pool.md). */}
        <p>{pool("privacy")}</p>
      </InfoSection>
      <InfoSection id="network" title={t("networkTitle")}>
        <p>{t("network")}</p>
      </InfoSection>
      <InfoSection id="accounts" title={t("accountsTitle")}>
        <p>{t("accounts")}</p>
      </InfoSection>
      <InfoSection id="retention" title={t("retentionTitle")}>
        <p>{t("retention")}</p>
      </InfoSection>
      <InfoSection id="rights" title={t("rightsTitle")}>
        <p>{t("rights")}</p>
        <p>
          <Link href="/contact" className="text-brand-800 underline underline-offset-4">
            {t("contactLink")}
          </Link>
        </p>
      </InfoSection>
    </InfoPage>
  );
}
