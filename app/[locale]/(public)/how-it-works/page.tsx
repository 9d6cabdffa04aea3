import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InfoPage, InfoSection } from "@/components/site/info-page";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site.howItWorks" });
  return pageMetadata(locale, "/how-it-works", { title: t("title") });
}

// The rules of docs/domain.md, told for the public: candidature deadline, formal
// candidatures, the forums, the hearing (equal time, questions, the verifiable draw, costs).
export default async function HowItWorksPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "site.howItWorks" });
  const link = "text-brand-800 underline underline-offset-4";
  return (
    <InfoPage title={t("title")} intro={t("intro")} testId="site-how-it-works">
      <InfoSection id="candidatures" title={t("candidaturesTitle")}>
        <p>{t("deadline")}</p>
        <p>{t("formal")}</p>
      </InfoSection>
      <InfoSection id="forum" title={t("forumTitle")}>
        <p>{t("forum")}</p>
        <p>{t("forumFair")}</p>
      </InfoSection>
      <InfoSection id="hearing" title={t("hearingTitle")}>
        <p>{t("hearing")}</p>
        <p>{t("equalTime")}</p>
        <p>{t("questions")}</p>
      </InfoSection>
      <InfoSection id="draw" title={t("drawTitle")}>
        <p>{t("draw")}</p>
        <ul className="list-disc space-y-1 ps-6">
          <li>
            <Link href="/hearing/draw-specification" className={link}>
              {t("drawSpecLink")}
            </Link>
          </li>
          <li>
            <Link href="/hearing/verify" className={link}>
              {t("verifyLink")}
            </Link>
          </li>
        </ul>
      </InfoSection>
      <InfoSection id="costs" title={t("costsTitle")}>
        <p>{t("costs")}</p>
      </InfoSection>
    </InfoPage>
  );
}
