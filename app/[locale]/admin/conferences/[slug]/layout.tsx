import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { formatInstant } from "@/lib/time/format";

/** One conference's pages in the console, in the order of its work (docs/decisions/012). */
const CONFERENCE_SECTIONS = [
  { path: "", label: "conference" },
  { path: "/posts", label: "posts" },
  { path: "/candidates", label: "candidates" },
  { path: "/hearing", label: "hearing" },
  { path: "/costs", label: "costs" },
  { path: "/materials", label: "materials" },
  { path: "/forum", label: "forum" },
  { path: "/questionnaire", label: "questionnaire" },
] as const;

/**
 * Resolves the conference of the URL once for its console pages: its name, its sections,
 * and, once closed, that nothing can be changed (the services refuse it too). The admin
 * layout above has already checked the caller; each page checks again.
 */
export default async function ConferenceConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const conference = await requireConferenceBySlug(slug);
  const t = await getTranslations({ locale, namespace: "adminConferences" });
  const nav = await getTranslations({ locale, namespace: "admin.nav" });

  return (
    <div className="space-y-6">
      <div className="space-y-3 rounded border border-slate-300 bg-slate-50 p-4">
        <p className="text-lg font-semibold" data-testid="console-conference">
          {conference.name}
          {conference.isCurrent ? <span className="ms-2 text-sm font-normal">({t("current")})</span> : null}
        </p>
        <nav aria-label={t("sectionsLabel", { name: conference.name })}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {CONFERENCE_SECTIONS.map((s) => (
              <li key={s.label}>
                <Link href={`/admin/conferences/${conference.slug}${s.path}`} className="text-brand-700 underline underline-offset-4">
                  {nav(s.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {conference.closedAt ? (
          <p role="note" className="rounded border border-amber-600 bg-amber-50 p-3" data-testid="conference-read-only">
            {t("readOnly", { date: formatInstant(locale, conference.closedAt, conference.timeZone) })}
          </p>
        ) : null}
      </div>
      {children}
    </div>
  );
}
