import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionnairePost } from "@/components/questionnaire/questionnaire-view";
import { getConferenceBySlug, requireConferenceBySlug } from "@/lib/conferences/context";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

/** A post's code (lib/elections/post-schema.ts): anything else is no page, read nowhere. */
const CODE = /^[A-Z0-9-]{1,32}$/;

type Props = { params: Promise<{ locale: string; slug: string; code: string }> };

// Rendered on first visit, then cached until a change revalidates its tags or a deadline passes (docs/decisions/047-common-questionnaire.md).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug, code } = await params;
  const t = await getTranslations({ locale, namespace: "questionnaire" });
  const conference = await getConferenceBySlug(slug);
  const title = `${t("title")} — ${code}`;
  return pageMetadata(locale, `/conferences/${slug}/questionnaire/${code}`, { title: conference ? `${title} — ${conference.name}` : title });
}

/** One post's answers in a conference's common questionnaire, current or archived (docs/decisions/012). */
export default async function ConferenceQuestionnairePostPage({ params }: Props) {
  const { slug, code } = await params;
  const locale = await pageLocale(params);
  const conference = await requireConferenceBySlug(slug);
  if (!CODE.test(code)) notFound();
  const page = await QuestionnairePost({ conference, locale, base: `/conferences/${conference.slug}`, code });
  if (!page) notFound();
  return page;
}
