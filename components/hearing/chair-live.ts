"use client";

import { useEffect, useState } from "react";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { RECONNECT, reconnectDelay, streamUrl } from "@/lib/hearings/reconnect";
import { timeLeftMs } from "./live-clock";

// The live state of a hearing for the chair's console and the room's projector: the same
// stream every viewer reads (app/api/hearings/[id]/events), reopened after any failure with
// the jittered backoff of lib/hearings/reconnect.ts, resuming after the last version seen.
// The clock is computed here from the state and the offset to the server's clock, once a
// second while a phase runs; nothing is sent once a second.

/** Where the stream stands. */
export type LiveConnection = "connecting" | "live" | "retrying" | "gone";

type Received = { state: PublicHearingState; offsetMs: number };

function received(state: PublicHearingState): Received {
  return { state, offsetMs: Date.parse(state.serverTime) - Date.now() };
}

/** Re-renders once a second while `running`; returns this browser's time at the last tick. */
function useSecondTick(running: boolean): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [running]);
  return now;
}

export type LiveView = {
  state: PublicHearingState;
  connection: LiveConnection;
  /** Time left in the phase (negative once over), null when no phase runs. */
  leftMs: number | null;
};

/** The hearing's live state, from `initial` (rendered with the page) and then the stream. */
export function useLiveHearing(hearingId: string, initial: PublicHearingState): LiveView {
  const [live, setLive] = useState<Received>(() => ({ state: initial, offsetMs: 0 }));
  const [connection, setConnection] = useState<LiveConnection>("connecting");

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
    const retry = () => {
      if (stopped) return;
      close();
      setConnection("retrying");
      retryTimer = setTimeout(connect, reconnectDelay(attempt));
      attempt += 1;
    };
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
      setConnection("live");
      setLive((current) => (next.version < current.state.version ? current : received(next)));
    };
    const onFailure = (event: MessageEvent<string>) => {
      let code = "";
      try {
        code = String((JSON.parse(event.data) as { code?: unknown }).code ?? "");
      } catch {
        // unreadable: retried like any failure
      }
      if (code !== "NOT_FOUND") return retry();
      stopped = true;
      close();
      setConnection("gone");
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

  // A newer state rendered with the page (the console re-rendered after a move while the stream was down) wins too.
  const { state, offsetMs } = initial.version > live.state.version ? { state: initial, offsetMs: live.offsetMs } : live;
  const running = state.status === "LIVE" && state.phase !== "IDLE" && !state.pausedAt;
  const tick = useSecondTick(running);
  // Between ticks (and while paused) the clock is computed at the last event or tick.
  const serverNow = Math.max(tick, Date.parse(state.serverTime) - offsetMs) + offsetMs;
  const leftMs = state.status === "LIVE" ? timeLeftMs(state, serverNow) : null;
  return { state, connection, leftMs };
}
