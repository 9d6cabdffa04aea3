"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Link } from "@/lib/i18n/navigation";
import { ERROR_HOMES, type ErrorHome } from "./error-homes";

export type ErrorPageProps = {
  error: unknown;
  reset: () => void;
  /** Next's reset that also fetches the page again from the server (a server error needs it). */
  retry?: () => void;
};

const DYNAMIC_SERVER_USAGE = "DYNAMIC_SERVER_USAGE";

const BUTTON =
  "min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";
const LINK = "inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2";

/**
 * docs/conventions.md#route-handlers: what an error boundary shows, in the reader's language
 * and inside the area's frame. It says what happened in plain words and never the error's
 * message or stack (they may name internals); the digest lets the support team find the
 * server's log line.
 */
export function ErrorView({ error, reset, retry, home }: ErrorPageProps & { home: ErrorHome }) {
  // Not a failure: Next interrupts the first, cacheable render of a page that turns out to need
  // the request (`connection()`) and renders it per request instead. That signal must reach
  // Next through every boundary, as it did before there were any, or the page would be a 500.
  if (digestOf(error) === DYNAMIC_SERVER_USAGE) throw error;
  const t = useTranslations("errorPages");
  const heading = useRef<HTMLHeadingElement>(null);
  const digest = digestOf(error);
  // The page changed under the reader: say so by moving focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4" data-testid="error-page">
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold outline-none">
        {t("title")}
      </h1>
      <p className="max-w-prose">{t("body")}</p>
      {digest ? (
        <p className="text-sm text-slate-700">
          {t("reference")}{" "}
          <span dir="ltr" className="font-mono">
            {digest}
          </span>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <button type="button" onClick={() => (retry ?? reset)()} className={BUTTON}>
          {t("tryAgain")}
        </button>
        <Link href={ERROR_HOMES[home]} className={LINK}>
          {t(`home.${home}`)}
        </Link>
      </div>
    </div>
  );
}

/** The server's hash of the error (never its message), when Next gives one. */
function digestOf(error: unknown): string | null {
  if (error === null || typeof error !== "object" || !("digest" in error)) return null;
  return typeof error.digest === "string" ? error.digest : null;
}
