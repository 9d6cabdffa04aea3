import { getTranslations } from "next-intl/server";
import { formatAmount, formatMoney } from "@/lib/costs/currencies";
import { getCachedPublicCostShares } from "@/lib/costs/public-shares";
import { memberStateName } from "@/lib/member-states/names";

/**
 * Each Member State's share of the hearing's costs, on the hearing's public page once the
 * hearing has ended (¶6, docs/domain.md#hearing-costs); nothing before. Cached with the page
 * (TAGS.hearings). Amounts in the reader's locale, with the currency's ISO 4217 minor units.
 */
export async function CostShares({ locale, hearingId }: { locale: string; hearingId: string }) {
  const costs = await getCachedPublicCostShares(hearingId);
  if (!costs) return null;
  const t = await getTranslations({ locale, namespace: "hearingCosts" });
  return (
    <section aria-labelledby="cost-shares-heading" className="space-y-4" data-testid="public-cost-shares">
      <h2 id="cost-shares-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("intro")}</p>
      {costs.currencies.length === 0 ? <p>{t("noCosts")}</p> : null}
      {costs.currencies.map((c) => (
        <div key={c.currency} className="space-y-2">
          <h3 className="text-lg font-semibold" data-testid={`public-total-${c.currency}`}>
            {t("totalIn", { currency: c.currency, total: formatAmount(locale, BigInt(c.totalMinor), c.currency) })}
          </h3>
          {c.shares.length === 0 ? (
            <p>{t("noStates")}</p>
          ) : (
            <table className="w-full max-w-2xl border-collapse" data-testid={`public-shares-${c.currency}`}>
              <caption className="sr-only">{t("caption", { currency: c.currency })}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 text-start">
                    {t("memberState")}
                  </th>
                  <th scope="col" className="py-2 text-end">
                    {t("share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.shares.map((s) => (
                  <tr key={s.memberStateId} className="border-b border-slate-200">
                    <td className="py-2">{memberStateName(locale, s)}</td>
                    <td className="py-2 text-end tabular-nums" dir="ltr">
                      {formatMoney(locale, BigInt(s.amountMinor), c.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {costs.currencies.some((c) => c.shares.length > 1) ? <p className="text-sm text-slate-700">{t("remainderRule")}</p> : null}
    </section>
  );
}
