"use client";

import { useTranslations } from "next-intl";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { HearingAskForm, type HearingAskSetup } from "./hearing-ask-form";
import { formatClock, timeLeftMs } from "./live-clock";
import { QuestionClockView } from "./question-clock";
import { useHearingStream, useSecondTick, type StreamConnection } from "./use-hearing-stream";

// The live panel of a hearing (¶6, ¶7), on the webcast page and the chair's console, fed by
// the hearing's stream (./use-hearing-stream.ts, which reconnects by itself, and polls the
// hearing's state every few seconds when the stream cannot be had); the panel says where the
// connection stands (docs/decisions/020-live-stream-recovery.md,
// docs/decisions/035-state-endpoint-and-50k-viewers.md).
// The clock is computed here, from when the phase started, its duration, the pause and the
// offset between this browser's clock and the server's, measured on each event: nothing is
// sent once a second. Changes are announced politely; the ticking clock is not.

type Props = {
  hearingId: string;
  /** The state when the page was rendered per request; the stream's first event replaces it. */
  initial?: PublicHearingState;
  /** The viewers' question form, for the webcast page (not on the chair's console). */
  ask?: HearingAskSetup;
};

export function LivePanel({ hearingId, initial, ask }: Props) {
  const t = useTranslations("hearingLive.panel");
  // A cached page has no state of its own: the stream's first event (a snapshot) brings it.
  const { live, connection } = useHearingStream(hearingId, initial);

  const running = live !== null && live.state.status === "LIVE" && live.state.phase !== "IDLE" && !live.state.pausedAt;
  const tick = useSecondTick(running);
  if (!live) {
    return (
      <section aria-labelledby="live-heading" className="space-y-4 rounded border border-slate-300 p-4" data-testid="live-panel">
        <h2 id="live-heading" className="text-2xl font-semibold">
          {t("heading")}
        </h2>
        <p role="status" data-testid="live-connecting">
          {connection.kind === "connecting" ? t("connecting") : <ConnectionText connection={connection} />}
        </p>
      </section>
    );
  }
  const { state, offsetMs } = live;
  // Between ticks (and while paused) the clock is computed at the last event or tick.
  const serverNow = Math.max(tick, Date.parse(state.serverTime) - offsetMs) + offsetMs;
  const left = state.status === "LIVE" ? timeLeftMs(state, serverNow) : null;

  let statusText: string;
  if (state.status === "SCHEDULED") statusText = t("scheduled");
  else if (state.status === "ENDED") statusText = t("ended");
  else if (state.pausedAt) statusText = t("paused");
  else statusText = t("live");

  return (
    <section aria-labelledby="live-heading" className="space-y-4 rounded border border-slate-300 p-4" data-testid="live-panel">
      <h2 id="live-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      {/* Polite: said when it changes, never interrupting; the countdown is not ticked. */}
      <p
        role="status"
        className={`text-sm ${connection.kind === "live" || connection.kind === "polling" ? "text-emerald-800" : "text-amber-900"}`}
        data-testid="live-connection"
        data-state={connection.kind}
      >
        <ConnectionText connection={connection} />
      </p>
      {/* Announced when it changes: who speaks, the phase, the question on screen. */}
      <div aria-live="polite" aria-atomic="false" className="space-y-3">
        <p className="font-medium" data-testid="live-status">
          {statusText}
        </p>
        {state.status === "LIVE" && state.candidate ? (
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("speaking")}</dt>
            <dd data-testid="live-speaker">
              {state.candidate.position === null ? state.candidate.name : t("speaker", { name: state.candidate.name, position: state.candidate.position })}
            </dd>
            <dt className="font-semibold">{t("phaseLabel")}</dt>
            <dd data-testid="live-phase">{t(`phase.${state.phase}`)}</dd>
          </dl>
        ) : null}
        {state.draw ? (
          <div className="space-y-1" data-testid="live-draw">
            <p>
              {t("drawn", { drawn: state.draw.drawn, requested: state.draw.requested })}
              {state.draw.shortfall ? ` ${t("shortfall")}` : ""}
            </p>
            {/* The public entropy of the draw, as read aloud in the room: anyone can note it now. */}
            {state.draw.entropy ? (
              <p>
                {t("entropy")}{" "}
                <code dir="ltr" className="font-mono text-lg tracking-widest" data-testid="live-draw-entropy">
                  {state.draw.entropy}
                </code>
              </p>
            ) : null}
            {state.draw.pendingCount ? (
              <p className="text-sm text-slate-700" data-testid="live-draw-pending">
                {t("pendingAtDraw", { count: state.draw.pendingCount })}
              </p>
            ) : null}
          </div>
        ) : null}
        {state.question ? (
          <figure className="rounded border-s-4 border-brand-700 bg-brand-50 p-3" data-testid="live-question">
            <figcaption className="text-sm text-slate-700">
              {state.question.position === null ? t("questionHeading") : t("questionNumbered", { position: state.question.position })}
            </figcaption>
            <blockquote className="mt-1 text-lg whitespace-pre-line" dir="auto" data-testid="live-question-text">
              {state.question.text}
            </blockquote>
            <p className="mt-1 text-sm" data-testid="live-question-asker">
              {t("askedBy", { name: state.question.askerName, source: t(`source.${state.question.source}`) })}
            </p>
          </figure>
        ) : null}
      </div>
      {left !== null ? (
        // Not a live region: a screen reader reads it when asked, not every second.
        <p className="text-lg">
          <span className="font-semibold">{left >= 0 ? t("timeLeft") : t("overTime")}</span>{" "}
          <span role="timer" aria-live="off" dir="ltr" className="font-mono text-3xl tabular-nums" data-testid="live-clock">
            {left >= 0 ? formatClock(left) : `+${formatClock(left)}`}
          </span>
        </p>
      ) : null}
      {/* Beside the phase clock: the question's, then the answer's (docs/fairness.md#finer-clocks). */}
      {state.status === "LIVE" && state.question ? (
        <QuestionClockView clock={state.questionClock} pausedAt={state.pausedAt} serverNow={serverNow} variant="panel" />
      ) : null}
      {state.status === "LIVE" && state.durationMs !== null ? (
        <p className="text-sm text-slate-700" data-testid="live-duration">
          {t("duration", { minutes: Math.round(state.durationMs / 60_000) })}
        </p>
      ) : null}
      {ask ? <HearingAskForm setup={ask} state={state} /> : null}
    </section>
  );
}

function ConnectionText({ connection }: { connection: StreamConnection }) {
  const t = useTranslations("liveConnection");
  const fallback = useTranslations("liveFallback");
  if (connection.kind === "live") return t("live");
  if (connection.kind === "polling") return fallback("polling");
  if (connection.kind === "delayed") return fallback("delayed", { seconds: connection.seconds });
  if (connection.kind === "offline") return t("offline", { seconds: connection.seconds });
  if (connection.kind === "gone") return t("gone");
  if (connection.kind === "connecting") return t("connecting");
  return t("reconnecting");
}
