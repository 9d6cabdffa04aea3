import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { CandidateCard } from "@/components/candidates/candidate-card";
import { Link } from "@/lib/i18n/navigation";
import { getPostWithCandidates } from "@/lib/candidates/queries";
import { postName } from "@/lib/elections/post-name";
import { getConference } from "@/lib/elections/queries";
import { ForumComparison } from "@/components/forum/forum-comparison";
import { getCachedForumCounts } from "../../forum-data";

const CODE = /^[A-Z0-9-]{1,32}$/;

async function load(code: string) {
  if (!CODE.test(code)) return null;
  const conference = await getConference();
  return conference ? getPostWithCandidates(conference.id, code) : null;
}

// Rendered on first visit, then cached until a change revalidates its tags.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/posts/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const post = await load(code);
  return post ? { title: postName(post.names, locale) } : {};
}

export default async function PostPage({ params }: PageProps<"/[locale]/posts/[code]">) {
  const { code } = await params;
  const locale = await pageLocale(params);
  const post = await load(code);
  if (!post) notFound();
  const forumCounts = await getCachedForumCounts(post.candidates.map((c) => c.id));
  const t = await getTranslations({ locale, namespace: "post" });
  const common = await getTranslations({ locale, namespace: "common" });

  return (
    <div className="space-y-6">
      <p>
        <Link href="/posts" className="text-brand-700 underline underline-offset-4">
          {common("backToPosts")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{postName(post.names, locale)}</h1>
      <section aria-labelledby="candidates" className="space-y-3">
        <h2 id="candidates" className="text-2xl font-semibold">
          {t("candidatesHeading")}
        </h2>
        {post.candidates.length === 0 ? (
          <p>{t("noCandidates")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {post.candidates.map((c) => (
              <CandidateCard key={c.id} candidate={c} locale={locale} />
            ))}
          </ul>
        )}
      </section>
      {post.candidates.length > 0 ? (
        <ForumComparison
          locale={locale}
          candidates={post.candidates.map((c) => ({ id: c.id, name: c.name, counts: forumCounts[c.id] ?? { received: 0, published: 0, answered: 0, declined: 0 } }))}
        />
      ) : null}
    </div>
  );
}
