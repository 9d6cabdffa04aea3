import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InfoPage, InfoSection } from "@/components/site/info-page";

import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site.contact" });
  return pageMetadata(locale, "/contact", { title: t("title") });
}

// The schema holds no conference contact address, so this page names the secretariat's role
// and channels without inventing an address; a candidate's contact is on their own page.
export default async function ContactPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "site.contact" });
  return (
    <InfoPage title={t("title")} intro={t("intro")} testId="site-contact">
      <InfoSection id="secretariat" title={t("secretariatTitle")}>
        <p>{t("secretariat")}</p>
      </InfoSection>
      <InfoSection id="candidates" title={t("candidatesTitle")}>
        <p>{t("candidates")}</p>
      </InfoSection>
      <InfoSection id="privacy" title={t("privacyTitle")}>
        <p>{t("privacy")}</p>
      </InfoSection>
    </InfoPage>
  );
}
