import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PostsView } from "@/components/elections/posts-view";
import { getCurrentConference } from "@/lib/conferences/context";
import { listPosts } from "@/lib/elections/queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/posts">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "posts" });
  return pageMetadata(locale, "/posts", { title: t("title") });
}

/** The current conference's posts (docs/decisions/012); any conference's are under /conferences/[slug]/posts. */
export default async function PostsPage({ params }: PageProps<"/[locale]/posts">) {
  const locale = await pageLocale(params);
  const conference = await getCurrentConference();
  // None is current yet (a new installation): the archive lists every conference.
  if (!conference) redirect(`/${locale}/conferences`);
  return <PostsView posts={await listPosts(conference.id)} locale={locale} base="" />;
}
