import type { Metadata } from "next";
import { ForumPageView, forumPageMetadata } from "@/components/forum/forum-page-view";
import { pageLocale } from "@/lib/i18n/page-locale";

// The candidate's forum, most supported questions first (docs/decisions/049-forum-support-and-follow.md);
// cached like the other order's pages (components/forum/forum-page-view.tsx).

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/candidates/[id]/forum/supported/[page]">): Promise<Metadata> {
  const { locale, id, page } = await params;
  return forumPageMetadata(locale, id, page, "supported");
}

export default async function SupportedForumPage({ params }: PageProps<"/[locale]/candidates/[id]/forum/supported/[page]">) {
  const { id, page } = await params;
  const locale = await pageLocale(params);
  return <ForumPageView locale={locale} id={id} page={page} order="supported" />;
}
