"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { RECONNECT, reconnectDelay, streamUrl } from "@/lib/hearings/reconnect";
import { HearingAskForm, type HearingAskSetup } from "./hearing-ask-form";
import { formatClock, timeLeftMs } from "./live-clock";

// The live panel of a hearing (¶6, ¶7), on the webcast page and the chair's console. One
// EventSource to the hearing's stream (app/api/hearings/[id]/events): every change arrives
// as the whole public state. Reconnection is ours, not the browser's (which gives up for good
// on an error answer): after any failure the panel closes the stream and opens a new one after
// a jittered, growing wait (lib/hearings/reconnect.ts), resuming after the last version seen,
// and says where it stands (docs/decisions/020-live-stream-recovery.md).
// The clock is computed here, from when the phase started, its duration, the pause and the
// offset between this browser's clock and the server's, measured on each event: nothing is
// sent once a second. Changes are announced politely; the ticking clock is not.

type LiveEvent = PublicHearingState & { change?: string };

/** Where the stream stands: first connection, live, waiting `seconds` before trying again, trying again, or no such hearing. */
type Connection = { kind: "connecting" } | { kind: "live" } | { kind: "offline"; seconds: number } | { kind: "reconnecting" } | { kind: "gone" };

/** The state, and how far the server's clock is ahead of this browser's. */
type Received = { state: PublicHearingState; offsetMs: number };

function received(state: PublicHearingState): Received {
  return { state, offsetMs: Date.parse(state.serverTime) - Date.now() };
}

/** Re-renders once a second while a phase runs (not while paused or between phases). */
function useSecondTick(running: boolean): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      setNow(Date.now());
      // Next tick just after the next whole second, drawn with the next frame.
      timer = setTimeout(
        () => {
          frame = requestAnimationFrame(tick);
        },
        1000 - (Date.now() % 1000) + 5,
      );
    };
    tick();
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [running]);
  return now;
}

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
  const [live, setLive] = useState<Received | null>(() => (initial ? { state: initial, offsetMs: 0 } : null));
  const [connection, setConnection] = useState<Connection>({ kind: "connecting" });

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let lastVersion: number | null = null;
    let stopped = false;

    const close = () => {
      clearTimeout(silenceTimer);
      source?.close();
      source = null;
    };
    // Any failure: close, wait a jittered while (longer each time in a row), open anew.
    const retry = () => {
      if (stopped) return;
      close();
      const delay = reconnectDelay(attempt);
      attempt += 1;
      setConnection(delay < 1_000 ? { kind: "reconnecting" } : { kind: "offline", seconds: Math.ceil(delay / 1_000) });
      retryTimer = setTimeout(() => {
        setConnection({ kind: "reconnecting" });
        connect();
      }, delay);
    };
    // A connection that stays silent past the heartbeat is as good as dead (a vanished server sends no close).
    const heard = () => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(retry, RECONNECT.silenceMs);
    };
    const onState = (event: MessageEvent<string>) => {
      heard();
      let next: LiveEvent;
      try {
        next = JSON.parse(event.data) as LiveEvent;
      } catch {
        return;
      }
      lastVersion = Math.max(lastVersion ?? next.version, next.version);
      attempt = 0;
      setConnection({ kind: "live" });
      setLive((current) => (current && next.version < current.state.version ? current : received(next)));
    };
    // The server's own report that it could not open the stream: no such hearing, or try later.
    const onFailure = (event: MessageEvent<string>) => {
      let code = "";
      try {
        code = String((JSON.parse(event.data) as { code?: unknown }).code ?? "");
      } catch {
        // unreadable: treated as a failure to retry
      }
      if (code !== "NOT_FOUND") return retry();
      stopped = true;
      close();
      setConnection({ kind: "gone" });
    };
    const connect = () => {
      const opened = new EventSource(streamUrl(hearingId, lastVersion));
      source = opened;
      heard();
      opened.addEventListener("state", onState as EventListener);
      opened.addEventListener("heartbeat", heard);
      opened.addEventListener("failure", onFailure as EventListener);
      opened.onerror = () => {
        if (source === opened) retry();
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      close();
    };
  }, [hearingId]);

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
        className={`text-sm ${connection.kind === "live" ? "text-emerald-800" : "text-amber-900"}`}
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
      {state.status === "LIVE" && state.durationMs !== null ? (
        <p className="text-sm text-slate-700" data-testid="live-duration">
          {t("duration", { minutes: Math.round(state.durationMs / 60_000) })}
        </p>
      ) : null}
      {ask ? <HearingAskForm setup={ask} state={state} /> : null}
    </section>
  );
}

function ConnectionText({ connection }: { connection: Connection }) {
  const t = useTranslations("liveConnection");
  if (connection.kind === "live") return t("live");
  if (connection.kind === "offline") return t("offline", { seconds: connection.seconds });
  if (connection.kind === "gone") return t("gone");
  if (connection.kind === "connecting") return t("connecting");
  return t("reconnecting");
}
