import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import { getOwnSplit } from "@/lib/hearings/clocks-admin";
import { formatDuration } from "@/lib/hearings/parity";
import { saveOwnSplit } from "./actions";

/**
 * The candidate's hearing slot: how they split the equal slot between presentation and
 * questions, when the hearing allows it, until the commitment freezes it (docs/fairness.md#finer-clocks);
 * and the limits per question and per answer, so nothing on the day is a surprise.
 */
export default workspacePage("/my/hearing", async ({ user, locale }) => {
  const t = await getTranslations({ locale, namespace: "hearingClocks" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const own = await getOwnSplit(user);
  const duration = (ms: number) => formatDuration(locale, ms);
  return (
    <section aria-labelledby="hearing-slot" className="space-y-6">
      <h1 id="hearing-slot" className="text-3xl font-bold">
        {t("workspace.title")}
      </h1>
      {!own ? (
        <p data-testid="split-none">{t("workspace.noHearing")}</p>
      ) : (
        <>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("workspace.slot")}</dt>
            <dd data-testid="split-current">{t("split.shown", { presentation: duration(own.presentationMs), qa: duration(own.qaMs) })}</dd>
            <dt className="font-semibold">{t("admin.questionLimit")}</dt>
            <dd>{own.questionLimitSeconds === null ? t("admin.none") : duration(own.questionLimitSeconds * 1000)}</dd>
            <dt className="font-semibold">{t("admin.answerLimit")}</dt>
            <dd>{own.answerLimitSeconds === null ? t("admin.none") : duration(own.answerLimitSeconds * 1000)}</dd>
          </dl>
          {own.stale ? (
            <p data-testid="split-stale" className="max-w-prose rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
              {t("workspace.stale")}
            </p>
          ) : null}
          {!own.splitAllowed ? (
            <p>{t("workspace.notAllowed")}</p>
          ) : own.frozen ? (
            <p data-testid="split-frozen">{t("workspace.frozen")}</p>
          ) : (
            <ActionForm action={saveOwnSplit} label={t("workspace.title")} className="grid max-w-xl gap-4">
              <p className="max-w-prose">{t("workspace.intro", { total: own.bounds.totalMinutes })}</p>
              <HiddenField name="hearingId" value={own.hearingId} />
              <TextField
                name="presentationMinutes"
                type="number"
                inputMode="numeric"
                label={t("workspace.presentationMinutes")}
                description={t("split.bounds", { min: own.bounds.minPresentation, max: own.bounds.maxPresentation, total: own.bounds.totalMinutes })}
                required
                min={own.bounds.minPresentation}
                max={own.bounds.maxPresentation}
                defaultValue={Math.round(own.presentationMs / 60_000)}
              />
              <div>
                <SubmitButton pendingLabel={admin("saving")}>{t("workspace.save")}</SubmitButton>
              </div>
            </ActionForm>
          )}
        </>
      )}
    </section>
  );
});
