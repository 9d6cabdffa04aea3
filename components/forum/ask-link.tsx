"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useClosed } from "./use-closed";

/**
 * Where the candidate's page sends a visitor to ask: the ask form has a page of its own
 * (docs/decisions/036-page-weight.md). Shown while the forum takes questions, on the reader's
 * clock too, like the form it replaces.
 */
export function AskLink({ href, label, closesAt }: { href: string; label: string; closesAt: string }) {
  const t = useTranslations("forum.ask");
  const closed = useClosed(closesAt);
  if (closed) {
    return (
      <p data-testid="forum-closed" className="rounded border border-slate-400 bg-slate-50 p-3">
        {t("closedNow")}
      </p>
    );
  }
  return (
    <Link href={href} prefetch={false} data-testid="ask-link" className="button-link">
      {label}
    </Link>
  );
}
