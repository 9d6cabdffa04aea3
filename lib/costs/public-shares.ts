import "server-only";
import { unstable_cache } from "next/cache";
import { TAGS } from "@/lib/cache-tags";
import { CACHED_READ_SECONDS } from "@/lib/cache/bounds";
import { db } from "@/lib/db";
import { costShares, snapshotStates } from "./shares";

// Each Member State's share of a hearing's costs, public once the hearing has ended (¶6,
// docs/domain.md#hearing-costs): over the snapshot of the states on the running order at the
// start, never a projection. Nothing before the end. No sign-in: only public figures. A cache
// entry crosses a JSON boundary, so amounts in minor units are decimal strings.

export type PublicStateShare = { memberStateId: string; iso3: string; iso2: string; nameEn: string; amountMinor: string };
export type PublicCurrencyShares = { currency: string; totalMinor: string; shares: PublicStateShare[] };
export type PublicCostShares = { hearingId: string; currencies: PublicCurrencyShares[] };

const STATE_FIELDS = { id: true, iso3: true, iso2: true, nameEn: true } as const;

/** Null for an unknown hearing or one that has not ended (ENDED, revealed or closed: status ENDED). */
export async function readPublicCostShares(hearingId: string): Promise<PublicCostShares | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(hearingId)) return null;
  const hearing = await db().hearing.findUnique({
    // A rehearsal has no costs and no public record (docs/decisions/018-rehearsal-hearings.md).
    where: { id: hearingId, rehearsal: false },
    select: { id: true, status: true, costStateIds: true, costItems: { select: { amountMinor: true, currency: true } } },
  });
  if (!hearing || hearing.status !== "ENDED") return null;
  const states = snapshotStates(hearing.costStateIds, await db().memberState.findMany({ where: { id: { in: hearing.costStateIds } }, select: STATE_FIELDS }));
  return {
    hearingId: hearing.id,
    currencies: costShares(hearing.costItems, states).map((c) => ({
      currency: c.currency,
      totalMinor: c.totalMinor.toString(),
      shares: c.shares.map((s) => ({ ...s, amountMinor: s.amountMinor.toString() })),
    })),
  };
}

/** Cached for the public hearing page, revalidated by TAGS.hearings (the costs' and the chair's changes refresh it). */
export function getCachedPublicCostShares(hearingId: string): Promise<PublicCostShares | null> {
  return unstable_cache(() => readPublicCostShares(hearingId), ["hearing-cost-shares", hearingId], {
    tags: [TAGS.hearings],
    revalidate: CACHED_READ_SECONDS,
  })();
}
