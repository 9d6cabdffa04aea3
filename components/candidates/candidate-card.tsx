import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { CandidateListItem } from "@/lib/candidates/queries";
import { memberStateName } from "@/lib/member-states/names";
import { CandidateAvatar } from "./candidate-avatar";
import { StatusBadge } from "./status-badge";

/**
 * A candidate as the public first meets them: photo (or initials), name, the post they stand
 * for, the Member State that nominates them and where their candidature stands. The whole card
 * is one link target through its name, so that it is one stop for the keyboard and the reader.
 */
export async function CandidateCard({
  candidate,
  locale,
  post,
}: {
  candidate: CandidateListItem & { photoKey?: string | null };
  locale: string;
  /** The post's name in the reader's language. */
  post: string;
}) {
  const t = await getTranslations({ locale, namespace: "post" });
  const common = await getTranslations({ locale, namespace: "common" });
  return (
    <li
      className="relative flex gap-4 rounded border border-slate-300 bg-white p-4 shadow-sm focus-within:border-brand-700 hover:border-brand-700"
      data-testid="candidate-card"
    >
      <CandidateAvatar name={candidate.name} size="md" photoKey={candidate.photoKey} />
      <div className="min-w-0 space-y-1">
        <h3 className="text-xl font-semibold">
          <Link
            href={`/candidates/${candidate.id}`}
            className="link after:absolute after:inset-0 after:content-[''] hover:no-underline"
            aria-label={t("viewProfile", { name: candidate.name })}
          >
            {candidate.name}
          </Link>
        </h3>
        <p className="text-slate-800" data-testid="candidate-card-post">
          {post}
        </p>
        <p className="text-slate-800" data-testid="candidate-card-state">
          {t("nominatedBy", { state: memberStateName(locale, candidate.memberState) })}
        </p>
        <p className="flex flex-wrap gap-2 pt-1">
          <StatusBadge status={candidate.status} locale={locale} />
          {candidate.isDemo ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{common("demoBadge")}</span> : null}
        </p>
      </div>
    </li>
  );
}
