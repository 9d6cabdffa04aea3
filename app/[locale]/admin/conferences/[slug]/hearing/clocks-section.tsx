import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getClocksForAdmin } from "@/lib/hearings/clocks-admin";
import { ACCOMMODATION_KINDS, ACCOMMODATION_LIMITS, CLOCK_LIMITS } from "@/lib/hearings/clocks-schema";
import { formatDuration } from "@/lib/hearings/parity";
import { saveAccommodation, saveClocks, saveSplitOnBehalf } from "./clocks-actions";

/**
 * The hearing console's finer clocks (docs/fairness.md#finer-clocks): a limit per question and
 * per answer, whether each candidate may split the equal slot and within which bounds, each
 * candidate's split (entered here on their behalf, or chosen in their workspace), and the
 * accommodations granted in advance (docs/fairness.md#accommodation). The limits and splits are
 * frozen by the commitment; accommodations may be granted until the start.
 */
export async function ClocksSection({ user, locale, conferenceId, hearingId }: { user: CurrentUser; locale: string; conferenceId: string; hearingId: string }) {
  const t = await getTranslations({ locale, namespace: "hearingClocks" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const view = await getClocksForAdmin(user, { conferenceId, hearingId });
  if (!view) return null;
  const { settings, bounds } = view;
  const minutes = (ms: number) => formatDuration(locale, ms);
  const seconds = (s: number | null) => (s === null ? t("admin.none") : formatDuration(locale, s * 1000));
  const mayAccommodate = view.stage === "SET_UP" || view.stage === "COMMITTED";
  return (
    <section aria-labelledby="clocks" className="space-y-4" data-testid="clocks-admin">
      <h2 id="clocks" className="text-2xl font-semibold">
        {t("admin.heading")}
      </h2>
      <p className="max-w-prose">{t("admin.intro")}</p>
      {view.frozen ? (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="clocks-frozen">
          <dt className="font-semibold">{t("admin.questionLimit")}</dt>
          <dd>{seconds(settings.questionLimitSeconds)}</dd>
          <dt className="font-semibold">{t("admin.answerLimit")}</dt>
          <dd>{seconds(settings.answerLimitSeconds)}</dd>
          <dt className="font-semibold">{t("admin.splitAllowed")}</dt>
          <dd>
            {settings.splitAllowed
              ? t("admin.splitBounds", { min: bounds.minPresentation, max: bounds.maxPresentation, total: bounds.totalMinutes })
              : t("admin.splitNotAllowed")}
          </dd>
        </dl>
      ) : (
        <ActionForm action={saveClocks} label={t("admin.heading")} className="grid max-w-2xl gap-4">
          <HiddenField name="conferenceId" value={conferenceId} />
          <HiddenField name="hearingId" value={hearingId} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="questionLimitSeconds"
              type="number"
              inputMode="numeric"
              label={t("admin.questionLimit")}
              description={t("admin.questionLimitHelp", { min: CLOCK_LIMITS.questionMinSeconds, max: CLOCK_LIMITS.questionMaxSeconds })}
              min={CLOCK_LIMITS.questionMinSeconds}
              max={CLOCK_LIMITS.questionMaxSeconds}
              defaultValue={settings.questionLimitSeconds}
            />
            <TextField
              name="answerLimitSeconds"
              type="number"
              inputMode="numeric"
              label={t("admin.answerLimit")}
              description={t("admin.answerLimitHelp", { min: CLOCK_LIMITS.answerMinSeconds, max: CLOCK_LIMITS.answerMaxSeconds })}
              min={CLOCK_LIMITS.answerMinSeconds}
              max={CLOCK_LIMITS.answerMaxSeconds}
              defaultValue={settings.answerLimitSeconds}
            />
          </div>
          <CheckboxField
            name="splitAllowed"
            label={t("admin.splitAllowed")}
            description={t("admin.splitAllowedHelp", { total: bounds.totalMinutes })}
            defaultChecked={settings.splitAllowed}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="minPresentationMinutes"
              type="number"
              inputMode="numeric"
              label={t("admin.minPresentation")}
              description={t("admin.boundHelp")}
              min={CLOCK_LIMITS.boundMinMinutes}
              max={CLOCK_LIMITS.boundMaxMinutes}
              defaultValue={settings.minPresentationMinutes}
            />
            <TextField
              name="minQaMinutes"
              type="number"
              inputMode="numeric"
              label={t("admin.minQa")}
              description={t("admin.boundHelp")}
              min={CLOCK_LIMITS.boundMinMinutes}
              max={CLOCK_LIMITS.boundMaxMinutes}
              defaultValue={settings.minQaMinutes}
            />
          </div>
          <div>
            <SubmitButton pendingLabel={admin("saving")}>{t("admin.save")}</SubmitButton>
          </div>
        </ActionForm>
      )}
      {view.frozen ? <p className="max-w-prose text-sm text-slate-700">{t("admin.frozen")}</p> : null}

      {settings.splitAllowed && view.slots.length > 0 ? (
        <div className="space-y-3">
          <h3 className="text-lg font-semibold">{t("split.heading")}</h3>
          <p className="max-w-prose text-sm text-slate-700">{t("split.adminIntro")}</p>
          <ul className="space-y-3" data-testid="clocks-splits">
            {view.slots.map((s) => (
              <li key={s.candidateId} className="rounded border border-slate-300 p-3">
                <p>
                  <span className="font-medium">{s.name}</span>
                  {": "}
                  {t("split.shown", { presentation: minutes(s.presentationMs), qa: minutes(s.qaMs) })}{" "}
                  <span className="text-sm text-slate-700">{s.chosen ? t("split.chosen") : s.stale ? t("split.stale") : t("split.equalPair")}</span>
                </p>
                {view.frozen ? null : (
                  <ActionForm action={saveSplitOnBehalf} label={t("split.onBehalf", { name: s.name })} className="mt-2 flex flex-wrap items-end gap-3">
                    <HiddenField name="hearingId" value={hearingId} />
                    <HiddenField name="candidateId" value={s.candidateId} />
                    <TextField
                      name="presentationMinutes"
                      type="number"
                      inputMode="numeric"
                      label={t("split.presentationMinutes", { name: s.name })}
                      description={t("split.bounds", { min: bounds.minPresentation, max: bounds.maxPresentation, total: bounds.totalMinutes })}
                      required
                      min={bounds.minPresentation}
                      max={bounds.maxPresentation}
                      defaultValue={Math.round(s.presentationMs / 60_000)}
                    />
                    <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                      {t("split.saveOnBehalf")}
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">{t("accommodation.heading")}</h3>
        <p className="max-w-prose text-sm text-slate-700">{t("accommodation.intro")}</p>
        {view.accommodations.length === 0 ? (
          <p data-testid="clocks-no-accommodation">{t("accommodation.none")}</p>
        ) : (
          <ul className="list-disc space-y-1 ps-6" data-testid="clocks-accommodations">
            {view.accommodations.map((a) => (
              <li key={a.id}>
                {t("accommodation.item", { name: a.name, kind: t(`kinds.${a.kind}`), phase: t(`phases.${a.phase}`), added: minutes(a.addedMs) })}{" "}
                <span dir="auto">{a.reason}</span>
              </li>
            ))}
          </ul>
        )}
        {mayAccommodate && view.slots.length > 0 ? (
          <ActionForm action={saveAccommodation} label={t("accommodation.heading")} className="grid max-w-2xl gap-4">
            <HiddenField name="conferenceId" value={conferenceId} />
            <HiddenField name="hearingId" value={hearingId} />
            <SelectField
              name="candidateId"
              label={t("accommodation.candidate")}
              required
              placeholder={t("accommodation.choose")}
              options={view.slots.map((s) => ({ value: s.candidateId, label: s.name }))}
            />
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                name="kind"
                label={t("accommodation.kind")}
                required
                placeholder={t("accommodation.choose")}
                options={ACCOMMODATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              />
              <SelectField
                name="phase"
                label={t("accommodation.phase")}
                required
                placeholder={t("accommodation.choose")}
                options={(["PRESENTATION", "QA"] as const).map((p) => ({ value: p, label: t(`phases.${p}`) }))}
              />
              <TextField
                name="minutes"
                type="number"
                inputMode="numeric"
                label={t("accommodation.minutes")}
                required
                min={ACCOMMODATION_LIMITS.minMinutes}
                max={ACCOMMODATION_LIMITS.maxMinutes}
                defaultValue={1}
              />
            </div>
            <TextAreaField
              name="reason"
              label={t("accommodation.reason")}
              description={t("accommodation.reasonHelp", { min: ACCOMMODATION_LIMITS.reasonMin, max: ACCOMMODATION_LIMITS.reasonMax })}
              required
              maxLength={ACCOMMODATION_LIMITS.reasonMax}
              rows={3}
            />
            <div>
              <SubmitButton pendingLabel={admin("saving")}>{t("accommodation.grant")}</SubmitButton>
            </div>
          </ActionForm>
        ) : null}
      </div>
    </section>
  );
}
