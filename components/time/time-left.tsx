"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// A clock that ticks once a minute; its snapshot only changes when the minute does.
function subscribe(onTick: () => void) {
  const timer = setInterval(onTick, MINUTE);
  return () => clearInterval(timer);
}
const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;
const noClockOnServer = () => null;

/** Time left until `iso`, counted in the browser (the page itself is cached). */
export function TimeLeft({ iso }: { iso: string }) {
  const t = useTranslations("time");
  const now = useSyncExternalStore(subscribe, currentMinute, noClockOnServer);
  if (now === null) return null;
  const left = new Date(iso).getTime() - now;
  if (left <= 0) return <span className="text-sm text-slate-700">{t("passed")}</span>;
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  return <span className="text-sm font-medium text-brand-800">{t("timeLeft", { days: t("days", { count: days }), hours: t("hours", { count: hours }) })}</span>;
}
