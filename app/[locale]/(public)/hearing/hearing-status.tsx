import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LiveUpgrade } from "@/components/hearing/live-upgrade";
import { ReaderTime } from "@/components/time/local-time";
import type { PublicHearingStatus } from "@/lib/hearings/public-status";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant, zoneLabel } from "@/lib/time/format";

const BADGE: Record<PublicHearingStatus, string> = {
  scheduled: "bg-slate-200 text-slate-900",
  live: "bg-rose-800 text-white",
  ended: "bg-slate-700 text-white",
  recording: "bg-emerald-800 text-white",
};

const PRIMARY =
  "inline-flex min-h-11 items-center justify-center rounded bg-brand-700 px-4 py-2 font-semibold text-white shadow-[0_2px_0_#04223d] hover:bg-brand-800";
const SECONDARY =
  "inline-flex min-h-11 items-center justify-center rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-slate-100";

type Props = {
  locale: string;
  status: PublicHearingStatus;
  hearingId: string;
  startsAt: string;
  zone: string;
  venue: string | null;
  /** The hearing's own pages' suffix ("" for the current conference's, "/<id>" otherwise). */
  suffix: string;
};

/**
 * The top of the hearing's page (docs/hearing-page.md): where the hearing stands and the next
 * thing a visitor can do. Rendered from the cached page's data; a page cached before the start
 * turns to "live" in the browser as soon as /api/live says so.
 */
export async function HearingStatus(props: Props) {
  const panel = await StatusPanel(props);
  if (props.status !== "scheduled") return panel;
  return (
    <LiveUpgrade hearingId={props.hearingId} live={await StatusPanel({ ...props, status: "live" })}>
      {panel}
    </LiveUpgrade>
  );
}

async function StatusPanel({ locale, status, hearingId, startsAt, zone, venue, suffix }: Props) {
  const t = await getTranslations({ locale, namespace: "hearingPublic.status" });
  const time = await getTranslations({ locale, namespace: "time" });
  const when = time("conferenceZone", { time: formatInstant(locale, startsAt, zone), zone: zoneLabel(locale, zone, startsAt) });
  let actions: ReactNode;
  switch (status) {
    case "scheduled":
      actions = (
        <>
          <a href={`/api/hearings/${encodeURIComponent(hearingId)}/calendar.ics?locale=${locale}`} download className={PRIMARY} data-testid="hearing-calendar">
            {t("addToCalendar")}
          </a>
          <a href="#live-heading" className={SECONDARY}>
            {t("askAhead")}
          </a>
        </>
      );
      break;
    case "live":
      actions = (
        <>
          <a href="#webcast-stream" className={PRIMARY}>
            {t("watchNow")}
          </a>
          <a href="#live-heading" className={SECONDARY}>
            {t("followLive")}
          </a>
        </>
      );
      break;
    case "ended":
    case "recording":
      actions = (
        <>
          {status === "recording" ? (
            <a href="#webcast-stream" className={PRIMARY}>
              {t("watchRecording")}
            </a>
          ) : null}
          <a href="#record-heading" className={status === "recording" ? SECONDARY : PRIMARY}>
            {t("readRecord")}
          </a>
          <Link href={`/hearing/verify${suffix}`} className={SECONDARY}>
            {t("checkDraws")}
          </Link>
          <Link href={`/hearing/parity${suffix}`} className={SECONDARY}>
            {t("parity")}
          </Link>
        </>
      );
      break;
  }

  return (
    <section aria-labelledby="hearing-status-heading" className="space-y-3 border-s-8 border-brand-700 bg-brand-50 p-4 sm:p-6" data-testid="hearing-status">
      <h2 id="hearing-status-heading" className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
        <span className={`inline-flex items-center gap-2 rounded px-3 py-1 text-base font-bold ${BADGE[status]}`} data-testid="hearing-status-badge">
          {status === "live" ? <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-white" /> : null}
          {t(`badge.${status}`)}
        </span>
        <span>{t(`heading.${status}`)}</span>
      </h2>
      {status === "scheduled" ? (
        <p data-testid="webcast-starts">
          <time dateTime={startsAt} className="font-semibold">
            {t("startsAt", { when })}
          </time>
          <ReaderTime iso={startsAt} conferenceZone={zone} />
        </p>
      ) : null}
      {status === "scheduled" && venue ? <p>{t("venue", { venue })}</p> : null}
      <p className="max-w-prose">{t(`help.${status}`)}</p>
      <p className="flex flex-col gap-3 sm:flex-row sm:flex-wrap" data-testid="hearing-next-actions">
        {actions}
      </p>
    </section>
  );
}
