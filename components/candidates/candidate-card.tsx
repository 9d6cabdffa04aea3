import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { CandidateListItem } from "@/lib/candidates/queries";
import { memberStateName } from "@/lib/member-states/names";
import { CandidateAvatar } from "./candidate-avatar";
import { StatusBadge } from "./status-badge";

export async function CandidateCard({ candidate, locale }: { candidate: CandidateListItem & { photoKey?: string | null }; locale: string }) {
  const t = await getTranslations({ locale, namespace: "post" });
  const common = await getTranslations({ locale, namespace: "common" });
  return (
    <li className="flex gap-4 rounded border border-slate-300 p-4">
      <CandidateAvatar name={candidate.name} size="sm" photoKey={candidate.photoKey} />
      <div className="space-y-1">
        <Link
          href={`/candidates/${candidate.id}`}
          className="text-lg font-medium text-brand-700 underline underline-offset-4"
          aria-label={t("viewProfile", { name: candidate.name })}
        >
          {candidate.name}
        </Link>
        <p className="text-sm">{t("nominatedBy", { state: memberStateName(locale, candidate.memberState) })}</p>
        <p className="flex flex-wrap gap-2">
          <StatusBadge status={candidate.status} locale={locale} />
          {candidate.isDemo ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{common("demoBadge")}</span> : null}
        </p>
      </div>
    </li>
  );
}
