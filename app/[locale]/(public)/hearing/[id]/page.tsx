import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { WebcastView } from "../webcast-view";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string; id: string }> };

// Rendered on first visit, then cached until a change revalidates TAGS.hearings.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "hearingLive.webcast" });
  return pageMetadata(locale, `/hearing/${id}`, { title: t("title") });
}

/** Any hearing by its id (the current conference's is also at the page without an id); its conference, zone and name are its own. */
export default async function Page({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  return <WebcastView locale={locale} requested={id} />;
}
