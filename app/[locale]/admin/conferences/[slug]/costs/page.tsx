import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { SharesTable } from "@/components/costs/shares-table";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { getCostsForAdmin } from "@/lib/costs/costs-admin";
import { formatAmount, formatMoney } from "@/lib/costs/currencies";
import { COST_LIMITS } from "@/lib/costs/schema";
import { deleteCostItem, saveCostItem } from "./actions";

const CATEGORIES = ["INTERPRETATION", "ROOM", "OTHER"] as const;

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminCosts" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const conference = await requireConferenceBySlug(params.slug);
  const costs = await getCostsForAdmin(user, conference.id);
  const money = (minor: bigint, currency: string) => formatMoney(locale, minor, currency);

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-prose">{t("intro")}</p>
      {costs === null ? (
        <p>{t("noHearing")}</p>
      ) : (
        <>
          {costs.editable ? null : (
            <p role="status" className="max-w-prose rounded border border-slate-300 bg-slate-50 p-3" data-testid="costs-closed">
              {t("recordClosedNotice")}
            </p>
          )}
          {costs.editable ? (
            <section aria-labelledby="add-item" className="space-y-4">
              <h2 id="add-item" className="text-2xl font-semibold">
                {t("addHeading")}
              </h2>
              <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
              <ActionForm action={saveCostItem} label={t("addHeading")} className="grid max-w-2xl gap-4">
                <HiddenField name="conferenceId" value={conference.id} />
                <SelectField
                  name="category"
                  label={t("category")}
                  required
                  defaultValue="INTERPRETATION"
                  options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
                />
                <TextField name="description" label={t("description")} required maxLength={COST_LIMITS.description} />
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField name="amount" label={t("amount")} description={t("amountHelp")} required inputMode="decimal" dir="ltr" />
                  <TextField name="currency" label={t("currency")} description={t("currencyHelp")} required defaultValue="CHF" maxLength={3} dir="ltr" />
                </div>
                <div>
                  <SubmitButton pendingLabel={admin("creating")}>{t("addSubmit")}</SubmitButton>
                </div>
              </ActionForm>
            </section>
          ) : null}

          <section aria-labelledby="items" className="space-y-4">
            <h2 id="items" className="text-2xl font-semibold">
              {t("itemsHeading")}
            </h2>
            {costs.items.length === 0 ? (
              <p>{t("noItems")}</p>
            ) : (
              <table className="w-full max-w-4xl border-collapse" data-testid="cost-items">
                <caption className="sr-only">{t("itemsHeading")}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 text-start">
                      {t("category")}
                    </th>
                    <th scope="col" className="py-2 text-start">
                      {t("description")}
                    </th>
                    <th scope="col" className="py-2 text-end">
                      {t("amount")}
                    </th>
                    {costs.editable ? (
                      <th scope="col" className="py-2 text-start">
                        {admin("actions")}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {costs.items.map((item) => (
                    <tr key={item.id} className="border-b border-slate-200 align-top">
                      <td className="py-2">{t(`categories.${item.category}`)}</td>
                      <td className="py-2">{item.description}</td>
                      <td className="py-2 text-end" dir="ltr">
                        {money(item.amountMinor, item.currency)}
                      </td>
                      {costs.editable ? (
                        <td className="py-2">
                          <ActionForm action={deleteCostItem} label={t("removeLabel", { description: item.description })}>
                            <HiddenField name="conferenceId" value={conference.id} />
                            <HiddenField name="id" value={item.id} />
                            <ConfirmButton
                              label={t("remove")}
                              title={confirm("removeCost.title")}
                              consequence={confirm("removeCost.consequence", { description: item.description, amount: money(item.amountMinor, item.currency) })}
                              confirmLabel={confirm("removeCost.confirm")}
                              testId="remove-cost"
                            />
                          </ActionForm>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="shares" className="space-y-4">
            <h2 id="shares" className="text-2xl font-semibold">
              {t("sharesHeading")}
            </h2>
            <p className="max-w-prose">{t("sharesIntro")}</p>
            {costs.basis === "PROJECTION" ? (
              <p
                className="max-w-prose rounded border border-amber-300 bg-amber-50 p-3 font-medium"
                id="shares-basis"
                data-testid="shares-basis"
                data-basis="PROJECTION"
              >
                {t("projection")}
              </p>
            ) : (
              <p className="max-w-prose" id="shares-basis" data-testid="shares-basis" data-basis="SNAPSHOT">
                {t("snapshot")}
              </p>
            )}
            <p>
              <a href={`/api/admin/conferences/${conference.slug}/costs`} download className="text-brand-700 underline underline-offset-4">
                {t("downloadCsv")}
              </a>
            </p>
            {costs.shares.length === 0 ? <p>{t("noItems")}</p> : null}
            {costs.shares.map((c) => (
              <div key={c.currency} className="space-y-2">
                <h3 className="text-lg font-semibold" data-testid={`total-${c.currency}`}>
                  {t("totalIn", { currency: c.currency, total: formatAmount(locale, c.totalMinor, c.currency) })}
                </h3>
                {c.shares.length === 0 ? (
                  <p>{t(costs.basis === "PROJECTION" ? "noPayingStates" : "noSnapshotStates")}</p>
                ) : (
                  <SharesTable
                    locale={locale}
                    currency={c.currency}
                    shares={c.shares}
                    caption={t("sharesCaption", { currency: c.currency })}
                    memberStateLabel={t("memberState")}
                    shareLabel={t("share")}
                    testId={`shares-${c.currency}`}
                    describedBy="shares-basis"
                    showIso3
                  />
                )}
              </div>
            ))}
            <p className="text-sm text-slate-700">{t("remainderRule")}</p>
          </section>
        </>
      )}
    </div>
  );
});
