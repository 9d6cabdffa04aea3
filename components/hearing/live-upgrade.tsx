"use client";

import type { ReactNode } from "react";
import { useLiveHearings } from "@/components/layout/use-live-hearings";

/**
 * A cached page rendered before the hearing started says "scheduled"; once /api/live lists the
 * hearing, the browser shows the live version instead, until the page itself is refreshed.
 * Only forwards: a page that says "live" is not turned back by a check a few seconds old.
 */
export function LiveUpgrade({ hearingId, live, children }: { hearingId: string; live: ReactNode; children: ReactNode }) {
  const hearings = useLiveHearings();
  return hearings?.some((h) => h.hearingId === hearingId) ? live : children;
}

/** Whether /api/live lists this hearing (false until it answers). */
export function useIsLive(hearingId: string): boolean {
  const hearings = useLiveHearings();
  return hearings?.some((h) => h.hearingId === hearingId) ?? false;
}
