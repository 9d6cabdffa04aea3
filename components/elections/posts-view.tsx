import { getTranslations } from "next-intl/server";
import { postName } from "@/lib/elections/post-name";
import type { PostSummary } from "@/lib/elections/queries";
import { Link } from "@/lib/i18n/navigation";

const GROUPS = [
  { kind: "ELECTED_OFFICIAL", heading: "electedOfficials" },
  { kind: "RRB_SEAT", heading: "rrbSeats" },
  { kind: "COUNCIL_SEAT", heading: "councilSeats" },
] as const;

/** A conference's posts by kind: at /posts for the current one, /conferences/[slug]/posts for any. */
export async function PostsView({ posts, locale, base, conferenceName }: { posts: PostSummary[]; locale: string; base: string; conferenceName?: string }) {
  const t = await getTranslations({ locale, namespace: "posts" });
  const regions = await getTranslations({ locale, namespace: "regions" });
  const questionnaire = await getTranslations({ locale, namespace: "questionnaire" });
  const describe = (post: PostSummary) => {
    const parts = [t("candidates", { count: post.candidateCount })];
    if (post.kind !== "ELECTED_OFFICIAL") parts.push(t("seats", { count: post.seats }));
    if (post.kind === "ELECTED_OFFICIAL" && post.candidateCount === 1) parts.push(t("unopposed"));
    return parts.join(" · ");
  };

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {conferenceName ? <p className="text-lg">{conferenceName}</p> : null}
      <p className="max-w-prose text-slate-700">{t("intro")}</p>
      {/* The candidates' written answers to the same questions, side by side (docs/fairness.md#common-questionnaire). */}
      <p>
        <Link href={`${base}/questionnaire`} className="link">
          {questionnaire("conferenceLink")}
        </Link>
      </p>
      {GROUPS.map(({ kind, heading }) => {
        const group = posts.filter((p) => p.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`group-${kind}`} className="space-y-3">
            <h2 id={`group-${kind}`} className="text-2xl font-semibold">
              {t(heading)}
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2">
              {group.map((post) => (
                <li key={post.code} className="rounded border border-slate-300 p-4">
                  <Link href={`${base}/posts/${post.code}`} className="text-lg font-medium text-brand-700 underline underline-offset-4">
                    {postName(post.names, locale)}
                  </Link>
                  {post.region ? <p className="text-sm text-slate-700">{t("region", { region: post.region, name: regions(post.region as "A") })}</p> : null}
                  <p className="text-sm text-slate-700">{describe(post)}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
