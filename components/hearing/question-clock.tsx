"use client";

import { useTranslations } from "next-intl";
import { questionClockReading, type QuestionClock } from "@/lib/hearings/clocks-rules";
import { formatClock } from "./live-clock";

// The clock of the question on screen, beside the phase clock (docs/fairness.md#finer-clocks):
// the question's own clock while it is put, then the answer's. Over-running is shown — in
// words as well as in colour — and never enforced. The digits are a timer screen readers read
// when asked; only the moment a part runs over is said, once (a polite status that changes
// then and only then), never a second-by-second count.

type Variant = "panel" | "cockpit" | "projector";

const STYLE: Record<Variant, { box: string; digits: string; label: string; ok: string; over: string }> = {
  panel: {
    box: "rounded border p-3",
    digits: "font-mono text-2xl tabular-nums",
    label: "text-sm font-semibold",
    ok: "border-slate-300",
    over: "border-rose-700 bg-rose-50 text-rose-900",
  },
  cockpit: {
    box: "rounded border-2 p-2",
    digits: "font-mono text-3xl font-bold tabular-nums",
    label: "text-sm font-semibold",
    ok: "border-slate-300",
    over: "border-rose-700 bg-rose-50 text-rose-900",
  },
  projector: {
    box: "rounded-lg border-2 px-[2vw] py-[1vh]",
    digits: "font-mono font-bold tabular-nums text-[clamp(2rem,min(9vw,12vh),10rem)] leading-none",
    label: "text-[clamp(1rem,min(2vw,3.5vh),2.25rem)] font-semibold",
    ok: "border-slate-500 text-white",
    over: "border-rose-400 text-rose-300",
  },
};

type Props = {
  clock: QuestionClock | null | undefined;
  pausedAt: string | null;
  /** Now on the server's clock (the viewer's clock corrected by the measured offset). */
  serverNow: number;
  variant: Variant;
};

export function QuestionClockView({ clock, pausedAt, serverNow, variant }: Props) {
  const t = useTranslations("hearingClocks.live");
  // Older stored states have no question clock: nothing to show.
  if (!clock) return null;
  const reading = questionClockReading(clock, pausedAt, serverNow);
  const style = STYLE[variant];
  const part = clock.kind === "QUESTION" ? "question" : "answer";
  let digits: string;
  let caption: string;
  if (reading.leftMs === null) {
    digits = formatClock(reading.elapsedMs);
    caption = t(`${part}.elapsed`);
  } else if (reading.over) {
    digits = `+${formatClock(reading.leftMs)}`;
    caption = t(`${part}.over`);
  } else {
    digits = formatClock(reading.leftMs);
    caption = t(`${part}.left`);
  }
  const limit = clock.limitMs === null ? null : formatClock(clock.limitMs);
  return (
    <div
      className={`${style.box} ${reading.over ? style.over : style.ok}`}
      data-testid={`${variant}-question-clock`}
      data-kind={clock.kind}
      data-over={reading.over ? "yes" : "no"}
    >
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span className={style.label}>{caption}</span>
        <span role="timer" aria-live="off" dir="ltr" className={style.digits} data-testid={`${variant}-question-clock-digits`}>
          {digits}
        </span>
        {limit ? <span className="text-[0.8em]">{t("limit", { limit })}</span> : null}
      </p>
      {/* Said once when this part runs over; empty otherwise (a status that does not tick). */}
      <p role="status" className="font-semibold">
        {reading.over ? t(`${part}.overNotice`) : ""}
      </p>
    </div>
  );
}
