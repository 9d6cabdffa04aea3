"use client";

import { useEffect, useState } from "react";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { RECONNECT, reconnectDelay, streamUrl } from "@/lib/hearings/reconnect";
import { pollState } from "@/lib/hearings/state-endpoint-poll";
import { firstPollDelay, fullProbeDelay, pollDelay, shouldPoll } from "@/lib/hearings/state-endpoint-schedule";
import { publishCaption } from "./caption-feed";

// One hearing's stream (app/api/hearings/[id]/events), for the public live panel, the chair's
// console and the room's projector alike: every change arrives as the whole public state.
// Reconnection is ours, not the browser's (which gives up for good on an error answer): after
// any failure the stream is closed and opened anew after a jittered, growing wait
// (lib/hearings/reconnect.ts), resuming after the last version seen
// (docs/decisions/020-live-stream-recovery.md).
// When the stream keeps failing, or the server says its audience is full (`failure` FULL),
// the panel polls the hearing's state endpoint meanwhile, every few seconds with jitter, and
// keeps trying the stream now and then; the stream's first state ends the polling
// (lib/hearings/state-endpoint-schedule.ts, docs/decisions/035-state-endpoint-and-50k-viewers.md).

/**
 * Where the stream stands: first connection, live, waiting `seconds` before trying again, trying
 * again, or no such hearing; or, without the stream, polling every few seconds, or polling again
 * in `seconds` after polls that failed.
 */
export type StreamConnection =
  | { kind: "connecting" }
  | { kind: "live" }
  | { kind: "offline"; seconds: number }
  | { kind: "reconnecting" }
  | { kind: "gone" }
  | { kind: "polling" }
  | { kind: "delayed"; seconds: number };

/** The state, and how far the server's clock is ahead of this browser's. */
export type Received = { state: PublicHearingState; offsetMs: number };

/** Re-renders once a second while a phase runs (not while paused or between phases); returns this browser's time at the last tick. */
export function useSecondTick(running: boolean): number {
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

/**
 * The newest state the stream (or, without it, the state endpoint) brought (from `initial`,
 * rendered with the page, until then; null for a cached page that has none) and where the
 * connection stands.
 */
export function useHearingStream(hearingId: string, initial?: PublicHearingState): { live: Received | null; connection: StreamConnection } {
  const [live, setLive] = useState<Received | null>(() => (initial ? { state: initial, offsetMs: 0 } : null));
  const [connection, setConnection] = useState<StreamConnection>({ kind: "connecting" });

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    /** Stream failures in a row, and FULL refusals in a row. */
    let attempt = 0;
    let fullInRow = 0;
    let lastVersion: number | null = null;
    let stopped = false;
    /** Bumped whenever polling starts or stops: an answer to an older round is dropped. */
    let polling: number | null = null;
    let rounds = 0;
    let pollErrors = 0;
    let etag: string | null = null;
    const aborter = new AbortController();

    const accept = (next: PublicHearingState, offsetMs: number) => {
      lastVersion = Math.max(lastVersion ?? next.version, next.version);
      setLive((current) => (current && next.version < current.state.version ? current : { state: next, offsetMs }));
    };
    // While polling, the status line says so, not the stream's retries behind it.
    const streamStatus = (next: StreamConnection) => {
      if (polling === null) setConnection(next);
    };
    const close = () => {
      clearTimeout(silenceTimer);
      source?.close();
      source = null;
    };

    const poll = async (round: number) => {
      const result = await pollState(hearingId, etag, aborter.signal);
      if (stopped || polling !== round) return;
      if (result.kind === "gone") return goGone();
      if (result.kind === "error") {
        pollErrors += 1;
        const delay = pollDelay(pollErrors, result.retryAfterSeconds);
        setConnection({ kind: "delayed", seconds: Math.ceil(delay / 1_000) });
        pollTimer = setTimeout(() => void poll(round), delay);
        return;
      }
      pollErrors = 0;
      if (result.kind === "state") {
        etag = result.etag;
        accept(result.state, result.offsetMs);
      }
      setConnection({ kind: "polling" });
      pollTimer = setTimeout(() => void poll(round), pollDelay(0));
    };
    const startPolling = () => {
      if (stopped || polling !== null) return;
      rounds += 1;
      const round = rounds;
      polling = round;
      pollErrors = 0;
      setConnection({ kind: "polling" });
      pollTimer = setTimeout(() => void poll(round), firstPollDelay());
    };
    const stopPolling = () => {
      polling = null;
      clearTimeout(pollTimer);
    };
    const goGone = () => {
      stopped = true;
      close();
      stopPolling();
      clearTimeout(retryTimer);
      setConnection({ kind: "gone" });
    };

    // Any failure: close, wait a jittered while (longer each time in a row), open anew; after a
    // few in a row, poll meanwhile.
    const retry = () => {
      if (stopped) return;
      close();
      const delay = reconnectDelay(attempt);
      attempt += 1;
      if (shouldPoll("UNAVAILABLE", attempt)) startPolling();
      streamStatus(delay < 1_000 ? { kind: "reconnecting" } : { kind: "offline", seconds: Math.ceil(delay / 1_000) });
      retryTimer = setTimeout(() => {
        streamStatus({ kind: "reconnecting" });
        connect();
      }, delay);
    };
    // The server's audience is full: poll at once, try the stream again after a long, jittered while.
    const full = () => {
      if (stopped) return;
      close();
      startPolling();
      const delay = fullProbeDelay(fullInRow);
      fullInRow += 1;
      retryTimer = setTimeout(connect, delay);
    };
    // A connection that stays silent past the heartbeat is as good as dead (a vanished server sends no close).
    const heard = () => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(retry, RECONNECT.silenceMs);
    };
    const onState = (event: MessageEvent<string>) => {
      heard();
      let next: PublicHearingState;
      try {
        next = JSON.parse(event.data) as PublicHearingState;
      } catch {
        return;
      }
      attempt = 0;
      fullInRow = 0;
      stopPolling();
      setConnection({ kind: "live" });
      accept(next, Date.parse(next.serverTime) - Date.now());
    };
    // A live caption: outside the state's versions, handed to the captions' display (docs/decisions/040-captions.md).
    const onCaption = (event: MessageEvent<string>) => {
      heard();
      publishCaption(hearingId, event.data);
    };
    // The server's own report that it could not open the stream: no such hearing, full, or try later.
    const onFailure = (event: MessageEvent<string>) => {
      let code = "";
      try {
        code = String((JSON.parse(event.data) as { code?: unknown }).code ?? "");
      } catch {
        // unreadable: treated as a failure to retry
      }
      if (code === "NOT_FOUND") return goGone();
      if (code === "FULL") return full();
      retry();
    };
    const connect = () => {
      if (stopped) return;
      const opened = new EventSource(streamUrl(hearingId, lastVersion));
      source = opened;
      heard();
      opened.addEventListener("state", onState as EventListener);
      opened.addEventListener("heartbeat", heard);
      opened.addEventListener("caption", onCaption as EventListener);
      opened.addEventListener("failure", onFailure as EventListener);
      opened.onerror = () => {
        if (source === opened) retry();
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      stopPolling();
      aborter.abort();
      close();
    };
  }, [hearingId]);

  return { live, connection };
}
