import { isEmptyQuota, parseQuota, stratumOf, type DrawQuota, type QuotaRegion, type QuotaSource } from "@/lib/draw/quota";

// What a question draw needs from the hearing's quota (docs/decisions/045-quota-draws.md):
// pure, shared by the live service (lib/hearings/live.ts) and the chair's console preview.

type Eligible = { id: string; askerKind: QuotaSource; askerRegion: QuotaRegion | null };

/**
 * The quota (with the hearing's places) and each eligible question's stratum, or null when the
 * hearing has no quota: it then draws with hustings-draw-v2, exactly as before.
 */
export function stratifiedDrawOf(stored: unknown, places: number, eligible: readonly Eligible[]): { quota: DrawQuota; strata: Record<string, string> } | null {
  const quota = parseQuota(stored);
  if (!quota || isEmptyQuota(quota)) return null;
  const strata = Object.fromEntries(
    [...eligible].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((q) => [q.id, stratumOf(q.askerKind, q.askerRegion)]),
  );
  return { quota: { ...quota, places }, strata };
}
