import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuestionnaireIndex } from "@/components/questionnaire/questionnaire-view";
import { getConferenceBySlug, requireConferenceBySlug } from "@/lib/conferences/context";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on first visit, then cached until a change revalidates its tags or a deadline passes (docs/decisions/047-common-questionnaire.md).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: "questionnaire" });
  const conference = await getConferenceBySlug(slug);
  return pageMetadata(locale, `/conferences/${slug}/questionnaire`, { title: conference ? `${t("title")} — ${conference.name}` : t("title") });
}

/** The common questionnaire of one conference, current or archived (docs/decisions/012). */
export default async function ConferenceQuestionnairePage({ params }: Props) {
  const { slug } = await params;
  const locale = await pageLocale(params);
  const conference = await requireConferenceBySlug(slug);
  return <QuestionnaireIndex conference={conference} locale={locale} base={`/conferences/${conference.slug}`} />;
}
