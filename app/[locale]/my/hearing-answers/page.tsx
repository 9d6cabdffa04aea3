import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { CheckboxField, HiddenField, SelectField, TextAreaField } from "@/components/forms/fields";
import { getOwnHearingAnswers } from "@/lib/hearings/after-hearing-queries";
import { WRITTEN_ANSWER_DAYS, WRITTEN_ANSWER_LIMITS } from "@/lib/hearings/written-answer-rules";
import { LOCALES } from "@/lib/i18n/routing";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { answerInWriting } from "./actions";

/**
 * The candidate's written answers to the questions drawn for them that the hearing did not
 * reach (docs/fairness.md#after-the-hearing, docs/decisions/048-written-answers-and-open-pool.md):
 * per hearing, the window and its deadline, each question with the answers already given,
 * and a form per question for another language while the window is open.
 */
export default workspacePage("/my/hearing-answers", async ({ user, locale }) => {
  const t = await getTranslations({ locale, namespace: "hearingPool.workspace" });
  const answerT = await getTranslations({ locale, namespace: "hearingPool" });
  const workspace = await getTranslations({ locale, namespace: "workspace" });
  const title = (
    <h1 id="answers-title" className="text-3xl font-bold">
      {t("title")}
    </h1>
  );
  if (!user.candidateId) {
    return (
      <div className="space-y-6">
        {title}
        <p>{t("notBound")}</p>
      </div>
    );
  }
  const hearings = await getOwnHearingAnswers(user);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const languageName = (code: string) => names.of(code) ?? code;

  return (
    <section aria-labelledby="answers-title" className="space-y-8">
      <div className="space-y-3">
        {title}
        <p className="max-w-prose">{t("intro", { days: WRITTEN_ANSWER_DAYS })}</p>
      </div>
      {hearings.length === 0 ? <p data-testid="answers-no-hearing">{t("noHearing")}</p> : null}
      {hearings.map((h) => {
        const at = (iso: string) => `${formatInstant(locale, iso, h.timeZone)} (${zoneLabel(locale, h.timeZone, iso)})`;
        const open = h.refusal === null;
        return (
          <section key={h.hearingId} aria-labelledby={`hearing-${h.hearingId}`} className="space-y-4" data-testid="answers-hearing">
            <h2 id={`hearing-${h.hearingId}`} className="text-2xl font-semibold">
              {t("hearingHeading", { conference: h.conferenceName })}
            </h2>
            {!h.ended ? (
              <p>{t("notEnded")}</p>
            ) : (
              <>
                {h.deadline ? (
                  <p data-testid="answers-deadline">{open ? t("openUntil", { time: at(h.deadline) }) : t("closedSince", { time: at(h.deadline) })}</p>
                ) : null}
                {open ? null : (
                  <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="answers-closed">
                    {h.refusal?.startsWith("workspace.")
                      ? workspace(h.refusal.slice("workspace.".length) as never)
                      : answerT((h.refusal ?? "").replace(/^hearingPool\./, "") as never)}
                  </p>
                )}
                {h.questions.length === 0 ? <p>{t("noQuestions")}</p> : null}
                <ol className="space-y-6">
                  {h.questions.map((q) => {
                    const heading = q.drawPosition ? t("question", { number: q.drawPosition }) : t("questionUnnumbered");
                    const remaining = LOCALES.filter((l) => !q.answers.some((a) => a.locale === l));
                    return (
                      <li key={q.id} className="space-y-3 rounded border border-slate-300 p-4" data-testid="answers-question">
                        <h3 className="text-lg font-semibold">{heading}</h3>
                        <blockquote dir="auto" className="border-s-4 border-slate-300 ps-3">
                          {q.body}
                        </blockquote>
                        <p className="text-sm text-slate-700">{q.shown ? t("putNotAnswered") : t("neverPut")}</p>
                        {q.answers.length > 0 ? (
                          <ul className="space-y-2">
                            {q.answers.map((a) => (
                              <li key={a.locale} data-testid="answers-given">
                                <p className="text-sm font-medium">{t("given", { language: languageName(a.locale), date: at(a.submittedAt) })}</p>
                                <p lang={a.locale} dir="auto" className="whitespace-pre-line">
                                  {a.body}
                                </p>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {open && remaining.length === 0 ? <p>{t("allLanguagesGiven")}</p> : null}
                        {open && remaining.length > 0 ? (
                          <ActionForm action={answerInWriting} label={t("formLabel", { number: q.drawPosition ?? "" })} className="grid max-w-3xl gap-4">
                            <HiddenField name="questionId" value={q.id} />
                            <SelectField
                              name="version"
                              label={t("language")}
                              required
                              placeholder={t("chooseLanguage")}
                              defaultValue={remaining.includes(locale as (typeof LOCALES)[number]) ? locale : ""}
                              options={remaining.map((l) => ({ value: l, label: languageName(l) }))}
                            />
                            <TextAreaField
                              name="body"
                              label={t("body")}
                              description={t("bodyHelp", { max: WRITTEN_ANSWER_LIMITS.body })}
                              required
                              maxLength={WRITTEN_ANSWER_LIMITS.body}
                              rows={8}
                            />
                            <fieldset className="grid gap-3 rounded border border-slate-300 p-4">
                              <legend className="px-1 font-semibold">{t("declarations")}</legend>
                              <CheckboxField name="declaredNoSymbols" label={t("declaredNoSymbols")} />
                              <CheckboxField name="declaredNoResources" label={t("declaredNoResources")} />
                            </fieldset>
                            <div>
                              <ConfirmButton
                                label={t("submit")}
                                title={t("confirmTitle")}
                                consequence={t("confirmBody")}
                                confirmLabel={t("confirm")}
                                tone="primary"
                                testId={`answer-submit-${q.id}`}
                              />
                            </div>
                          </ActionForm>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              </>
            )}
          </section>
        );
      })}
    </section>
  );
});
