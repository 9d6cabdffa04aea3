import { getTranslations } from "next-intl/server";
import { Honeypot } from "@/components/forms/visitor-field";
import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { FORUM_LIMITS } from "@/lib/forum/schema";
import { LocalLink } from "@/components/site/local-link";
import { pagesToShow } from "./pages";
import { VisitorLine, VisitorParagraphs } from "./visitor-text";

/** A published question as the public page receives it (instants as ISO strings: it comes through the cache). */
export type PublishedQuestion = {
  id: string;
  /** Published, then withdrawn by the candidate: shown as such, without text (lib/forum/queries.ts). */
  withdrawn: boolean;
  askerName: string;
  askerCountry: string | null;
  askerAffiliation: string | null;
  body: string;
  answer: string | null;
  answeredAt: string | null;
  publishedAt: string;
  /** Visitors' supports (docs/decisions/049-forum-support-and-follow.md). */
  supports: number;
};

export type PublishedPage = { items: PublishedQuestion[]; page: number; pageCount: number; total: number };

function day(locale: string, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(new Date(iso));
}

/** The public's view of one forum page: published questions, answered ones first, then the withdrawn ones, marked. */
export async function PublishedQuestions({
  forum,
  locale,
  timeZone,
  pageHref,
  supportOpen = false,
}: {
  forum: PublishedPage;
  locale: string;
  timeZone: string;
  /** Link to a page of this list (1-based). */
  pageHref: (page: number) => string;
  /** Whether each question has its support button (the forum takes questions); its count is always shown. */
  supportOpen?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "forum.list" });
  const support = await getTranslations({ locale, namespace: "forumSupport.list" });
  if (forum.total === 0) return <p data-testid="forum-none">{t("none")}</p>;
  const first = (forum.page - 1) * FORUM_LIMITS.pageSize + 1;
  return (
    <div className="space-y-4">
      <ol start={first} data-testid="forum-published" className="space-y-4">
        {forum.items.map((q) =>
          q.withdrawn ? (
            <li key={q.id} data-testid="forum-question-withdrawn" className="min-w-0 rounded border border-dashed border-slate-400 p-4 text-slate-700">
              {t("withdrawn", { date: day(locale, q.publishedAt, timeZone) })}
            </li>
          ) : (
            <li key={q.id} data-testid="forum-question" className="question">
              <p className="muted">
                <span className="font-semibold text-slate-900">{t("from")} </span>
                <VisitorLine text={q.askerName} testId="question-asker" />
                {q.askerCountry ? (
                  <>
                    {" · "}
                    <VisitorLine text={q.askerCountry} testId="question-country" />
                  </>
                ) : null}
                {q.askerAffiliation ? (
                  <>
                    {" · "}
                    <VisitorLine text={q.askerAffiliation} testId="question-affiliation" />
                  </>
                ) : null}
                <span className="block">{t("publishedOn", { date: day(locale, q.publishedAt, timeZone) })}</span>
              </p>
              <VisitorParagraphs text={q.body} testId="question-body" className="text-lg" />
              {q.answer ? (
                <div className="answer">
                  <p className="font-semibold">
                    {t("answer")}
                    {q.answeredAt ? (
                      <span className="font-normal text-slate-700"> · {t("answeredOn", { date: day(locale, q.answeredAt, timeZone) })}</span>
                    ) : null}
                  </p>
                  <VisitorParagraphs text={q.answer} testId="question-answer" />
                </div>
              ) : (
                <p className="muted italic">{t("notAnswered")}</p>
              )}
              <SupportLine
                id={q.id}
                open={supportOpen}
                locale={locale}
                text={{
                  count: support("supports", { count: q.supports }),
                  button: support("support"),
                  forWhom: support("supportFor", { name: q.askerName }),
                  honeypot: support("honeypot"),
                }}
              />
            </li>
          ),
        )}
      </ol>
      {forum.pageCount > 1 ? (
        <ForumPagination page={forum.page} pageCount={forum.pageCount} pageHref={pageHref} label={t("pagination")} locale={locale} />
      ) : null}
    </div>
  );
}

/**
 * A question's supports and, while the forum takes questions, a plain form that supports it
 * (app/api/forum/support/route.ts): it works without script and changes nothing on this cached
 * page, whose count the support refreshes (docs/decisions/049-forum-support-and-follow.md).
 */
function SupportLine({
  id,
  open,
  locale,
  text,
}: {
  id: string;
  open: boolean;
  locale: string;
  text: { count: string; button: string; forWhom: string; honeypot: string };
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <p data-testid="question-supports">{text.count}</p>
      {open ? (
        <form method="post" action={`/api/forum/support?locale=${locale}`} className="relative" data-testid="support-form">
          <input type="hidden" name="questionId" value={id} />
          <Honeypot id={`support-${id}-${HONEYPOT_FIELD}`} field={HONEYPOT_FIELD} label={text.honeypot} />
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 font-medium text-brand-700 hover:bg-brand-50">
            {text.button}
            <span className="sr-only"> {text.forWhom}</span>
          </button>
        </form>
      ) : null}
    </div>
  );
}

async function ForumPagination({
  page,
  pageCount,
  pageHref,
  label,
  locale,
}: {
  page: number;
  pageCount: number;
  pageHref: (page: number) => string;
  label: string;
  locale: string;
}) {
  const t = await getTranslations({ locale, namespace: "forum.list" });
  const number = new Intl.NumberFormat(locale);
  const link = "inline-block min-w-10 rounded border border-slate-400 px-3 py-1 text-center link hover:bg-slate-50";
  return (
    <nav aria-label={label} data-testid="forum-pagination">
      <p className="mb-2 text-sm text-slate-700">{t("pageOf", { page, count: pageCount })}</p>
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <LocalLink href={pageHref(page - 1)} rel="prev" className={link}>
              {t("previous")}
            </LocalLink>
          </li>
        ) : null}
        {pagesToShow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className="inline-block min-w-10 rounded border-2 border-slate-900 px-3 py-1 text-center font-semibold">
                  <span className="sr-only">{t("page", { page: p })}</span>
                  <span aria-hidden="true">{number.format(p)}</span>
                </span>
              ) : (
                <LocalLink href={pageHref(p)} className={link} aria-label={t("page", { page: p })}>
                  {number.format(p)}
                </LocalLink>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <LocalLink href={pageHref(page + 1)} rel="next" className={link}>
              {t("next")}
            </LocalLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
