import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionnaireIndex } from "@/components/questionnaire/questionnaire-view";
import { getCurrentConference } from "@/lib/conferences/context";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "questionnaire" });
  return pageMetadata(locale, "/questionnaire", { title: t("title") });
}

/** The current conference's common questionnaire (docs/decisions/012); any conference's is under /conferences/[slug]/questionnaire. */
export default async function QuestionnairePage({ params }: Props) {
  const locale = await pageLocale(params);
  const conference = await getCurrentConference();
  if (!conference) redirect(`/${locale}/conferences`);
  return <QuestionnaireIndex conference={conference} locale={locale} base="" />;
}
