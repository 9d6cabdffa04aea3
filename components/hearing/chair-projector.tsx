"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { useLiveHearing } from "./chair-live";
import { clockWarning, formatClock, type ClockWarning } from "./live-clock";
import { QuestionClockView } from "./question-clock";

// The room's screen: the clock, who speaks and the question on screen, large enough to read
// from the back of the room, white on near-black, driven by the same stream as every viewer.
// It covers the whole window and has no control: the rest of the page is made inert while it
// is shown, so that nothing behind it can take the focus. The browser's own full screen (F11)
// hides the window's frame.

const CLOCK_STYLE: Record<ClockWarning, string> = {
  none: "text-white",
  oneMinute: "text-amber-300",
  timeUp: "text-rose-400",
};

/** Makes everything but `element` and its ancestors inert; returns the undo. */
function isolate(element: HTMLElement): () => void {
  const made: Element[] = [];
  for (let node: HTMLElement | null = element; node && node !== document.body; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement?.children ?? [])) {
      if (sibling === node || sibling.hasAttribute("inert") || sibling.tagName === "SCRIPT") continue;
      sibling.setAttribute("inert", "");
      made.push(sibling);
    }
  }
  return () => made.forEach((e) => e.removeAttribute("inert"));
}

type Props = {
  hearingId: string;
  initial: PublicHearingState;
  /** Candidates on the running order. */
  total: number;
  conferenceName: string;
  rehearsal: boolean;
};

export function ChairProjector({ hearingId, initial, total, conferenceName, rehearsal }: Props) {
  const t = useTranslations("hearingLive.projector");
  const panel = useTranslations("hearingLive.panel");
  const root = useRef<HTMLDivElement>(null);
  const { state, connection, leftMs, serverNow } = useLiveHearing(hearingId, initial);

  useEffect(() => (root.current ? isolate(root.current) : undefined), []);

  const warning = clockWarning(leftMs);
  const speaking = state.status === "LIVE" ? state.candidate : null;
  const question = state.status === "LIVE" ? state.question : null;

  let status: string;
  if (state.status === "SCHEDULED") status = t("notOpen");
  else if (state.status === "ENDED") status = t("ended");
  else if (state.pausedAt) status = t("paused");
  else status = panel(`phase.${state.phase}`);

  return (
    <div
      ref={root}
      className="fixed inset-0 z-50 grid grid-rows-[auto_minmax(0,1fr)_auto] gap-[2vh] overflow-hidden bg-slate-950 px-[4vw] py-[3vh] text-white"
      data-testid="projector"
      data-warning={warning}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-[clamp(1rem,min(2vw,3.5vh),2.25rem)]">
        <h1 className="font-semibold">{t("title", { conference: conferenceName })}</h1>
        <p className="flex items-baseline gap-4">
          {rehearsal ? (
            <span className="rounded bg-amber-300 px-3 text-slate-950 font-bold" data-testid="projector-rehearsal">
              {t("rehearsal")}
            </span>
          ) : null}
          <span data-testid="projector-status">{status}</span>
          {connection === "live" ? null : (
            <span className="text-amber-300" data-testid="projector-connection">
              {t(`connection.${connection}`)}
            </span>
          )}
        </p>
      </div>

      <div className="flex min-h-0 flex-col items-center justify-center gap-[1.5vh] overflow-hidden text-center">
        {speaking ? (
          <p className="text-[clamp(1.5rem,min(4.5vw,7vh),6rem)] leading-tight font-bold" data-testid="projector-speaker">
            {speaking.position === null ? speaking.name : t("speaker", { name: speaking.name, position: speaking.position, total })}
          </p>
        ) : null}
        {leftMs === null ? null : (
          <p className={`leading-none font-bold ${CLOCK_STYLE[warning]}`} data-testid="projector-clock">
            <span className="sr-only">{leftMs >= 0 ? panel("timeLeft") : panel("overTime")} </span>
            <span
              dir="ltr"
              className={`font-mono tabular-nums ${question ? "text-[clamp(4rem,min(22vw,30vh),28rem)]" : "text-[clamp(5rem,min(26vw,44vh),32rem)]"}`}
              data-testid="projector-clock-digits"
            >
              {leftMs < 0 ? "+" : ""}
              {formatClock(leftMs)}
            </span>
          </p>
        )}
        <p className={`min-h-[1.2em] text-[clamp(1.25rem,min(3vw,5vh),4rem)] leading-tight font-bold ${CLOCK_STYLE[warning]}`} data-testid="projector-warning">
          {warning === "none" ? "" : t(`warning.${warning}`)}
        </p>
        {/* Beside the phase clock: the question's, then the answer's (docs/fairness.md#finer-clocks). */}
        {question ? <QuestionClockView clock={state.questionClock} pausedAt={state.pausedAt} serverNow={serverNow} variant="projector" /> : null}
      </div>

      {question ? (
        <section className="rounded-lg border-2 border-slate-500 p-[2vh] text-[clamp(1rem,min(2.4vw,3.6vh),3rem)]" data-testid="projector-question">
          <h2 className="text-[0.6em] font-semibold text-slate-300">
            {question.position ? panel("questionNumbered", { position: question.position }) : panel("questionHeading")}
          </h2>
          <p className="leading-snug whitespace-pre-line" dir="auto" data-testid="projector-question-text">
            {question.text}
          </p>
          <p className="text-[0.6em] text-slate-300">{panel("askedBy", { name: question.askerName, source: panel(`source.${question.source}`) })}</p>
        </section>
      ) : null}
    </div>
  );
}
