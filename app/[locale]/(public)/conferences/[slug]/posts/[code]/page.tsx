import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostView } from "@/components/elections/post-view";
import { getPostWithCandidates } from "@/lib/candidates/queries";
import { getConferenceBySlug } from "@/lib/conferences/context";
import { postName } from "@/lib/elections/post-name";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string; slug: string; code: string }> };

const CODE = /^[A-Z0-9-]{1,32}$/;

async function load(slug: string, code: string) {
  if (!CODE.test(code)) return null;
  const conference = await getConferenceBySlug(slug);
  const post = conference ? await getPostWithCandidates(conference.id, code) : null;
  return conference && post ? { conference, post } : null;
}

// Rendered on first visit, then cached until a change revalidates its tags.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug, code } = await params;
  const loaded = await load(slug, code);
  return loaded
    ? pageMetadata(locale, `/conferences/${slug}/posts/${code}`, { title: `${postName(loaded.post.names, locale)} — ${loaded.conference.name}` })
    : {};
}

/** One post of one conference (docs/decisions/012). */
export default async function ConferencePostPage({ params }: Props) {
  const { slug, code } = await params;
  const locale = await pageLocale(params);
  const loaded = await load(slug, code);
  if (!loaded) notFound();
  return <PostView post={loaded.post} locale={locale} base={`/conferences/${loaded.conference.slug}`} />;
}
