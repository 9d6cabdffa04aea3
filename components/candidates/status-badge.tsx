import { getTranslations } from "next-intl/server";
import type { CandidatureStatus } from "@/lib/db/generated/enums";

const STYLES: Record<CandidatureStatus, string> = {
  ANNOUNCED: "bg-slate-100 text-slate-900",
  FORMAL: "bg-emerald-100 text-emerald-900",
  WITHDRAWN: "bg-rose-100 text-rose-900",
  ELECTED: "bg-brand-50 text-brand-800",
  NOT_ELECTED: "bg-slate-100 text-slate-900",
};

export async function StatusBadge({ status, locale }: { status: CandidatureStatus; locale: string }) {
  const t = await getTranslations({ locale, namespace: "status" });
  return <span className={`badge ${STYLES[status]}`}>{t(status)}</span>;
}
