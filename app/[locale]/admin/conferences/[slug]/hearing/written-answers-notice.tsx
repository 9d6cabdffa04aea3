import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getWrittenAnswerWindowForAdmin } from "@/lib/hearings/after-hearing-queries";
import { formatInstant, zoneLabel } from "@/lib/time/format";

/**
 * Beside the close of the record: while candidates may still answer in writing the drawn
 * questions the hearing did not reach, how many have no answer yet and until when, since the
 * closed record is final and closing ends that (docs/decisions/048-written-answers-and-open-pool.md).
 */
export async function WrittenAnswersNotice(props: { user: CurrentUser; locale: string; conferenceId: string; hearingId: string; zone: string }) {
  const status = await getWrittenAnswerWindowForAdmin(props.user, props);
  if (!status?.open || status.notReached === 0) return null;
  const t = await getTranslations({ locale: props.locale, namespace: "hearingPool.admin" });
  const deadline = `${formatInstant(props.locale, status.deadline, props.zone)} (${zoneLabel(props.locale, props.zone, status.deadline)})`;
  return (
    <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="close-written-answers">
      {t("closeNotice", { unanswered: status.unanswered, deadline })}
    </p>
  );
}
