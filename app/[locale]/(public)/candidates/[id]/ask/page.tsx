import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AskForm } from "@/components/forum/ask-form";
import { askHref, ForumClosed } from "@/components/forum/forum-closed";
import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { getPublicCandidate } from "@/lib/candidates/queries";
import { getConferenceOfCandidate } from "@/lib/conferences/context";
import { getCachedForumWindow } from "@/lib/forum/cached-queries";
import { FORUM_LIMITS } from "@/lib/forum/schema";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";
import { formatInstant, zoneLabel } from "@/lib/time/format";

// The public's question to a candidate, on a page of its own: the candidate's page links here
// while the forum takes questions (components/forum/forum-section.tsx). Most visitors of a
// candidate's page read and never ask; the form, its scripts and its messages were a sixth of
// that page (docs/decisions/036-page-weight.md). Cached like the candidate's page: nothing a
// visitor types is rendered by the server (components/forum/ask-form.tsx).

// A cuid (the app's own rows) or a UUID (the live demo's, prisma/demo/live.ts): nothing else reaches the database.
const ID = /^[a-z0-9][a-z0-9-]{19,39}$/;

async function load(id: string) {
  return ID.test(id) ? getPublicCandidate(id) : null;
}

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/candidates/[id]/ask">): Promise<Metadata> {
  const { locale, id } = await params;
  const candidate = await load(id);
  if (!candidate) return {};
  const t = await getTranslations({ locale, namespace: "forumAsk" });
  return pageMetadata(locale, askHref(id), { title: t("title", { name: candidate.name }) });
}

export default async function AskPage({ params }: PageProps<"/[locale]/candidates/[id]/ask">) {
  const { id } = await params;
  const locale = await pageLocale(params);
  const [candidate, conference, window] = await Promise.all([
    load(id),
    ID.test(id) ? getConferenceOfCandidate(id) : null,
    ID.test(id) ? getCachedForumWindow(id) : null,
  ]);
  if (!candidate || !conference || !window) notFound();
  const t = await getTranslations({ locale, namespace: "forumAsk" });
  const forum = await getTranslations({ locale, namespace: "forum" });
  const timeZone = conference.timeZone;
  return (
    // The form and its privacy notice say only these (docs/decisions/036-page-weight.md).
    <ClientMessages locale={locale} namespaces={["forum.ask", "site.notice", "forumSupport.askFollow"]}>
      <article className="space-y-6" aria-labelledby="ask-title">
        <p>
          <Link href={`/candidates/${candidate.id}#forum`} className="link">
            {forum("list.backToCandidate", { name: candidate.name })}
          </Link>
        </p>
        <div className="space-y-2">
          <h1 id="ask-title" className="text-3xl font-bold">
            {t("title", { name: candidate.name })}
          </h1>
          <p className="max-w-prose">{forum("section.intro", { name: candidate.name })}</p>
        </div>
        {window.open ? (
          <>
            <p className="text-sm text-slate-700">
              {forum("ask.openUntil", { time: `${formatInstant(locale, window.closesAt, timeZone)} (${zoneLabel(locale, timeZone, window.closesAt)})` })}
            </p>
            <AskForm
              candidateId={candidate.id}
              closesAt={window.closesAt}
              honeypotField={HONEYPOT_FIELD}
              limits={{
                name: FORUM_LIMITS.name,
                country: FORUM_LIMITS.country,
                affiliation: FORUM_LIMITS.affiliation,
                email: FORUM_LIMITS.email,
                body: FORUM_LIMITS.body,
              }}
            />
          </>
        ) : (
          <ForumClosed locale={locale} window={window} />
        )}
      </article>
    </ClientMessages>
  );
}
