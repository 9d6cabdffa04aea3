import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ParityReportView } from "../parity-view";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "hearingPublic" });
  return pageMetadata(locale, "/hearing/parity", { title: t("parity.title") });
}

/** The current conference's hearing (docs/decisions/012); cached, revalidated by TAGS.hearings. */
export default async function Page({ params }: Props) {
  const locale = await pageLocale(params);
  return <ParityReportView locale={locale} />;
}
