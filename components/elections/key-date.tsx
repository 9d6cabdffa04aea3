import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ReaderTime } from "@/components/time/local-time";
import { TimeLeft } from "@/components/time/time-left";
import { formatCalendarDate, formatInstant, zoneLabel } from "@/lib/time/format";

type Props = {
  label: string;
  /** The instant, in UTC. */
  iso: string;
  /** The conference's zone, in which the date is stated. */
  zone: string;
  /** For whole days (opening, closing): the calendar date, shown without a time. */
  date?: string;
  rule: string;
  /** Said instead of the time left, once the countdown no longer applies (a hearing under way or held). */
  state?: ReactNode;
};

export async function KeyDate({ label, iso, zone, date, rule, state }: Props) {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "time" });
  return (
    <li className="card">
      <h3 className="font-semibold">{label}</h3>
      <p>
        {date ? (
          <time dateTime={date}>{formatCalendarDate(locale, date)}</time>
        ) : (
          <time dateTime={iso}>{t("conferenceZone", { time: formatInstant(locale, iso, zone), zone: zoneLabel(locale, zone, iso) })}</time>
        )}
      </p>
      {date ? null : <ReaderTime iso={iso} conferenceZone={zone} />}
      {state ?? <TimeLeft iso={iso} />}
      <p className="mt-2 muted">{rule}</p>
    </li>
  );
}
