import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PublishedQuestions } from "@/components/forum/published-questions";
import { ForumCounts, NO_COUNTS } from "@/components/forum/forum-counts";
import { ExportLinks, forumExportHref } from "@/components/forum/export-links";
import { getPublicCandidate } from "@/lib/candidates/queries";
import { getConferenceOfCandidate } from "@/lib/conferences/context";
import { pageLocale } from "@/lib/i18n/page-locale";
import { LocalLink } from "@/components/site/local-link";
import { getCachedForumCounts, getCachedForumPage } from "@/lib/forum/cached-queries";
import { pageMetadata } from "@/lib/site/page-metadata";

// The candidate's forum: what it is, its numbers explained, every published question twenty a
// page, and its open data (the candidate's page shows the numbers and links to page 1,
// components/forum/forum-section.tsx).
// A path rather than ?page=, so that each page is cached like the candidate's page.

// A cuid (the app's own rows) or a UUID (the live demo's, prisma/demo/live.ts): nothing else reaches the database.
const ID = /^[a-z0-9][a-z0-9-]{19,39}$/;
const PAGE = /^[1-9][0-9]{0,4}$/;

async function load(id: string, page: string) {
  if (!ID.test(id) || !PAGE.test(page)) return null;
  const candidate = await getPublicCandidate(id);
  if (!candidate) return null;
  const forum = await getCachedForumPage(id, Number(page));
  // Beyond the last page the query clamps; the address itself does not exist.
  if (forum.page !== Number(page)) return null;
  return { candidate, forum };
}

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/candidates/[id]/forum/[page]">): Promise<Metadata> {
  const { locale, id, page } = await params;
  const loaded = await load(id, page);
  if (!loaded) return {};
  const t = await getTranslations({ locale, namespace: "forum.list" });
  return pageMetadata(locale, `/candidates/${id}/forum/${page}`, { title: t("pageTitle", { name: loaded.candidate.name, page: loaded.forum.page }) });
}

export default async function ForumPage({ params }: PageProps<"/[locale]/candidates/[id]/forum/[page]">) {
  const { id, page } = await params;
  const locale = await pageLocale(params);
  const [loaded, conference, counts] = await Promise.all([load(id, page), getConferenceOfCandidate(id), ID.test(id) ? getCachedForumCounts([id]) : null]);
  if (!loaded || !conference) notFound();
  const { candidate, forum } = loaded;
  const t = await getTranslations({ locale, namespace: "forum.list" });
  const section = await getTranslations({ locale, namespace: "forum.section" });
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
        <PublishedQuestions forum={forum} locale={locale} timeZone={conference.timeZone} pageHref={(p) => `/candidates/${candidate.id}/forum/${p}`} />
      </section>
      <ExportLinks locale={locale} csv={forumExportHref(candidate.id, "csv")} json={forumExportHref(candidate.id, "json")} />
    </article>
  );
}
