"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { useLiveHearings } from "./use-live-hearings";

/**
 * "Live now", on every page while a hearing runs (docs/hearing-page.md), except that hearing's
 * own page, which says so at its top. Fixed to the bottom of the window, so that the page does
 * not move when it appears; a spacer of the same height after the footer keeps the footer
 * readable, and the page's scroll padding keeps a focused element in sight above it. The region is polite and filled once: it is announced when the hearing goes live,
 * not on every check.
 */
export function LiveBanner() {
  const t = useTranslations("nav");
  const live = useLiveHearings();
  const pathname = usePathname();
  const bar = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  // The chair is running the hearing: a bar over the console would only cover its moves.
  const chairArea = pathname === "/chair" || pathname.startsWith("/chair/");
  const shown = chairArea ? [] : (live ?? []).filter((h) => pathname !== `/hearing/${h.hearingId}` && !(h.isCurrent && pathname === "/hearing"));
  const visible = shown.length > 0;

  useEffect(() => {
    const element = bar.current;
    if (!visible || !element) {
      setHeight(0);
      return;
    }
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);

  // Whatever takes the focus is scrolled above the bar, never under it.
  useEffect(() => {
    const root = document.documentElement;
    root.style.scrollPaddingBottom = height > 0 ? `${height}px` : "";
    return () => {
      root.style.scrollPaddingBottom = "";
    };
  }, [height]);

  return (
    <div role="status" data-testid="live-banner-region">
      {visible ? (
        <div ref={bar} className="fixed inset-x-0 bottom-0 z-40 border-t-4 border-rose-300 bg-rose-800 text-white shadow-lg" data-testid="live-banner">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 px-4 py-1">
            <span className="inline-flex items-center gap-1 rounded bg-white px-2 py-0.5 text-sm font-bold text-rose-900">
              <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-rose-700" />
              {t("liveNow")}
            </span>
            {/* One hearing (the usual case): a sentence from a tablet's width, then the link; on a phone the badge and the link say enough. Several: one link each, named by its conference, on one line while they fit. */}
            {shown.length === 1 ? <span className="hidden sm:inline">{t("liveBanner", { conference: shown[0]?.conferenceName ?? "" })}</span> : null}
            <ul className="flex flex-wrap items-center gap-x-4">
              {shown.map((h, i) => (
                // A phone shows the first (the current conference's, else the one started last).
                <li key={h.hearingId} className={i > 0 ? "hidden sm:block" : undefined}>
                  <Link
                    href={`/hearing/${h.hearingId}`}
                    className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4 hover:no-underline focus-visible:outline-white"
                    data-testid="live-banner-link"
                  >
                    {shown.length === 1 ? t("liveWatch") : t("liveWatchOf", { conference: h.conferenceName })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {height > 0 ? createPortal(<div aria-hidden="true" style={{ height }} />, document.body) : null}
    </div>
  );
}
