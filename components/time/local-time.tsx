"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { humanZone } from "@/lib/time/zone-name";

const subscribe = () => () => {};

/** The reader's own time zone, known only in the browser (null while rendering on the server). */
function useReaderZone(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

/** An instant in the reader's zone; rendered only in the browser, where the zone is known. */
export function ReaderTime({ iso, conferenceZone }: { iso: string; conferenceZone: string }) {
  const locale = useLocale();
  const t = useTranslations("time");
  const zone = useReaderZone();
  if (!zone || zone === conferenceZone) return null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: zone }).format(new Date(iso));
  return <span className="block text-sm text-slate-700">{t("yourZone", { time, zone: humanZone(locale, zone, iso) })}</span>;
}
