import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostView } from "@/components/elections/post-view";
import { getPostWithCandidates } from "@/lib/candidates/queries";
import { getCurrentConference } from "@/lib/conferences/context";
import { postName } from "@/lib/elections/post-name";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/site/page-metadata";

const CODE = /^[A-Z0-9-]{1,32}$/;

/** A post of the current conference (docs/decisions/012). */
async function load(code: string) {
  if (!CODE.test(code)) return null;
  const conference = await getCurrentConference();
  return conference ? getPostWithCandidates(conference.id, code) : null;
}

// Rendered on first visit, then cached until a change revalidates its tags.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/posts/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const post = await load(code);
  return post ? pageMetadata(locale, `/posts/${code}`, { title: postName(post.names, locale) }) : {};
}

export default async function PostPage({ params }: PageProps<"/[locale]/posts/[code]">) {
  const { code } = await params;
  const locale = await pageLocale(params);
  const post = await load(code);
  if (!post) notFound();
  return <PostView post={post} locale={locale} base="" />;
}
