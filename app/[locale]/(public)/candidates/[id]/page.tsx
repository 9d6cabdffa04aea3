import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { CandidateAvatar } from "@/components/candidates/candidate-avatar";
import { StatusBadge } from "@/components/candidates/status-badge";
import { LocalLink } from "@/components/site/local-link";
import { getPublicCandidate, pickProfile } from "@/lib/candidates/queries";
import { postName } from "@/lib/elections/post-name";
import { memberStateName } from "@/lib/member-states/names";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { ReaderTime } from "@/components/time/local-time";
import { getConferenceOfCandidate } from "@/lib/conferences/context";
import { RichText } from "@/lib/markdown/render";
import { getPublicCampaign } from "@/lib/materials/materials-queries";
import { PublicMaterials } from "@/components/materials/public-materials";
import { getPublicFiles } from "@/lib/candidates/public-files";
import { PublicFileLinks } from "@/components/uploads/public-file-links";
import { ForumSection } from "@/components/forum/forum-section";
import { NO_COUNTS } from "@/components/forum/forum-counts";
import { getCachedForumCounts, getCachedForumPage, getCachedForumWindow } from "@/lib/forum/cached-queries";
import { pageMetadata } from "@/lib/site/page-metadata";

// A cuid (the app's own rows) or a UUID (the live demo's, prisma/demo/live.ts): nothing else reaches the database.
const ID = /^[a-z0-9][a-z0-9-]{19,39}$/;

async function load(id: string) {
  return ID.test(id) ? getPublicCandidate(id) : null;
}

// Rendered on first visit, then cached until a change revalidates its tags.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/candidates/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  const candidate = await load(id);
  if (!candidate) return {};
  // Its own one-line description ("Candidate for Secretary-General") rather than the site's
  // sentence: a search result says who this is, and the page sends its description six times
  // (description, og: and twitter:, in the head and in the flight payload).
  const t = await getTranslations({ locale, namespace: "candidate" });
  const description = t("post", { post: postName(candidate.post.names, locale) });
  return pageMetadata(locale, `/candidates/${id}`, { title: candidate.name, description, type: "profile" });
}

export default async function CandidatePage({ params }: PageProps<"/[locale]/candidates/[id]">) {
  const { id } = await params;
  const locale = await pageLocale(params);
  const [candidate, conference, campaign, files, forumCounts, forumWindow, forum] = await Promise.all([
    load(id),
    ID.test(id) ? getConferenceOfCandidate(id) : null,
    ID.test(id) ? getPublicCampaign(id) : null,
    ID.test(id) ? getPublicFiles(id) : null,
    ID.test(id) ? getCachedForumCounts([id]) : null,
    ID.test(id) ? getCachedForumWindow(id) : null,
    // For the number of questions its pages list (cached: the forum's first page reads the same).
    ID.test(id) ? getCachedForumPage(id, 1) : null,
  ]);
  if (!candidate || !conference) notFound();
  const t = await getTranslations({ locale, namespace: "candidate" });
  const common = await getTranslations({ locale, namespace: "common" });
  const timeT = await getTranslations({ locale, namespace: "time" });
  const profile = pickProfile(candidate.profiles, locale);
  const languageName = profile ? new Intl.DisplayNames([locale], { type: "language" }).of(profile.locale) : null;
  const post = postName(candidate.post.names, locale);

  return (
    // Its client islands (the reader's own time, the link to ask, the video player) say only these; the
    // ask form is a page of its own, ask/page.tsx (docs/decisions/036-page-weight.md).
    <ClientMessages locale={locale} namespaces={["time.yourZone", "forum.ask.closedNow", "video.playFailed", "video.retry", "mediaOrigins.refused"]}>
      <article className="space-y-6" aria-labelledby="candidate-name">
        <p>
          <LocalLink href={`/conferences/${conference.slug}/posts/${candidate.post.code}`} className="link">
            {post}
          </LocalLink>
        </p>
        {candidate.isDemo ? (
          <p role="note" className="demo-note">
            <strong>{`${common("demoBadge")}.`}</strong> {common("demoNotice")}
          </p>
        ) : null}
        <header className="flex flex-wrap items-center gap-6">
          <CandidateAvatar name={candidate.name} size="lg" photoKey={files?.photoKey} />
          <div className="space-y-2">
            <h1 id="candidate-name" className="page-title">
              {candidate.name}
            </h1>
            <p className="text-lg">{t("post", { post })}</p>
          </div>
        </header>

        <dl className="facts">
          <dt>{t("nominatedBy")}</dt>
          <dd>{memberStateName(locale, candidate.memberState)}</dd>
          <dt>{t("status")}</dt>
          <dd className="space-y-1">
            <StatusBadge status={candidate.status} locale={locale} />
            {candidate.formallyReceivedAt ? (
              <>
                <span className="block muted">
                  {t("formallyReceived", {
                    date: timeT("conferenceZone", {
                      time: formatInstant(locale, candidate.formallyReceivedAt, conference.timeZone),
                      zone: zoneLabel(locale, conference.timeZone, candidate.formallyReceivedAt),
                    }),
                  })}
                </span>
                <ReaderTime iso={candidate.formallyReceivedAt} conferenceZone={conference.timeZone} />
              </>
            ) : null}
          </dd>
        </dl>
        {candidate.isInternal ? <p className="muted">{t("internal")}</p> : null}

        <section aria-labelledby="vision" className="space-y-3">
          <h2 id="vision" className="heading">
            {t("vision")}
          </h2>
          {profile ? (
            <>
              {profile.locale !== locale ? <p className="muted">{t("shownInLanguage", { language: languageName ?? profile.locale })}</p> : null}
              <RichText source={profile.vision} format={campaign?.visionFormats[profile.locale] ?? "PLAIN"} lang={profile.locale} />
              {profile.biography ? (
                <>
                  <h2 className="heading">{t("biography")}</h2>
                  <div lang={profile.locale} dir="auto" className="max-w-prose whitespace-pre-line">
                    {profile.biography}
                  </div>
                </>
              ) : null}
            </>
          ) : (
            <p>{t("noVision")}</p>
          )}
        </section>
        {campaign ? <PublicMaterials campaign={campaign} locale={locale} /> : null}
        {files ? <PublicFileLinks files={files} locale={locale} /> : null}
        {forumCounts && forumWindow && forum ? (
          <ForumSection
            candidateId={candidate.id}
            candidateName={candidate.name}
            locale={locale}
            timeZone={conference.timeZone}
            counts={forumCounts[candidate.id] ?? NO_COUNTS}
            window={forumWindow}
            published={forum.total}
            forumHref={`/candidates/${candidate.id}/forum/1`}
          />
        ) : null}
      </article>
    </ClientMessages>
  );
}
