"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, TextField } from "@/components/forms/fields";
import { ShownFields, type ShownState } from "./chair-fields";
import type { FormState } from "@/lib/actions/form-state";
import { questionDecisions } from "@/lib/hearings/question-moves";
import { SET_ASIDE_REASON_LIMITS } from "@/lib/hearings/question-sources";
import { memberStateName } from "@/lib/member-states/names";

// The chair's queue for the candidate speaking (before the start: the first in the running
// order), refreshed by polling the queue route every few seconds: questions are not pushed
// (lib/hearings/questions.ts: no NOTIFY per question). Approve or set aside each one; the
// draw is made from the approved.

type Status = "PENDING" | "APPROVED" | "SET_ASIDE" | "DRAWN" | "SHOWN" | "ANSWERED";

type QueueQuestion = {
  id: string;
  askerName: string;
  askerOrigin: string | null;
  askerKind: "MEMBER_STATE" | "SECTOR_MEMBER" | "PUBLIC" | "PRESS";
  askerState: { iso2: string; nameEn: string } | null;
  askerRegion: "A" | "B" | "C" | "D" | "E" | null;
  askerVerified: boolean;
  setAsideReason: string | null;
  body: string;
  source: "ROOM" | "WEBCAST";
  status: Status;
  drawPosition: number | null;
};

type QueueCandidate = { candidateId: string; name: string; position: number | null; current: boolean; finished: boolean; questions: QueueQuestion[] };

type Queue = { hearingId: string; status: "SCHEDULED" | "LIVE" | "ENDED"; candidates: QueueCandidate[] };

export const QUEUE_POLL_MS = 2500;

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function isQueue(value: unknown): value is Queue {
  return typeof value === "object" && value !== null && Array.isArray((value as Queue).candidates);
}

/** Who asks (docs/fairness.md#question-sources): the source, the state and its region, declared or checked. */
function QuestionSource({ question }: { question: QueueQuestion }) {
  const t = useTranslations("questionSources");
  const locale = useLocale();
  const parts = [t("queue.source", { kind: t(`kind.${question.askerKind}`) })];
  if (question.askerState) parts.push(memberStateName(locale, question.askerState));
  if (question.askerRegion) parts.push(t("queue.region", { region: question.askerRegion }));
  return (
    <p className="text-sm text-slate-800" data-testid="queue-question-source">
      {parts.join(", ")}{" "}
      <span
        className={`rounded px-1.5 py-0.5 text-xs font-semibold ${question.askerVerified ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-800"}`}
        data-testid="queue-question-checked"
      >
        {question.askerVerified ? t("queue.checked") : t("queue.declared")}
      </span>
    </p>
  );
}

function QuestionItem({ shown, question, moderate, onDone }: { shown: ShownState; question: QueueQuestion; moderate: Action; onDone: () => void }) {
  const t = useTranslations("hearingLive.queue");
  const sources = useTranslations("questionSources");
  const decisions = questionDecisions(question.status);
  // Refresh the queue as soon as a decision is made, not at the next poll.
  const action: Action = useCallback(
    async (state, data) => {
      const next = await moderate(state, data);
      if (next.status === "success") onDone();
      return next;
    },
    [moderate, onDone],
  );
  return (
    <li className="space-y-2 rounded border border-slate-300 p-3" data-testid="queue-question">
      <p className="whitespace-pre-line" dir="auto" data-testid="queue-question-body">
        {question.body}
      </p>
      <p className="text-sm text-slate-700">
        {question.askerOrigin
          ? t("askerFrom", { name: question.askerName, origin: question.askerOrigin, source: t(`source.${question.source}`) })
          : t("asker", { name: question.askerName, source: t(`source.${question.source}`) })}
      </p>
      <QuestionSource question={question} />
      <p className="text-sm font-medium" data-testid="queue-question-status">
        {question.drawPosition === null
          ? t(`status.${question.status}`)
          : t("drawnAs", { status: t(`status.${question.status}`), position: question.drawPosition })}
      </p>
      {question.status === "SET_ASIDE" && question.setAsideReason ? (
        <p className="text-sm" dir="auto" data-testid="queue-question-reason">
          {sources("queue.setAsideBecause", { reason: question.setAsideReason })}
        </p>
      ) : null}
      {decisions.length === 0 ? null : (
        <ActionForm action={action} label={t("decideLabel", { name: question.askerName })} className="space-y-2">
          {/* The decision names the hearing's version too: one made on a view the chair has left is refused. */}
          <ShownFields shown={shown} />
          <HiddenField name="questionId" value={question.id} />
          {decisions.includes("SET_ASIDE") ? (
            // Setting aside takes a reason, published with the open pool (docs/fairness.md#after-the-hearing).
            <TextField
              name="reason"
              label={sources("queue.reason")}
              description={sources("queue.reasonHelp")}
              maxLength={SET_ASIDE_REASON_LIMITS.max}
              dir="auto"
            />
          ) : null}
          <div className="flex flex-wrap gap-2">
            {decisions.includes("APPROVED") ? (
              <button type="submit" name="decision" value="approve" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
                {t("approve")}
              </button>
            ) : null}
            {decisions.includes("SET_ASIDE") ? (
              <button
                type="submit"
                name="decision"
                value="setAside"
                className="rounded border border-slate-500 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
              >
                {t("setAside")}
              </button>
            ) : null}
          </div>
        </ActionForm>
      )}
    </li>
  );
}

export function ChairQueue({ shown, moderate }: { shown: ShownState; moderate: Action }) {
  const hearingId = shown.hearingId;
  const t = useTranslations("hearingLive.queue");
  const [queue, setQueue] = useState<Queue | null>(null);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(`/api/hearings/${encodeURIComponent(hearingId)}/queue`, { headers: { accept: "application/json" }, cache: "no-store" });
      const body: unknown = response.ok ? await response.json() : null;
      const next = isQueue(body) ? body : isQueue((body as { queue?: unknown } | null)?.queue) ? (body as { queue: Queue }).queue : null;
      setFailed(next === null);
      if (next) setQueue(next);
    } catch {
      setFailed(true);
    }
  }, [hearingId]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      await refresh();
      if (!stopped) timer = setTimeout(loop, QUEUE_POLL_MS);
    };
    void loop();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refresh]);

  const onDone = useCallback(() => void refresh(), [refresh]);
  const candidate = queue ? (queue.candidates.find((c) => c.current) ?? queue.candidates.find((c) => !c.finished) ?? null) : null;

  return (
    <section aria-labelledby="queue-heading" className="space-y-3" data-testid="chair-queue">
      <h2 id="queue-heading" className="text-2xl font-semibold">
        {candidate ? t("headingFor", { name: candidate.name }) : t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("help")}</p>
      {failed ? (
        <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
          {t("failed")}
        </p>
      ) : null}
      {!queue ? (
        <p>{t("loading")}</p>
      ) : !candidate ? (
        <p>{t("nobody")}</p>
      ) : candidate.questions.length === 0 ? (
        <p data-testid="queue-empty">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {candidate.questions.map((q) => (
            <QuestionItem key={q.id} shown={shown} question={q} moderate={moderate} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}
