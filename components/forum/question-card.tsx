import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { QueueItem } from "@/lib/forum/queries";
import { formatInstant } from "@/lib/time/format";
import { VisitorLine, VisitorParagraphs } from "./visitor-text";

const STATUS_STYLE: Record<QueueItem["status"], string> = {
  PENDING: "bg-amber-100 text-amber-950",
  PUBLISHED: "bg-emerald-100 text-emerald-950",
  DECLINED: "bg-slate-200 text-slate-900",
  WITHDRAWN: "bg-slate-200 text-slate-900",
  HIDDEN: "bg-rose-100 text-rose-950",
};

/**
 * One question as a moderator sees it (the candidate, or the secretariat): who asked, what,
 * its state and the reasons given; the caller adds the controls its role may use. The
 * asker's e-mail address never reaches this component, only whether there is one.
 */
export async function QuestionCard({
  item,
  locale,
  timeZone,
  heading,
  children,
}: {
  item: QueueItem;
  locale: string;
  timeZone: string;
  /** Shown above the question (the secretariat sees whose forum it is). */
  heading?: ReactNode;
  children?: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: "forum.queue" });
  const reason =
    item.status === "DECLINED"
      ? { label: t("declinedBecause"), text: item.declineReason }
      : item.status === "WITHDRAWN"
        ? { label: t("withdrawnBecause"), text: item.withdrawReason }
        : item.status === "HIDDEN"
          ? { label: t("hiddenBecause"), text: item.hiddenReason }
          : null;
  return (
    <li data-testid="queue-item" data-question-id={item.id} data-status={item.status} className="min-w-0 space-y-3 rounded border border-slate-300 p-4">
      {heading}
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[item.status]}`}>{t(`status.${item.status}`)}</span>
        <span>{t("receivedOn", { date: formatInstant(locale, item.createdAt, timeZone) })}</span>
      </p>
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{t("from")} </span>
        <VisitorLine text={item.askerName} testId="question-asker" />
        {item.askerCountry ? (
          <>
            {" · "}
            <VisitorLine text={item.askerCountry} testId="question-country" />
          </>
        ) : null}
        {item.askerAffiliation ? (
          <>
            {" · "}
            <VisitorLine text={item.askerAffiliation} testId="question-affiliation" />
          </>
        ) : null}
      </p>
      <VisitorParagraphs text={item.body} testId="question-body" className="text-lg" />
      {item.hasEmail && item.answer === null && item.status !== "HIDDEN" ? <p className="text-sm text-slate-700">{t("wantsMail")}</p> : null}
      {item.answer !== null ? (
        <div className="space-y-1 border-s-4 border-brand-700 ps-4">
          <p className="font-semibold">
            {t("answerHeading")}
            {item.answeredAt ? (
              <span className="font-normal text-slate-700"> · {t("answeredOn", { date: formatInstant(locale, item.answeredAt, timeZone) })}</span>
            ) : null}
          </p>
          <VisitorParagraphs text={item.answer} testId="question-answer" />
        </div>
      ) : item.status === "PUBLISHED" ? (
        <p className="text-sm italic text-slate-700">{t("notAnswered")}</p>
      ) : null}
      {reason ? (
        <div data-testid="question-reason" className="rounded border border-slate-300 bg-slate-50 p-3 text-sm">
          <p className="font-semibold">{reason.label}</p>
          {reason.text ? <VisitorParagraphs text={reason.text} /> : null}
        </div>
      ) : null}
      {children}
    </li>
  );
}
