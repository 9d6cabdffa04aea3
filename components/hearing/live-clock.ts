import type { PublicHearingState } from "@/lib/hearings/live-state";

// The pure part of the live panel and the viewers' question form, for their tests.

/** Time left in the phase (negative once it has run over), on the server's clock. */
export function timeLeftMs(state: Pick<PublicHearingState, "phaseStartedAt" | "durationMs" | "pausedAt">, serverNow: number): number | null {
  if (!state.phaseStartedAt || state.durationMs === null) return null;
  const until = state.pausedAt ? Date.parse(state.pausedAt) : serverNow;
  return state.durationMs - Math.max(0, until - Date.parse(state.phaseStartedAt));
}

/** m:ss, or h:mm:ss from an hour; the sign is the caller's. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** Who may still be asked: the candidate speaking and those after; everyone before the start. */
export function askableCandidates(
  order: readonly { candidateId: string; name: string; position: number | null }[],
  state: Pick<PublicHearingState, "status" | "candidate">,
) {
  if (state.status === "ENDED") return [];
  const at = state.status === "LIVE" ? (state.candidate?.position ?? null) : null;
  return order.filter((c) => at === null || c.position === null || c.position >= at);
}

/** From this much time left, the clock warns that the phase is nearly over. */
export const ONE_MINUTE_MS = 60_000;

export type ClockWarning = "none" | "oneMinute" | "timeUp";

/**
 * The chair's and the room's warnings: at one minute left, and at zero (then for as long as
 * the phase runs over). No warning while no phase runs.
 */
export function clockWarning(leftMs: number | null): ClockWarning {
  if (leftMs === null) return "none";
  if (leftMs <= 0) return "timeUp";
  return leftMs <= ONE_MINUTE_MS ? "oneMinute" : "none";
}
