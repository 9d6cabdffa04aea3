import { getTranslations } from "next-intl/server";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { AskLink } from "./ask-link";
import { askHref, ForumClosed } from "./forum-closed";
import { ForumCounts, type Counts } from "./forum-counts";
import { PublishedQuestions, type PublishedPage } from "./published-questions";
import { LocalLink } from "@/components/site/local-link";

/**
 * How many published questions the candidate's page shows, in the forum's order (answered ones
 * first): the rest are a link away, on the forum's own pages (docs/decisions/036-page-weight.md).
 */
export const FIRST_SECTION = 5;

/** Whether the forum took questions when the page was rendered (the form re-checks the clock). */
export type WindowView = { open: true; closesAt: string } | { open: false; reasonKey: string; values?: Record<string, string> };

/** The forum on a candidate's public page: its numbers, a link to ask, the first published questions, open data. */
export async function ForumSection({
  candidateId,
  candidateName,
  locale,
  timeZone,
  counts,
  window,
  forum,
  fullListHref,
}: {
  candidateId: string;
  candidateName: string;
  locale: string;
  timeZone: string;
  counts: Counts;
  window: WindowView;
  /** The forum's first page. */
  forum: PublishedPage;
  /** The forum's own first page, where every published question is listed. */
  fullListHref: string;
}) {
  const t = await getTranslations({ locale, namespace: "forum" });
  const all = await getTranslations({ locale, namespace: "forumFirstSection" });
  const ask = await getTranslations({ locale, namespace: "forumAsk" });
  const firstSection: PublishedPage = { ...forum, items: forum.items.slice(0, FIRST_SECTION), page: 1, pageCount: 1 };
  const exportHref = (format: "csv" | "json") => `/api/forum/export?format=${format}&candidate=${encodeURIComponent(candidateId)}`;
  return (
    <section aria-labelledby="forum" className="min-w-0 space-y-6" data-testid="forum-section">
      <div className="space-y-2">
        <h2 id="forum" className="heading">
          {t("section.heading")}
        </h2>
        <p className="max-w-prose">{t("section.intro", { name: candidateName })}</p>
      </div>
      <ForumCounts counts={counts} locale={locale} />

      {/* The ask form is a page of its own, one link away: most visitors read and never ask,
          and the form was a third of this section (docs/decisions/036-page-weight.md). */}
      <div className="space-y-3">
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
      </div>

      <div className="space-y-3">
        <h3 id="published-questions" className="subheading">
          {t("list.heading")}
        </h3>
        <PublishedQuestions forum={firstSection} locale={locale} timeZone={timeZone} pageHref={() => fullListHref} />
        {forum.total > FIRST_SECTION ? (
          <p>
            <LocalLink href={fullListHref} className="link" data-testid="forum-full-list">
              {all("all", { count: forum.total })}
            </LocalLink>
          </p>
        ) : null}
      </div>

      <ExportLinks locale={locale} csv={exportHref("csv")} json={exportHref("json")} />
    </section>
  );
}

/** Open data: the published questions and answers, never an e-mail address. */
export async function ExportLinks({ locale, csv, json, heading = "h3" }: { locale: string; csv: string; json: string; heading?: "h2" | "h3" }) {
  const t = await getTranslations({ locale, namespace: "forum.export" });
  const Heading = heading;
  return (
    <div className="space-y-2">
      <Heading className={heading === "h2" ? "heading" : "subheading"}>{t("heading")}</Heading>
      <p className="max-w-prose muted">{t("help")}</p>
      <ul className="inline-list" data-testid="forum-export">
        <li>
          <a href={csv} download className="link">
            {t("csv")}
          </a>
        </li>
        <li>
          <a href={json} download className="link">
            {t("json")}
          </a>
        </li>
      </ul>
    </div>
  );
}
