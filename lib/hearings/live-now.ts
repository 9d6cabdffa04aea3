import "server-only";
import { db } from "@/lib/db";

// Which hearings are live right now, for the site-wide "Live now" banner (docs/hearing-page.md).
// Every public page is cached for everyone (docs/cache.md), so the banner is not rendered into
// them: the browser asks /api/live. A rehearsal is never live for the public
// (docs/decisions/018-rehearsal-hearings.md).

export type LiveHearing = { hearingId: string; conferenceName: string; isCurrent: boolean };

/** At most this many: in practice one hearing runs at a time. */
const MAX_LIVE = 3;

/** The hearings running now: the current conference's first, then the one started last. */
export async function readLiveHearings(): Promise<LiveHearing[]> {
  const rows = await db().hearing.findMany({
    where: { status: "LIVE", rehearsal: false },
    orderBy: [{ conference: { isCurrent: "desc" } }, { startedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: MAX_LIVE,
    select: { id: true, conference: { select: { name: true, isCurrent: true } } },
  });
  return rows.map((h) => ({ hearingId: h.id, conferenceName: h.conference.name, isCurrent: h.conference.isCurrent }));
}

/** How long one answer serves every visitor of this instance: the banner may lag the start by this much. */
export const LIVE_TTL_MS = 5_000;

let memo: { at: number; value: Promise<LiveHearing[]> } | null = null;

/**
 * The same, read at most once per LIVE_TTL_MS by this instance, however many pages are loaded:
 * on election day every visitor of every page asks, and the chair's moves share the database.
 * A failed read is not kept.
 */
export function getLiveHearings(now = Date.now()): Promise<LiveHearing[]> {
  if (memo && now - memo.at < LIVE_TTL_MS) return memo.value;
  const value = readLiveHearings();
  const entry = { at: now, value };
  memo = entry;
  value.catch(() => {
    if (memo === entry) memo = null;
  });
  return value;
}
