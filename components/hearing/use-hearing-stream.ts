"use client";

import { useEffect, useState } from "react";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { RECONNECT, reconnectDelay, streamUrl } from "@/lib/hearings/reconnect";

// One hearing's stream (app/api/hearings/[id]/events), for the public live panel, the chair's
// console and the room's projector alike: every change arrives as the whole public state.
// Reconnection is ours, not the browser's (which gives up for good on an error answer): after
// any failure the stream is closed and opened anew after a jittered, growing wait
// (lib/hearings/reconnect.ts), resuming after the last version seen
// (docs/decisions/020-live-stream-recovery.md).

/** Where the stream stands: first connection, live, waiting `seconds` before trying again, trying again, or no such hearing. */
export type StreamConnection = { kind: "connecting" } | { kind: "live" } | { kind: "offline"; seconds: number } | { kind: "reconnecting" } | { kind: "gone" };

/** The state, and how far the server's clock is ahead of this browser's. */
export type Received = { state: PublicHearingState; offsetMs: number };

function received(state: PublicHearingState): Received {
  return { state, offsetMs: Date.parse(state.serverTime) - Date.now() };
}

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
 * The newest state the stream brought (from `initial`, rendered with the page, until then;
 * null for a cached page that has none) and where the connection stands.
 */
export function useHearingStream(hearingId: string, initial?: PublicHearingState): { live: Received | null; connection: StreamConnection } {
  const [live, setLive] = useState<Received | null>(() => (initial ? { state: initial, offsetMs: 0 } : null));
  const [connection, setConnection] = useState<StreamConnection>({ kind: "connecting" });

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
      let next: PublicHearingState;
      try {
        next = JSON.parse(event.data) as PublicHearingState;
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

  return { live, connection };
}
