// Hearing costs are shared "in equal parts" by the countries that present candidates (¶6).
// Pure: the page, the CSV export and the tests compute the same thing.

export type CostLine = { amountMinor: bigint; currency: string };
export type Presenter = { status: string; memberState: { id: string; iso3: string; nameEn: string } };
export type StateShare = { memberStateId: string; iso3: string; nameEn: string; amountMinor: bigint };
export type CurrencyShares = { currency: string; totalMinor: bigint; shares: StateShare[] };

/** The states that owe a share: those presenting at least one candidate who has not withdrawn. */
export function payingStates(presenters: readonly Presenter[]) {
  const states = new Map<string, Presenter["memberState"]>();
  for (const p of presenters) if (p.status !== "WITHDRAWN") states.set(p.memberState.id, p.memberState);
  // Ascending ISO 3166-1 alpha-3: a neutral order anyone can check (see costShares).
  return [...states.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
}

/**
 * Per currency (amounts in different currencies are never added together): the total, and
 * each paying state's share in minor units. Shares are exact to the cent and add up to the
 * total. When the total does not divide evenly, the remaining cents (fewer than the number
 * of states) go one each to the first states in ascending ISO 3166-1 alpha-3 order: a
 * neutral, reproducible order that favours no state by name, language or size, and that
 * anyone can check from the published list.
 */
export function costShares(items: readonly CostLine[], presenters: readonly Presenter[]): CurrencyShares[] {
  const states = payingStates(presenters);
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
        nameEn: s.nameEn,
        amountMinor: base + (BigInt(i) < remainder ? 1n : 0n),
      }));
      return { currency, totalMinor, shares };
    });
}

/** Minor units (two decimals) as a plain decimal string, e.g. 123456n → "1234.56". */
export function formatMinor(amountMinor: bigint): string {
  const sign = amountMinor < 0n ? "-" : "";
  const abs = amountMinor < 0n ? -amountMinor : amountMinor;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}
