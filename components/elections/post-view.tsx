import { getTranslations } from "next-intl/server";
import { getCachedForumCounts } from "@/lib/forum/cached-queries";
import { NO_COUNTS } from "@/components/forum/forum-counts";
import { CandidateCard } from "@/components/candidates/candidate-card";
import { ForumComparison } from "@/components/forum/forum-comparison";
import type { getPostWithCandidates } from "@/lib/candidates/queries";
import { postName } from "@/lib/elections/post-name";
import { Link } from "@/lib/i18n/navigation";

export type PostWithCandidates = NonNullable<Awaited<ReturnType<typeof getPostWithCandidates>>>;

/** One post and its candidates: at /posts/[code] for the current conference, /conferences/[slug]/posts/[code] for any. */
export async function PostView({ post, locale, base }: { post: PostWithCandidates; locale: string; base: string }) {
  const t = await getTranslations({ locale, namespace: "post" });
  const common = await getTranslations({ locale, namespace: "common" });
  const forumCounts = await getCachedForumCounts(post.candidates.map((c) => c.id));
  const name = postName(post.names, locale);

  return (
    <div className="space-y-6">
      <p>
        <Link href={`${base}/posts`} className="text-brand-700 underline underline-offset-4">
          {common("backToPosts")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{name}</h1>
      <section aria-labelledby="candidates" className="space-y-3">
        <h2 id="candidates" className="text-2xl font-semibold">
          {t("candidatesHeading")}
        </h2>
        {post.candidates.length > 0 ? <p className="text-slate-700">{t("candidatesCount", { count: post.candidates.length })}</p> : null}
        {post.candidates.length === 0 ? (
          <p className="rounded border border-slate-300 bg-slate-50 p-4">{t("noCandidates")}</p>
        ) : (
          // Side by side from a tablet's width, stacked on a phone: the candidates compared at a glance.
          <ul className="grid gap-4 md:grid-cols-2" data-testid="post-candidates">
            {post.candidates.map((c) => (
              <CandidateCard key={c.id} candidate={c} locale={locale} post={name} />
            ))}
          </ul>
        )}
      </section>
      {post.candidates.length > 0 ? (
        <ForumComparison
          locale={locale}
          candidates={post.candidates.map((c) => ({
            id: c.id,
            name: c.name,
            counts: forumCounts[c.id] ?? NO_COUNTS,
          }))}
        />
      ) : null}
    </div>
  );
}
