import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listConferences } from "@/lib/conferences/context";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { formatCalendarDate } from "@/lib/time/format";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferences" });
  return pageMetadata(locale, "/conferences", { title: t("archiveTitle") });
}

/** The public record of every conference the portal holds, the current one first (docs/decisions/012). */
export default async function ConferencesPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "conferences" });
  const conferences = await listConferences();

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("archiveTitle")}</h1>
      <p className="max-w-prose text-slate-700">{t("archiveIntro")}</p>
      {conferences.length === 0 ? (
        <p>{t("noneYetBody")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="conference-archive">
          {conferences.map((c) => (
            <li key={c.id} className="space-y-1 rounded border border-slate-300 p-4">
              <Link href={`/conferences/${c.slug}`} className="text-lg font-medium link">
                {c.name}
              </Link>
              <p className="text-sm text-slate-700">
                {t("datesIn", { city: c.city, opens: formatCalendarDate(locale, c.opensOn), closes: formatCalendarDate(locale, c.closesOn) })}
              </p>
              {c.isCurrent || c.closedAt ? (
                <p className="text-sm font-semibold">{[c.isCurrent ? t("current") : null, c.closedAt ? t("closed") : null].filter(Boolean).join(" · ")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
