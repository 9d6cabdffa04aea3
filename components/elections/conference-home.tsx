import { getTranslations } from "next-intl/server";
import { HearingCallout } from "@/components/elections/hearing-callout";
import { KeyDate } from "@/components/elections/key-date";
import { LiveUpgrade } from "@/components/hearing/live-upgrade";
import type { ConferenceView } from "@/lib/elections/queries";
import { postName } from "@/lib/elections/post-name";
import { LocalLink } from "@/components/site/local-link";
import { TimeLeft } from "@/components/time/time-left";
import { formatCalendarDate, formatInstant } from "@/lib/time/format";
import { calendarDate, zonedWallTimeToUtc } from "@/lib/time/zones";

function startOfDay(date: string, timeZone: string): string {
  return zonedWallTimeToUtc({ ...calendarDate(date), hour: 0, minute: 0 }, timeZone).toISOString();
}

/**
 * A conference's home: the current one at the site's root, any one under
 * /conferences/[slug] (docs/decisions/012). `base` is where its posts and hearing are.
 */
export async function ConferenceHome({
  conference,
  locale,
  base,
  closedAt,
}: {
  conference: ConferenceView;
  locale: string;
  /** "" for the current conference's unprefixed URLs, else "/conferences/<slug>". */
  base: string;
  closedAt: string | null;
}) {
  const t = await getTranslations({ locale, namespace: "home" });
  const archive = await getTranslations({ locale, namespace: "conferences" });
  const zone = conference.timeZone;
  const { deadline, hearing } = conference;
  const hearingHref = hearing ? (base ? `/hearing/${hearing.id}` : "/hearing") : "";
  // Once the hearing has begun, a countdown means nothing: say where it stands instead.
  const hearingState = (status: "LIVE" | "ENDED") => (
    <span className={`text-sm font-semibold ${status === "LIVE" ? "text-rose-800" : "text-slate-800"}`} data-testid="hearing-key-state">
      {t(`hearingState.${status}`)}
    </span>
  );

  return (
    <div className="space-y-8">
      {closedAt ? (
        <p role="note" className="rounded border border-slate-400 bg-slate-50 p-4" data-testid="conference-closed">
          {archive("closedNotice", { date: formatInstant(locale, closedAt, conference.timeZone) })}
        </p>
      ) : null}
      <section aria-labelledby="conference-title" className="space-y-2">
        <h1 id="conference-title" className="page-title">
          {t("title", { conference: conference.name, city: conference.city })}
        </h1>
        <p className="text-lg">
          {t("dates", {
            opens: formatCalendarDate(locale, conference.opensOn),
            closes: formatCalendarDate(locale, conference.closesOn),
          })}
        </p>
        <p className="max-w-prose text-slate-700">{t("intro")}</p>
        <p>
          <LocalLink href={`${base}/posts`} className="tall-link">
            {t("browsePosts")}
          </LocalLink>
        </p>
      </section>

      {hearing ? (
        <HearingCallout locale={locale} hearingId={hearing.id} status={hearing.status} startsAt={hearing.startsAt} zone={zone} href={hearingHref} />
      ) : null}

      <section aria-labelledby="key-dates" className="space-y-4">
        <h2 id="key-dates" className="heading">
          {t("keyDates")}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2">
          <KeyDate
            label={t("deadline")}
            iso={deadline.at}
            zone={zone}
            rule={
              deadline.source === "OVERRIDE"
                ? t("deadlineOverridden", {
                    computed: formatInstant(locale, deadline.computed, zone),
                    reason: deadline.reason ?? "",
                  })
                : t("deadlineRule")
            }
          />
          {hearing ? (
            <KeyDate
              label={t("hearing")}
              iso={hearing.startsAt}
              zone={zone}
              rule={`${t("hearingRule")} ${t("hearingSlots", { presentation: hearing.presentationMinutes, qa: hearing.qaMinutes })}`}
              state={
                hearing.status === "SCHEDULED" ? (
                  <LiveUpgrade hearingId={hearing.id} live={hearingState("LIVE")}>
                    <TimeLeft iso={hearing.startsAt} />
                  </LiveUpgrade>
                ) : (
                  hearingState(hearing.status)
                )
              }
            />
          ) : null}
          <KeyDate label={t("opening")} iso={startOfDay(conference.opensOn, zone)} zone={zone} date={conference.opensOn} rule={t("openingRule")} />
          <KeyDate label={t("closing")} iso={startOfDay(conference.closesOn, zone)} zone={zone} date={conference.closesOn} rule={t("closingRule")} />
        </ol>
      </section>

      {hearing ? (
        <section aria-labelledby="running-order" className="space-y-3">
          <h2 id="running-order" className="heading">
            {t("runningOrderHeading")}
          </h2>
          <p className="max-w-prose muted">{t("runningOrderIntro")}</p>
          {hearing.runningOrder.length > 0 ? (
            <ol className="running-order" data-testid="public-running-order">
              {/* Keyed by position, the slot's place in the drawn order: a shorter key than the
                  candidate's id, which the flight payload carries for each slot; the list's class
                  styles each link and post (app/globals.css). */}
              {hearing.runningOrder.map((slot, position) => (
                <li key={position}>
                  <LocalLink href={`/candidates/${slot.candidateId}`}>{slot.name}</LocalLink> <span>{`— ${postName(slot.postNames, locale)}`}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("runningOrderNotDrawn")}</p>
          )}
          <p className="text-sm">
            {t("commitment")}{" "}
            {hearing.seedHash ? (
              <code className="break-all" dir="ltr" data-testid="public-seed-hash">
                {hearing.seedHash}
              </code>
            ) : (
              t("noCommitment")
            )}
          </p>
          <p>
            <LocalLink href={hearingHref} className="font-medium link" data-testid="webcast-link">
              {t("webcastLink")}
            </LocalLink>
          </p>
        </section>
      ) : null}
    </div>
  );
}
