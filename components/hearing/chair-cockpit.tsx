"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { useLiveHearing, type LiveConnection } from "./chair-live";
import { refreshConsoleFor } from "./console-refresh";
import { clockWarning, formatClock, type ClockWarning } from "./live-clock";
import { QuestionClockView } from "./question-clock";

// The top of the chair's console: the clock, who speaks, the phase and the question on
// screen, as every viewer sees them, in the first screenful at 1366×768. Warns at one minute
// left and at zero (announced once each, politely). When the stream brings a newer version
// than the console was rendered with (a move from another tab, a move whose answer was lost),
// the console is rendered afresh, so that its buttons act on what is there.

const WARNING_STYLE: Record<ClockWarning, string> = {
  none: "border-slate-300 bg-white text-slate-950",
  oneMinute: "border-amber-500 bg-amber-50 text-amber-950",
  timeUp: "border-rose-700 bg-rose-50 text-rose-900",
};

const CONNECTION_STYLE: Record<LiveConnection, string> = {
  connecting: "text-slate-700",
  live: "text-emerald-800",
  retrying: "text-amber-900",
  gone: "text-rose-900",
};

type Props = {
  hearingId: string;
  initial: PublicHearingState;
  /** The version the console's forms were rendered with. */
  renderedVersion: number;
  /** Candidates on the running order. */
  total: number;
};

export function ChairCockpit({ hearingId, initial, renderedVersion, total }: Props) {
  const t = useTranslations("hearingLive.cockpit");
  const panel = useTranslations("hearingLive.panel");
  const router = useRouter();
  const { state, connection, leftMs, serverNow } = useLiveHearing(hearingId, initial);

  useEffect(() => {
    if (state.version > renderedVersion) refreshConsoleFor(router, hearingId, state.version);
  }, [state.version, renderedVersion, router, hearingId]);

  const warning = clockWarning(leftMs);
  const speaking = state.status === "LIVE" ? state.candidate : null;
  const question = state.status === "LIVE" ? state.question : null;

  return (
    <section aria-labelledby="cockpit-heading" className="grid gap-3 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]" data-testid="chair-cockpit">
      <h2 id="cockpit-heading" className="sr-only">
        {t("heading")}
      </h2>
      <div className={`space-y-1 rounded border-2 p-3 ${WARNING_STYLE[warning]}`} data-testid="cockpit-clock-box" data-warning={warning}>
        <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
          <span className="font-semibold">{state.status === "LIVE" ? (state.pausedAt ? t("paused") : panel(`phase.${state.phase}`)) : null}</span>
          <span className={CONNECTION_STYLE[connection]} data-testid="cockpit-connection" data-state={connection}>
            {t(`connection.${connection}`)}
          </span>
        </p>
        {leftMs === null ? (
          <p className="text-lg font-medium" data-testid="cockpit-status">
            {state.status === "SCHEDULED" ? t("notOpen") : state.status === "ENDED" ? t("ended") : t("betweenPhases")}
          </p>
        ) : (
          <p className="flex flex-wrap items-baseline gap-x-3" data-testid="cockpit-clock">
            <span className="text-sm font-medium">{leftMs >= 0 ? panel("timeLeft") : panel("overTime")}</span>
            {/* The digits read left to right in every language. */}
            <span dir="ltr" className="font-mono text-5xl font-bold tabular-nums" data-testid="cockpit-clock-digits">
              {leftMs < 0 ? "+" : ""}
              {formatClock(leftMs)}
            </span>
          </p>
        )}
        {/* Said once when it changes: at one minute, at zero. */}
        <p role="status" className="min-h-6 font-semibold" data-testid="cockpit-warning">
          {warning === "none" ? "" : t(`warning.${warning}`)}
        </p>
        {speaking ? (
          <p className="text-xl font-bold" data-testid="cockpit-speaker">
            {speaking.position === null ? speaking.name : t("speaker", { name: speaking.name, position: speaking.position, total })}
          </p>
        ) : null}
      </div>
      <div className="space-y-1 rounded border-2 border-slate-300 p-3" data-testid="cockpit-question">
        <h3 className="text-sm font-semibold">{question?.position ? panel("questionNumbered", { position: question.position }) : panel("questionHeading")}</h3>
        {question ? (
          <>
            <p className="text-lg whitespace-pre-line" dir="auto" data-testid="cockpit-question-text">
              {question.text}
            </p>
            <p className="text-sm text-slate-700">{panel("askedBy", { name: question.askerName, source: panel(`source.${question.source}`) })}</p>
            <QuestionClockView clock={state.questionClock} pausedAt={state.pausedAt} serverNow={serverNow} variant="cockpit" />
          </>
        ) : (
          <p className="text-slate-700">{t("noQuestion")}</p>
        )}
      </div>
    </section>
  );
}
