// Hearing costs are shared "in equal parts" by the countries that present candidates (¶6).
// Pure: the console, the CSV export, the public page and the tests compute the same thing.
//
// Who shares (docs/domain.md#hearing-costs): once the hearing has started, the Member States
// whose candidates were on the running order at the start (Hearing.costStateIds, written by
// the start): a withdrawal or a change of the presenters afterwards changes nothing, and a
// state whose candidate never presented is never charged. Before the start, a projection over
// the current presenters, shown as such.

export type CostLine = { amountMinor: bigint; currency: string };
export type SharingState = { id: string; iso3: string; iso2: string; nameEn: string };
export type Presenter = { status: string; memberState: SharingState };
export type StateShare = { memberStateId: string; iso3: string; iso2: string; nameEn: string; amountMinor: bigint };
export type CurrencyShares = { currency: string; totalMinor: bigint; shares: StateShare[] };

/** PROJECTION: before the start, over the current presenters; SNAPSHOT: the states on the running order at the start. */
export type CostBasis = "PROJECTION" | "SNAPSHOT";

/** A hearing that has started (live, ended, revealed or closed) shares over its snapshot. */
export function costBasis(hearing: { status: string }): CostBasis {
  return hearing.status === "SCHEDULED" ? "PROJECTION" : "SNAPSHOT";
}

// Ascending ISO 3166-1 alpha-3: a neutral order anyone can check (see costShares).
const byIso3 = (a: SharingState, b: SharingState) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0);

/** The projection before the start: each state presenting at least one candidate who has not withdrawn, once. */
export function projectedStates(presenters: readonly Presenter[]): SharingState[] {
  const states = new Map<string, SharingState>();
  for (const p of presenters) if (p.status !== "WITHDRAWN") states.set(p.memberState.id, p.memberState);
  return [...states.values()].sort(byIso3);
}

/** The snapshot after the start: exactly the states named by Hearing.costStateIds, whatever their candidates became. */
export function snapshotStates(costStateIds: readonly string[], states: readonly SharingState[]): SharingState[] {
  const ids = new Set(costStateIds);
  const unique = new Map(states.filter((s) => ids.has(s.id)).map((s) => [s.id, s]));
  return [...unique.values()].sort(byIso3);
}

/**
 * Per currency (amounts in different currencies are never added together): the total, and
 * each sharing state's share in the currency's minor units. Shares are exact to the minor
 * unit and add up to the total. When the total does not divide evenly, the remaining minor
 * units (fewer than the number of states) go one each to the first states in ascending
 * ISO 3166-1 alpha-3 order: a neutral, reproducible order that favours no state by name,
 * language or size, and that anyone can check from the published list.
 */
export function costShares(items: readonly CostLine[], sharing: readonly SharingState[]): CurrencyShares[] {
  const states = [...sharing].sort(byIso3);
  const totals = new Map<string, bigint>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0n) + item.amountMinor);
  const n = BigInt(states.length);
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, totalMinor]) => {
      if (n === 0n) return { currency, totalMinor, shares: [] };
      const base = totalMinor / n;
      const remainder = totalMinor % n;
      const shares = states.map((s, i) => ({
        memberStateId: s.id,
        iso3: s.iso3,
        iso2: s.iso2,
        nameEn: s.nameEn,
        amountMinor: base + (BigInt(i) < remainder ? 1n : 0n),
      }));
      return { currency, totalMinor, shares };
    });
}
