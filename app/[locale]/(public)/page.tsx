import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConferenceHome } from "@/components/elections/conference-home";
import { getCurrentConference } from "@/lib/conferences/context";
import { getConference } from "@/lib/elections/queries";
import { Link } from "@/lib/i18n/navigation";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "nav" });
  return pageMetadata(locale, "", { title: t("home") });
}

/** The current conference, chosen by the secretariat (docs/decisions/012). */
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = await pageLocale(params);
  const current = await getCurrentConference();
  const conference = current ? await getConference(current.slug) : null;
  if (!current || !conference) {
    const t = await getTranslations({ locale, namespace: "conferences" });
    return (
      <section aria-labelledby="no-conference" className="space-y-3">
        <h1 id="no-conference" className="text-3xl font-bold">
          {t("noneYetTitle")}
        </h1>
        <p className="max-w-prose">{t("noneYetBody")}</p>
        <p>
          <Link href="/conferences" className="font-medium link">
            {t("archiveLink")}
          </Link>
        </p>
      </section>
    );
  }
  // Its client islands (the countdowns, the reader's own time) say only these (docs/decisions/036-page-weight.md).
  return (
    <ClientMessages locale={locale} namespaces={["time.yourZone", "time.days", "time.hours", "time.timeLeft", "time.passed"]}>
      <ConferenceHome conference={conference} locale={locale} base="" closedAt={current.closedAt} />
    </ClientMessages>
  );
}
