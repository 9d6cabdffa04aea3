import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { QUOTA_BOUND_MAX, QUOTA_SOURCES } from "@/lib/draw/quota";
import { getQuotaForAdmin } from "@/lib/hearings/quota-admin";
import { maxField, minField, REGION_MAX_FIELD } from "@/lib/hearings/quota-schema";
import { Link } from "@/lib/i18n/navigation";
import { saveQuestionQuota } from "./quota-actions";

/**
 * The set-up's question quota (docs/fairness.md#quota-draws): per source a minimum and a
 * maximum of drawn questions per candidate, and a maximum per region among Member States'
 * questions. Editable at the set-up only; after the commitment it is shown, frozen.
 */
export async function QuotaSection({ user, locale, conferenceId, hearingId }: { user: CurrentUser; locale: string; conferenceId: string; hearingId: string }) {
  const t = await getTranslations({ locale, namespace: "questionQuota" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const state = await getQuotaForAdmin(user, { conferenceId, hearingId });
  if (!state) return null;
  const { quota } = state;
  const none = t("none");
  return (
    <section aria-labelledby="question-quota" className="space-y-3" data-testid="quota-admin">
      <h2 id="question-quota" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("intro", { places: state.places })}</p>
      <p className="max-w-prose text-sm">
        {t("rule")}{" "}
        <Link href="/hearing/draw-specification" className="link">
          {t("specLink")}
        </Link>
      </p>
      {state.minsAbovePlaces ? <p className="max-w-prose text-amber-900">{t("minsAbovePlacesNote", { places: state.places })}</p> : null}
      {!state.editable ? (
        <>
          <p data-testid="quota-frozen">
            {state.stage === "COMMITTED" ? t("frozenCommitted") : state.stage === "CLOSED" ? t("frozenClosed") : t("frozenStarted")}
          </p>
          {quota ? (
            <table className="border-collapse text-sm" data-testid="quota-table">
              <caption className="sr-only">{t("heading")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border border-slate-300 p-1 text-start">
                    {t("source")}
                  </th>
                  <th scope="col" className="border border-slate-300 p-1 text-start">
                    {t("min")}
                  </th>
                  <th scope="col" className="border border-slate-300 p-1 text-start">
                    {t("max")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {QUOTA_SOURCES.map((s) => (
                  <tr key={s}>
                    <th scope="row" className="border border-slate-300 p-1 text-start font-normal">
                      {t(`sources.${s}`)}
                    </th>
                    <td className="border border-slate-300 p-1">{quota.sources[s].min}</td>
                    <td className="border border-slate-300 p-1">{quota.sources[s].max ?? none}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="border border-slate-300 p-1 text-start font-normal">
                    {t("regionMax")}
                  </th>
                  <td className="border border-slate-300 p-1">—</td>
                  <td className="border border-slate-300 p-1">{quota.regionMax ?? none}</td>
                </tr>
              </tbody>
            </table>
          ) : (
            <p>{t("noQuota")}</p>
          )}
        </>
      ) : (
        <ActionForm action={saveQuestionQuota} label={t("heading")} className="max-w-2xl space-y-4">
          <HiddenField name="conferenceId" value={conferenceId} />
          <HiddenField name="hearingId" value={hearingId} />
          <p className="text-sm">{t("emptyHelp", { max: QUOTA_BOUND_MAX })}</p>
          {QUOTA_SOURCES.map((s) => (
            <fieldset key={s} className="grid gap-3 sm:grid-cols-2">
              <legend className="font-medium">{t(`sources.${s}`)}</legend>
              <TextField
                name={minField(s)}
                type="number"
                inputMode="numeric"
                min={0}
                max={QUOTA_BOUND_MAX}
                label={t("minOf", { source: t(`sources.${s}`) })}
                defaultValue={quota && quota.sources[s].min > 0 ? quota.sources[s].min : null}
              />
              <TextField
                name={maxField(s)}
                type="number"
                inputMode="numeric"
                min={0}
                max={QUOTA_BOUND_MAX}
                label={t("maxOf", { source: t(`sources.${s}`) })}
                defaultValue={quota?.sources[s].max ?? null}
              />
            </fieldset>
          ))}
          <TextField
            name={REGION_MAX_FIELD}
            type="number"
            inputMode="numeric"
            min={1}
            max={QUOTA_BOUND_MAX}
            label={t("regionMax")}
            description={t("regionMaxHelp")}
            defaultValue={quota?.regionMax ?? null}
          />
          <SubmitButton pendingLabel={admin("saving")}>{t("save")}</SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
