import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { WebcastView } from "./webcast-view";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "hearingLive.webcast" });
  return pageMetadata(locale, "/hearing", { title: t("title") });
}

/** The current conference's hearing (docs/decisions/012); cached, revalidated by TAGS.hearings (see WebcastView). */
export default async function Page({ params }: Props) {
  const locale = await pageLocale(params);
  return <WebcastView locale={locale} />;
}
