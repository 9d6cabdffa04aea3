import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InfoPage, InfoSection } from "@/components/site/info-page";

import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site.accessibility" });
  return pageMetadata(locale, "/accessibility", { title: t("title") });
}

// The WCAG 2.1 AA target (docs/domain.md#languages), how it is tested, its known limits.
export default async function AccessibilityPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "site.accessibility" });
  return (
    <InfoPage title={t("title")} intro={t("intro")} testId="site-accessibility">
      <InfoSection id="tested" title={t("testedTitle")}>
        <p>{t("tested")}</p>
      </InfoSection>
      <InfoSection id="limits" title={t("limitsTitle")}>
        <p>{t("limits")}</p>
      </InfoSection>
      <InfoSection id="report" title={t("reportTitle")}>
        <p>{t("report")}</p>
      </InfoSection>
    </InfoPage>
  );
}
