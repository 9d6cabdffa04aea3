import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PostsView } from "@/components/elections/posts-view";
import { getConferenceBySlug, requireConferenceBySlug } from "@/lib/conferences/context";
import { listPosts } from "@/lib/elections/queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on first visit, then cached until a change revalidates its tags.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: "posts" });
  const conference = await getConferenceBySlug(slug);
  return pageMetadata(locale, `/conferences/${slug}/posts`, { title: conference ? `${t("title")} — ${conference.name}` : t("title") });
}

/** The posts of one conference, current or not (docs/decisions/012). */
export default async function ConferencePostsPage({ params }: Props) {
  const { slug } = await params;
  const locale = await pageLocale(params);
  const conference = await requireConferenceBySlug(slug);
  return <PostsView posts={await listPosts(conference.id)} locale={locale} base={`/conferences/${conference.slug}`} conferenceName={conference.name} />;
}
