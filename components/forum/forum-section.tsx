import { getTranslations } from "next-intl/server";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { LocalLink } from "@/components/site/local-link";
import { AskLink } from "./ask-link";
import { askHref, ForumClosed } from "./forum-closed";
import { ForumCounts, type Counts } from "./forum-counts";

/** Whether the forum took questions when the page was rendered (the form re-checks the clock). */
export type WindowView = { open: true; closesAt: string } | { open: false; reasonKey: string; values?: Record<string, string> };

/**
 * The forum on a candidate's public page: its five numbers, a link to the published questions
 * and answers and one to ask. The questions, the numbers' explanation and the open data are on
 * the forum's own pages (/candidates/[id]/forum/1 and after), the form on the ask page: a
 * candidate's page is read first and whole, and each question was sent twice, in the markup and
 * in the flight payload (docs/decisions/036-page-weight.md).
 */
export async function ForumSection({
  candidateId,
  candidateName,
  locale,
  timeZone,
  counts,
  window,
  published,
  forumHref,
}: {
  candidateId: string;
  candidateName: string;
  locale: string;
  timeZone: string;
  counts: Counts;
  window: WindowView;
  /** How many questions the forum's pages list (published, withdrawn ones included). */
  published: number;
  /** The forum's own first page. */
  forumHref: string;
}) {
  const t = await getTranslations({ locale, namespace: "forum" });
  const all = await getTranslations({ locale, namespace: "forumFirstSection" });
  const ask = await getTranslations({ locale, namespace: "forumAsk" });
  return (
    <section aria-labelledby="forum" className="min-w-0 space-y-4" data-testid="forum-section">
      <h2 id="forum" className="heading">
        {t("section.heading")}
      </h2>
      <ForumCounts counts={counts} locale={locale} explained={false} />
      {published > 0 ? (
        <p>
          <LocalLink href={forumHref} className="link" data-testid="forum-full-list">
            {all("all", { count: published })}
          </LocalLink>
        </p>
      ) : (
        <p data-testid="forum-none">{t("list.none")}</p>
      )}
      {window.open ? (
        <>
          <p className="muted">
            {t("ask.openUntil", { time: `${formatInstant(locale, window.closesAt, timeZone)} (${zoneLabel(locale, timeZone, window.closesAt)})` })}
          </p>
          <AskLink href={askHref(candidateId)} label={ask("link", { name: candidateName })} closesAt={window.closesAt} />
        </>
      ) : (
        <ForumClosed locale={locale} window={window} />
      )}
    </section>
  );
}
