"use client";

import { useSyncExternalStore } from "react";

// The hearings live now, as /api/live says (docs/hearing-page.md): asked once per page load and
// then every minute or so, shared by whatever shows it (the header's banner, a hearing's status).
// Pages are cached for everyone and cannot say it themselves (docs/cache.md).

export type LiveHearing = { hearingId: string; conferenceName: string; isCurrent: boolean };

/** Between asks; a random part spreads a crowd of open pages over time. */
const EVERY_MS = 60_000;
const JITTER_MS = 20_000;

let live: LiveHearing[] | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;
let asking = false;

async function ask() {
  timer = null;
  asking = true;
  try {
    const response = await fetch("/api/live", { headers: { accept: "application/json" } });
    const body = (await response.json()) as { live?: LiveHearing[] };
    live = Array.isArray(body.live) ? body.live : [];
  } catch {
    // Unknown is shown as nothing live: the banner is a courtesy, never an error.
    live = live ?? [];
  }
  asking = false;
  for (const listener of listeners) listener();
  if (listeners.size > 0) timer = setTimeout(() => void ask(), EVERY_MS + Math.random() * JITTER_MS);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1 && timer === null && !asking) void ask();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

const snapshot = () => live;
const onServer = () => null;

/** The live hearings, or null until the first answer (and on the server). */
export function useLiveHearings(): LiveHearing[] | null {
  return useSyncExternalStore(subscribe, snapshot, onServer);
}
