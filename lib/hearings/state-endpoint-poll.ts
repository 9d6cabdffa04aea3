import type { PublicHearingState } from "./live-state";
import { stateUrl } from "./state-endpoint-schedule";

// One ask of the hearing's state endpoint (app/api/hearings/[id]/state) by the live panel, in
// the browser. The browser's own cache is bypassed and the validator sent by hand, so that a
// 304 is seen as "nothing new" rather than the cached body with its old `serverTime`.

export type PollResult =
  | { kind: "state"; state: PublicHearingState; offsetMs: number; etag: string | null }
  | { kind: "unchanged" }
  | { kind: "gone" }
  | { kind: "error"; retryAfterSeconds: number | null };

/**
 * How far the server's clock is ahead of this browser's. A CDN's copy may be a second or two
 * old: its `Age` says by how much, and the body's `serverTime` is moved on by it.
 */
export function offsetFrom(serverTime: string, ageHeader: string | null, now = Date.now()): number {
  const age = Number(ageHeader ?? 0);
  return Date.parse(serverTime) + (Number.isFinite(age) && age > 0 ? age * 1_000 : 0) - now;
}

export async function pollState(hearingId: string, etag: string | null, signal: AbortSignal): Promise<PollResult> {
  let response: Response;
  try {
    response = await fetch(stateUrl(hearingId), {
      cache: "no-store",
      headers: { accept: "application/json", ...(etag ? { "if-none-match": etag } : {}) },
      signal,
    });
  } catch {
    return { kind: "error", retryAfterSeconds: null };
  }
  if (response.status === 304) return { kind: "unchanged" };
  if (response.status === 404) return { kind: "gone" };
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after"));
    await response.body?.cancel().catch(() => undefined);
    return { kind: "error", retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
  }
  try {
    const state = (await response.json()) as PublicHearingState;
    if (typeof state.version !== "number" || typeof state.serverTime !== "string") return { kind: "error", retryAfterSeconds: null };
    return { kind: "state", state, offsetMs: offsetFrom(state.serverTime, response.headers.get("age")), etag: response.headers.get("etag") };
  } catch {
    return { kind: "error", retryAfterSeconds: null };
  }
}
