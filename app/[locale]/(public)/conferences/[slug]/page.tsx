import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConferenceHome } from "@/components/elections/conference-home";
import { getConferenceBySlug, requireConferenceBySlug } from "@/lib/conferences/context";
import { getConference } from "@/lib/elections/queries";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on first visit, then cached until a change revalidates its tags.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const conference = await getConferenceBySlug(slug);
  return conference ? pageMetadata(locale, `/conferences/${slug}`, { title: conference.name }) : {};
}

/** One conference's home, current or not; read-only once closed (docs/decisions/012). */
export default async function ConferencePage({ params }: Props) {
  const { slug } = await params;
  const locale = await pageLocale(params);
  const ref = await requireConferenceBySlug(slug);
  const conference = await getConference(ref.slug);
  if (!conference) notFound();
  // Its client islands (the countdowns, the reader's own time) say only these (docs/decisions/036-page-weight.md).
  return (
    <ClientMessages locale={locale} namespaces={["time"]}>
      <ConferenceHome conference={conference} locale={locale} base={`/conferences/${ref.slug}`} closedAt={ref.closedAt} />
    </ClientMessages>
  );
}
