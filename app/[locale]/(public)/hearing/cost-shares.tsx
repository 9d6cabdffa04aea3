import { getTranslations } from "next-intl/server";
import { SharesTable } from "@/components/costs/shares-table";
import { formatAmount } from "@/lib/costs/currencies";
import { getCachedPublicCostShares } from "@/lib/costs/public-shares";

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
            <SharesTable
              locale={locale}
              currency={c.currency}
              shares={c.shares}
              caption={t("caption", { currency: c.currency })}
              memberStateLabel={t("memberState")}
              shareLabel={t("share")}
              testId={`public-shares-${c.currency}`}
            />
          )}
        </div>
      ))}
      {costs.currencies.some((c) => c.shares.length > 1) ? <p className="text-sm text-slate-700">{t("remainderRule")}</p> : null}
    </section>
  );
}
