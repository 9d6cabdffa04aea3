import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocalLink } from "@/components/site/local-link";
import { VisitorParagraphs } from "@/components/forum/visitor-text";
import { getForumWindow, getSupportView } from "@/lib/forum/queries";
import { supportResultOf } from "@/lib/forum/support-rules";
import { pageLocale } from "@/lib/i18n/page-locale";

// What became of a visitor's support (docs/decisions/049-forum-support-and-follow.md): the
// support route (app/api/forum/support/route.ts) answers with a redirect here, whatever the
// outcome, so that a form posted without script lands on a page in the visitor's language
// with the question's count as it is now. Rendered per request, never cached (proxy.ts).

export const dynamic = "force-dynamic";

const ID = /^[a-z0-9][a-z0-9-]{19,39}$/;

export async function generateMetadata({ params }: PageProps<"/[locale]/support/[questionId]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "forumSupport.page" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SupportOutcomePage({ params, searchParams }: PageProps<"/[locale]/support/[questionId]">) {
  const locale = await pageLocale(params);
  const { questionId } = await params;
  const query = await searchParams;
  const result = supportResultOf(query.result) ?? "unavailable";
  const minutes = Math.max(1, Math.min(24 * 60, Number(query.minutes) || 1));
  const view = ID.test(questionId) ? await getSupportView(questionId) : null;
  const t = await getTranslations({ locale, namespace: "forumSupport.page" });
  const forum = await getTranslations({ locale, namespace: "forum" });
  let message: string;
  if (result === "closed" && view) {
    const window = await getForumWindow(view.candidateId);
    const reason = window && !window.open ? forum(window.reasonKey.replace(/^forum\./, "") as never, window.values as never) : "";
    message = t("closed", { reason });
  } else if (result === "limited") message = t("limited", { minutes });
  else if (result === "supported" || result === "already" || result === "busy") message = t(result);
  else message = t("unavailable");
  const good = result === "supported";
  return (
    <article className="mx-auto max-w-2xl space-y-6" aria-labelledby="support-title">
      <h1 id="support-title" className="page-title">
        {t("title")}
      </h1>
      <p
        role={good ? "status" : "alert"}
        data-testid="support-outcome"
        data-result={result}
        className={
          good ? "rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950" : "rounded border border-amber-300 bg-amber-50 p-3 text-amber-950"
        }
      >
        {message}
      </p>
      {view ? (
        <>
          <div className="question space-y-2">
            <p className="muted font-semibold">{t("question", { name: view.askerName })}</p>
            <VisitorParagraphs text={view.body} className="text-lg" />
            <p data-testid="support-count" className="font-semibold">
              {t("count", { count: view.supports })}
            </p>
          </div>
          <ul className="space-y-2">
            <li>
              <LocalLink href={`/candidates/${view.candidateId}/forum/1`} className="link">
                {t("back", { name: view.candidateName })}
              </LocalLink>
            </li>
            <li>
              <LocalLink href={`/candidates/${view.candidateId}/forum/supported/1`} className="link">
                {t("mostSupported")}
              </LocalLink>
            </li>
          </ul>
        </>
      ) : null}
    </article>
  );
}
