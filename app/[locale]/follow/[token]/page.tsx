import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalLink } from "@/components/site/local-link";
import { VisitorParagraphs } from "@/components/forum/visitor-text";
import { clientIp } from "@/lib/auth/client-ip";
import { lookUpFollowToken } from "@/lib/forum/follow";
import { pageLocale } from "@/lib/i18n/page-locale";
import { formatInstant } from "@/lib/time/format";

// The asker's private page: what became of their question (docs/decisions/049-forum-support-and-follow.md).
// Its address is the key, so it is rendered per request and kept by no cache (proxy.ts gives
// it `private, no-store`), indexed by no engine, sent to no other site as a referrer, and its
// token is kept out of the access log (lib/observability/request-id.ts). An unknown token is
// the site's not-found page; too many from one address, a wait.

export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/follow/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "forumSupport.follow" });
  return { title: t("metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function FollowPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { token } = await params;
  const lookup = await lookUpFollowToken(token, { ip: clientIp(await headers()) });
  const t = await getTranslations({ locale, namespace: "forumSupport.follow" });
  if ("unknown" in lookup) notFound();
  if ("limited" in lookup) {
    return (
      <article className="mx-auto max-w-2xl space-y-6">
        <h1 className="page-title">{t("metaTitle")}</h1>
        <p role="alert" data-testid="follow-limited" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {t("limited", { minutes: Math.ceil(lookup.limited / 60) })}
        </p>
      </article>
    );
  }
  const q = lookup.found;
  const support = await getTranslations({ locale, namespace: "forumSupport.list" });
  const when = (d: Date) => formatInstant(locale, d, q.timeZone);
  const state = q.status === "PUBLISHED" && q.answer !== null ? "ANSWERED" : q.status;
  const statusText =
    state === "ANSWERED"
      ? t("status.ANSWERED", { date: when(q.answeredAt ?? q.publishedAt ?? q.createdAt) })
      : state === "PUBLISHED"
        ? t("status.PUBLISHED", { date: when(q.publishedAt ?? q.createdAt) })
        : t(`status.${state}`);
  const reason = q.status === "DECLINED" ? q.declineReason : q.status === "WITHDRAWN" ? q.withdrawReason : null;
  return (
    <article className="mx-auto max-w-2xl space-y-6" aria-labelledby="follow-title">
      <div className="space-y-2">
        <h1 id="follow-title" className="page-title">
          {t("title", { candidate: q.candidateName })}
        </h1>
        <p className="muted">{t("private")}</p>
      </div>
      <section aria-labelledby="follow-question" className="space-y-2">
        <h2 id="follow-question" className="heading">
          {t("yourQuestion")}
        </h2>
        <p className="muted">{t("askedOn", { date: when(q.createdAt) })}</p>
        <VisitorParagraphs text={q.body} testId="follow-body" className="text-lg" />
      </section>
      <section aria-labelledby="follow-status" className="space-y-3">
        <h2 id="follow-status" className="heading">
          {t("statusHeading")}
        </h2>
        <p data-testid="follow-status" data-status={state} className="rounded border border-slate-300 bg-slate-50 p-3">
          {statusText}
        </p>
        {q.status === "PUBLISHED" && q.answer !== null ? (
          <div className="answer">
            <p className="font-semibold">{t("answer")}</p>
            <VisitorParagraphs text={q.answer} testId="follow-answer" />
          </div>
        ) : null}
        {reason ? (
          <div className="rounded border border-slate-300 p-3">
            <p className="font-semibold">{t("reason")}</p>
            <VisitorParagraphs text={reason} testId="follow-reason" />
          </div>
        ) : null}
        {q.status === "PUBLISHED" ? (
          <>
            <p data-testid="follow-supports">{support("supports", { count: q.supports })}</p>
            <p>
              <LocalLink href={`/candidates/${q.candidateId}/forum/1`} className="link">
                {t("forumLink", { candidate: q.candidateName })}
              </LocalLink>
            </p>
          </>
        ) : null}
      </section>
    </article>
  );
}
