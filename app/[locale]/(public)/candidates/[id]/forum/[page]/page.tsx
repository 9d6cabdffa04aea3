import type { Metadata } from "next";
import { ForumPageView, forumPageMetadata } from "@/components/forum/forum-page-view";
import { pageLocale } from "@/lib/i18n/page-locale";

// The candidate's forum, answered questions first (components/forum/forum-page-view.tsx).
// A path rather than ?page=, so that each page is cached like the candidate's page.

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/candidates/[id]/forum/[page]">): Promise<Metadata> {
  const { locale, id, page } = await params;
  return forumPageMetadata(locale, id, page, "default");
}

export default async function ForumPage({ params }: PageProps<"/[locale]/candidates/[id]/forum/[page]">) {
  const { id, page } = await params;
  const locale = await pageLocale(params);
  return <ForumPageView locale={locale} id={id} page={page} order="default" />;
}
