import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PublishedQuestions } from "@/components/forum/published-questions";
import { ForumCounts, NO_COUNTS } from "@/components/forum/forum-counts";
import { ExportLinks, forumExportHref } from "@/components/forum/export-links";
import { getPublicCandidate } from "@/lib/candidates/queries";
import { getConferenceOfCandidate } from "@/lib/conferences/context";
import { LocalLink } from "@/components/site/local-link";
import { getCachedForumCounts, getCachedForumPage, getCachedForumWindow } from "@/lib/forum/cached-queries";
import type { PublicForumOrder } from "@/lib/forum/queries";
import { pageMetadata } from "@/lib/site/page-metadata";

// The candidate's forum: what it is, its numbers explained, every published question twenty a
// page, and its open data (the candidate's page shows the numbers and links to page 1,
// components/forum/forum-section.tsx). Two orders, each its own path so that each page is
// cached like the candidate's page: /forum/[page] (answered first) and /forum/supported/[page]
// (most supported first, docs/decisions/049-forum-support-and-follow.md).

// A cuid (the app's own rows) or a UUID (the live demo's, prisma/demo/live.ts): nothing else reaches the database.
const ID = /^[a-z0-9][a-z0-9-]{19,39}$/;
const PAGE = /^[1-9][0-9]{0,4}$/;

export function forumPageHref(candidateId: string, page: number, order: PublicForumOrder): string {
  return order === "supported" ? `/candidates/${candidateId}/forum/supported/${page}` : `/candidates/${candidateId}/forum/${page}`;
}

async function load(id: string, page: string, order: PublicForumOrder) {
  if (!ID.test(id) || !PAGE.test(page)) return null;
  const candidate = await getPublicCandidate(id);
  if (!candidate) return null;
  const forum = await getCachedForumPage(id, Number(page), order);
  // Beyond the last page the query clamps; the address itself does not exist.
  if (forum.page !== Number(page)) return null;
  return { candidate, forum };
}

export async function forumPageMetadata(locale: string, id: string, page: string, order: PublicForumOrder): Promise<Metadata> {
  const loaded = await load(id, page, order);
  if (!loaded) return {};
  const t = await getTranslations({ locale, namespace: "forum.list" });
  return pageMetadata(locale, forumPageHref(id, loaded.forum.page, order), { title: t("pageTitle", { name: loaded.candidate.name, page: loaded.forum.page }) });
}

export async function ForumPageView({ locale, id, page, order }: { locale: string; id: string; page: string; order: PublicForumOrder }) {
  const [loaded, conference, counts, window] = await Promise.all([
    load(id, page, order),
    getConferenceOfCandidate(id),
    ID.test(id) ? getCachedForumCounts([id]) : null,
    ID.test(id) ? getCachedForumWindow(id) : null,
  ]);
  if (!loaded || !conference) notFound();
  const { candidate, forum } = loaded;
  const t = await getTranslations({ locale, namespace: "forum.list" });
  const section = await getTranslations({ locale, namespace: "forum.section" });
  const support = await getTranslations({ locale, namespace: "forumSupport.list" });
  const orderLink = "inline-block rounded border border-slate-400 px-3 py-1 link hover:bg-slate-50";
  const current = "inline-block rounded border-2 border-slate-900 px-3 py-1 font-semibold";
  return (
    <article className="space-y-6" aria-labelledby="forum-page-title">
      <p>
        <LocalLink href={`/candidates/${candidate.id}#forum`} className="link">
          {t("backToCandidate", { name: candidate.name })}
        </LocalLink>
      </p>
      <div className="space-y-2">
        <h1 id="forum-page-title" className="page-title">
          {t("pageTitle", { name: candidate.name, page: forum.page })}
        </h1>
        <p className="max-w-prose">{section("intro", { name: candidate.name })}</p>
      </div>
      <ForumCounts counts={counts?.[candidate.id] ?? NO_COUNTS} locale={locale} heading="h2" />
      <section aria-labelledby="published-questions" className="space-y-3">
        <h2 id="published-questions" className="heading">
          {t("heading")}
        </h2>
        {window?.open ? <p className="max-w-prose muted">{support("how")}</p> : null}
        {forum.total > 0 ? (
          <nav aria-label={support("order")} data-testid="forum-order">
            <ul className="flex flex-wrap gap-2 text-sm">
              {(["default", "supported"] as const).map((o) => (
                <li key={o}>
                  {o === order ? (
                    <span aria-current="page" className={current}>
                      {support(o === "supported" ? "orderSupported" : "orderDefault")}
                    </span>
                  ) : (
                    <LocalLink href={forumPageHref(candidate.id, 1, o)} className={orderLink}>
                      {support(o === "supported" ? "orderSupported" : "orderDefault")}
                    </LocalLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <PublishedQuestions
          forum={forum}
          locale={locale}
          timeZone={conference.timeZone}
          pageHref={(p) => forumPageHref(candidate.id, p, order)}
          supportOpen={window?.open === true}
        />
      </section>
      <ExportLinks locale={locale} csv={forumExportHref(candidate.id, "csv")} json={forumExportHref(candidate.id, "json")} />
    </article>
  );
}
