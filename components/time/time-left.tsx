"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Time left until `iso`, counted in the browser (the page itself is cached). */
export function TimeLeft({ iso }: { iso: string }) {
  const t = useTranslations("time");
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  const left = new Date(iso).getTime() - now;
  if (left <= 0) return <span className="text-sm text-slate-700">{t("passed")}</span>;
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  return (
    <span className="text-sm font-medium text-brand-800">
      {t("timeLeft", { days: t("days", { count: days }), hours: t("hours", { count: hours }) })}
    </span>
  );
}
