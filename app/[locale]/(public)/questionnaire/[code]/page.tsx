import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionnairePost } from "@/components/questionnaire/questionnaire-view";
import { getCurrentConference } from "@/lib/conferences/context";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

/** A post's code (lib/elections/post-schema.ts): anything else is no page, read nowhere. */
const CODE = /^[A-Z0-9-]{1,32}$/;

type Props = { params: Promise<{ locale: string; code: string }> };

// Rendered on first visit, then cached until a change revalidates its tags or a deadline passes (docs/decisions/047-common-questionnaire.md).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "questionnaire" });
  return pageMetadata(locale, `/questionnaire/${code}`, { title: `${t("title")} — ${code}` });
}

/** One post's answers in the current conference's common questionnaire (docs/decisions/012). */
export default async function QuestionnairePostPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { code } = await params;
  const conference = await getCurrentConference();
  if (!conference) redirect(`/${locale}/conferences`);
  if (!CODE.test(code)) notFound();
  const page = await QuestionnairePost({ conference, locale, base: "", code });
  if (!page) notFound();
  return page;
}
