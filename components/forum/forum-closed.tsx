import { getTranslations } from "next-intl/server";
import type { WindowView } from "./forum-section";

/** The ask page's address (app/[locale]/(public)/candidates/[id]/ask), after the locale. */
export const askHref = (candidateId: string) => `/candidates/${candidateId}/ask`;

/** Why the forum takes no questions, as the server saw it when the page was rendered. */
export async function ForumClosed({ locale, window }: { locale: string; window: Extract<WindowView, { open: false }> }) {
  const t = await getTranslations({ locale, namespace: "forum" });
  return (
    <p data-testid="forum-closed" className="rounded border border-slate-400 bg-slate-50 p-3">
      {t(window.reasonKey.replace(/^forum\./, "") as never, window.values as never)}
    </p>
  );
}
