import { formatMoney } from "@/lib/costs/currencies";
import { memberStateName } from "@/lib/member-states/names";

export type ShareRow = { memberStateId: string; iso2: string; iso3: string; nameEn: string; amountMinor: bigint | string };

/**
 * One currency's table of Member State shares (docs/domain.md#hearing-costs), shared by the
 * hearing's public page and the conference console so that both show the same figures the same
 * way: the state's name in the reader's locale, the amount in the currency's minor units. The
 * callers give the labels (each from its own namespace), the test id and, for the console, the
 * ISO 3166 alpha-3 code after the name and the id of the note that says what the shares rest on.
 */
export function SharesTable({
  locale,
  currency,
  shares,
  caption,
  memberStateLabel,
  shareLabel,
  testId,
  describedBy,
  showIso3 = false,
}: {
  locale: string;
  currency: string;
  shares: readonly ShareRow[];
  caption: string;
  memberStateLabel: string;
  shareLabel: string;
  testId: string;
  describedBy?: string;
  showIso3?: boolean;
}) {
  return (
    <table className="w-full max-w-2xl border-collapse" data-testid={testId} aria-describedby={describedBy}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 text-start">
            {memberStateLabel}
          </th>
          <th scope="col" className="py-2 text-end">
            {shareLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {shares.map((s) => (
          <tr key={s.memberStateId} className="border-b border-slate-200">
            <td className="py-2">{showIso3 ? `${memberStateName(locale, s)} (${s.iso3})` : memberStateName(locale, s)}</td>
            <td className="py-2 text-end tabular-nums" dir="ltr">
              {formatMoney(locale, BigInt(s.amountMinor), currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
