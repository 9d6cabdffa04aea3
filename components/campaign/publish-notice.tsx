import { getTranslations } from "next-intl/server";
import { campaignPublishRefusal } from "@/lib/campaign/rules";
import type { CandidatureStatus } from "@/lib/db/generated/enums";

const NOTICE = {
  "workspace.notFormal": "notFormalNotice",
  "workspace.candidatureWithdrawn": "candidatureWithdrawn",
  "workspace.electionHeld": "electionHeld",
} as const;

/** Why the candidate cannot publish now, in their workspace (lib/campaign/rules.ts), or nothing when they can. */
export async function PublishNotice({ status, locale }: { status: CandidatureStatus; locale: string }) {
  const refusal = campaignPublishRefusal(status);
  if (!refusal) return null;
  const t = await getTranslations({ locale, namespace: "workspace" });
  return (
    <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="publish-refusal">
      {t(NOTICE[refusal as keyof typeof NOTICE] ?? "notFormalNotice")}
    </p>
  );
}
