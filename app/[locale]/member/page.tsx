import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReaderTime } from "@/components/time/local-time";
import { requireArea } from "@/lib/auth/area";
import { getCachedPublicHearingId } from "@/lib/hearings/after-queries";
import { getCachedWebcastView } from "@/lib/hearings/webcast";
import { mayFollowWebcast } from "@/lib/hearings/webcast-rules";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { formatInstant, zoneLabel } from "@/lib/time/format";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "areas.member" });
  return { title: t("title") };
}

/**
 * The members' area: the current conference's hearing (docs/decisions/012), when and where,
 * whether the member may follow its webcast (docs/domain.md#webcast-access), its running
 * order, and the hearing as a calendar file. The webcast itself plays on the hearing's page.
 */
export default async function MemberPage({ params }: Props) {
  const locale = await pageLocale(params);
  const user = await requireArea(locale, "enter:member-area:any", "/member");
  const t = await getTranslations({ locale, namespace: "areas.member" });
  const hearingId = await getCachedPublicHearingId();
  const view = hearingId ? await getCachedWebcastView(hearingId) : null;
  const number = new Intl.NumberFormat(locale);

  return (
    <section aria-labelledby="area-title" className="space-y-8">
      <div className="space-y-3">
        <h1 id="area-title" className="text-3xl font-bold">
          {t("title")}
        </h1>
        <p className="max-w-prose">{t("intro")}</p>
      </div>
      {!view ? (
        <p data-testid="member-no-hearing">{t("noHearing")}</p>
      ) : (
        (() => {
          const zone = view.timeZone;
          const at = (iso: string) => `${formatInstant(locale, iso, zone)} (${zoneLabel(locale, zone, iso)})`;
          const hasWebcast = view.webcastKind !== "NONE" && Boolean(view.webcastSource);
          const mayWatch = mayFollowWebcast(view.webcastAccess, user);
          return (
            <>
              <section aria-labelledby="member-hearing" className="space-y-2" data-testid="member-hearing">
                <h2 id="member-hearing" className="text-2xl font-semibold">
                  {t("hearingHeading", { conference: view.conferenceName })}
                </h2>
                <p>{t("status", { status: view.status })}</p>
                <p>
                  {t("startsAt", { at: at(view.startsAt) })}
                  <ReaderTime iso={view.startsAt} conferenceZone={zone} />
                </p>
                {view.venue ? <p>{t("venue", { venue: view.venue })}</p> : null}
                <p className="pt-2">
                  <a
                    href={`/api/hearings/${encodeURIComponent(view.hearingId)}/calendar.ics?locale=${locale}`}
                    download
                    data-testid="member-calendar"
                    className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
                  >
                    {t("calendar")}
                  </a>
                </p>
                <p className="max-w-prose text-sm text-slate-700">{t("calendarHint")}</p>
              </section>

              <section aria-labelledby="member-webcast" className="space-y-2" data-testid="member-webcast">
                <h2 id="member-webcast" className="text-2xl font-semibold">
                  {t("webcastHeading")}
                </h2>
                {!hasWebcast ? (
                  <p>{t("noWebcast")}</p>
                ) : mayWatch ? (
                  <>
                    {view.webcastAccess === "MEMBERS" ? <p>{t("webcastMembersOnly")}</p> : null}
                    <p>
                      <Link href={`/hearing/${view.hearingId}`} className="text-brand-700 underline underline-offset-4">
                        {t("watch")}
                      </Link>
                    </p>
                  </>
                ) : (
                  <p>{t("webcastNotAllowed")}</p>
                )}
              </section>

              <section aria-labelledby="member-schedule" className="space-y-2">
                <h2 id="member-schedule" className="text-2xl font-semibold">
                  {t("scheduleHeading")}
                </h2>
                {view.slots.length === 0 || view.slots.every((s) => s.position === null) ? (
                  <p>{t("notDrawn")}</p>
                ) : (
                  <ol className="space-y-2" data-testid="member-schedule">
                    {view.slots
                      .filter((s) => s.position !== null)
                      .map((s) => (
                        <li key={s.candidateId} className="rounded border border-slate-200 p-3">
                          <p className="font-medium" dir="auto">
                            {t("orderItem", { position: number.format(s.position ?? 0), name: s.name })}
                          </p>
                          {s.plannedStart ? (
                            <p className="text-sm">
                              {t("plannedAt", { at: at(s.plannedStart) })}
                              <ReaderTime iso={s.plannedStart} conferenceZone={zone} />
                            </p>
                          ) : null}
                        </li>
                      ))}
                  </ol>
                )}
              </section>
            </>
          );
        })()
      )}
    </section>
  );
}
