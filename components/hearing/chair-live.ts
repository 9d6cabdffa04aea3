"use client";

import type { PublicHearingState } from "@/lib/hearings/live-state";
import { timeLeftMs } from "./live-clock";
import { useHearingStream, useSecondTick, type StreamConnection } from "./use-hearing-stream";

// The live state of a hearing for the chair's console and the room's projector: the same
// stream every viewer reads (app/api/hearings/[id]/events), reopened after any failure with
// the jittered backoff of lib/hearings/reconnect.ts, resuming after the last version seen
// (./use-hearing-stream.ts, shared with the public live panel).
// The clock is computed here from the state and the offset to the server's clock, once a
// second while a phase runs; nothing is sent once a second.

/** Where the stream stands. */
export type LiveConnection = "connecting" | "live" | "retrying" | "gone";

export type LiveView = {
  state: PublicHearingState;
  connection: LiveConnection;
  /** Time left in the phase (negative once over), null when no phase runs. */
  leftMs: number | null;
  /** Now on the server's clock, as of the last event or tick (for the question's clock). */
  serverNow: number;
};

const CONNECTION: Record<StreamConnection["kind"], LiveConnection> = {
  connecting: "connecting",
  live: "live",
  offline: "retrying",
  reconnecting: "retrying",
  gone: "gone",
  // The state comes every few seconds by polling: the stream is still being tried again.
  polling: "retrying",
  delayed: "retrying",
};

/** The hearing's live state, from `initial` (rendered with the page) and then the stream. */
export function useLiveHearing(hearingId: string, initial: PublicHearingState): LiveView {
  const stream = useHearingStream(hearingId, initial);
  const live = stream.live ?? { state: initial, offsetMs: 0 };
  // A newer state rendered with the page (the console re-rendered after a move while the stream was down) wins too.
  const { state, offsetMs } = initial.version > live.state.version ? { state: initial, offsetMs: live.offsetMs } : live;
  const running = state.status === "LIVE" && state.phase !== "IDLE" && !state.pausedAt;
  const tick = useSecondTick(running);
  // Between ticks (and while paused) the clock is computed at the last event or tick.
  const serverNow = Math.max(tick, Date.parse(state.serverTime) - offsetMs) + offsetMs;
  const leftMs = state.status === "LIVE" ? timeLeftMs(state, serverNow) : null;
  return { state, connection: CONNECTION[stream.connection.kind], leftMs, serverNow };
}
