"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Link } from "@/lib/i18n/navigation";

/**
 * When the console itself cannot be shown (the database out of reach while it renders), the
 * chair keeps the area's frame and a way back: try again, the console's address, the room's
 * screen and the public webcast page. The hearing is not affected by a page that failed.
 */
export default function ChairError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("hearingLive.consoleError");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="chair-error-title" className="max-w-prose space-y-4" data-testid="chair-error">
      <h1 id="chair-error-title" ref={heading} tabIndex={-1} className="text-2xl font-bold outline-none focus-visible:outline-2">
        {t("title")}
      </h1>
      <p>{t("body")}</p>
      <p>{t("safe")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2"
          data-testid="chair-error-retry"
        >
          {t("retry")}
        </button>
        <Link href="/chair" className="text-brand-700 underline underline-offset-4">
          {t("console")}
        </Link>
        <Link href="/hearing" className="text-brand-700 underline underline-offset-4">
          {t("webcast")}
        </Link>
      </div>
    </section>
  );
}
