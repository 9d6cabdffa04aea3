"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/**
 * What becomes public if a question is taken, said beside the send button before anything is
 * sent, with a link to the privacy notice (app/[locale]/(public)/privacy). The button names
 * it with aria-describedby, so a screen reader hears it on the button too.
 */
export function PrivacyNotice({ id, kind }: { id: string; kind: "forum" | "hearing" }) {
  const t = useTranslations("site.notice");
  return (
    <p id={id} data-testid="privacy-notice" className="text-sm text-slate-700">
      {t.rich(kind, {
        link: (chunks) => (
          <Link href="/privacy" className="text-brand-800 underline underline-offset-4">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}
