import { getTranslations } from "next-intl/server";
import { LiveUpgrade } from "@/components/hearing/live-upgrade";
import { LocalLink } from "@/components/site/local-link";
import { formatInstant, zoneLabel } from "@/lib/time/format";

type Status = "SCHEDULED" | "LIVE" | "ENDED";

type Props = { locale: string; hearingId: string; status: Status; startsAt: string; zone: string; href: string };

const BOX: Record<Status, string> = {
  SCHEDULED: "border-brand-700 bg-brand-50",
  LIVE: "border-rose-800 bg-rose-50",
  ENDED: "border-slate-600 bg-slate-50",
};

/**
 * The hearing on the conference's home page, where it stands and the way to it: the date before
 * it, "live now" while it runs (in the browser too when the cached page predates the start),
 * the record after it (docs/hearing-page.md).
 */
export async function HearingCallout(props: Props) {
  const box = await Callout(props);
  if (props.status !== "SCHEDULED") return box;
  return (
    <LiveUpgrade hearingId={props.hearingId} live={await Callout({ ...props, status: "LIVE" })}>
      {box}
    </LiveUpgrade>
  );
}

async function Callout({ locale, status, startsAt, zone, href }: Props) {
  const t = await getTranslations({ locale, namespace: "home.hearingCallout" });
  const time = await getTranslations({ locale, namespace: "time" });
  const when = time("conferenceZone", { time: formatInstant(locale, startsAt, zone), zone: zoneLabel(locale, zone, startsAt) });
  return (
    <section aria-labelledby="hearing-callout" className={`callout ${BOX[status]}`} data-testid="hearing-callout" data-status={status}>
      <h2 id="hearing-callout">
        {status === "LIVE" ? (
          <span className="live-badge">
            <span aria-hidden="true" className="live-dot" />
            {t("liveBadge")}
          </span>
        ) : null}
        <span>{t(`heading.${status}`)}</span>
      </h2>
      <p className="max-w-prose">{status === "SCHEDULED" ? t("scheduled", { when }) : t(`body.${status}`)}</p>
      <p>
        <LocalLink href={href} className={`callout-link ${status === "LIVE" ? "button-live" : "button-brand"}`} data-testid="hearing-callout-link">
          {t(`action.${status}`)}
        </LocalLink>
      </p>
    </section>
  );
}
