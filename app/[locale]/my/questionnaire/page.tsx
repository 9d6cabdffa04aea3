import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { PublishNotice } from "@/components/campaign/publish-notice";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { campaignPublishRefusal } from "@/lib/campaign/rules";
import { getConferenceOfCandidate } from "@/lib/conferences/context";
import { Link } from "@/lib/i18n/navigation";
import { RichText } from "@/lib/markdown/render";
import { getOwnQuestionnaire } from "@/lib/questionnaire/queries";
import { QUESTIONNAIRE_LIMITS, QUESTIONNAIRE_LOCALES, questionText } from "@/lib/questionnaire/schema";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { removeAnswerAction, saveAnswerAction } from "./actions";

// docs/fairness.md#common-questionnaire: the candidate answers each common question in writing,
// per language, with the two declarations, until the deadline; after it the page is read-only.
export default workspacePage("/my/questionnaire", async ({ user, locale }) => {
  const t = await getTranslations({ locale, namespace: "questionnaire" });
  const workspace = await getTranslations({ locale, namespace: "workspace" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const own = user.candidateId ? await getOwnQuestionnaire(user) : null;
  if (!own) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("my.title")}</h1>
        <p>{workspace("notBound")}</p>
      </div>
    );
  }
  const conference = await getConferenceOfCandidate(own.candidate.id);
  const zone = conference?.timeZone ?? "UTC";
  const when = (d: Date) => `${formatInstant(locale, d, zone)} (${zoneLabel(locale, zone, d)})`;
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  const languageName = (l: string) => languages.of(l) ?? l;
  const mayAnswer = campaignPublishRefusal(own.candidate.status) === null;
  const readOnlyConference = Boolean(conference?.closedAt);

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("my.title")}</h1>
        <p className="max-w-prose">{t("my.intro")}</p>
        <PublishNotice status={own.candidate.status} locale={locale} />
        <p>
          <Link
            href={conference ? `/conferences/${conference.slug}/questionnaire` : "/questionnaire"}
            prefetch={false}
            className="text-brand-700 underline underline-offset-4"
          >
            {t("my.publicPage")}
          </Link>
        </p>
      </div>
      {own.rounds.length === 0 ? <p>{t("my.none")}</p> : null}
      {own.rounds.map((round) => {
        const editable = round.open && mayAnswer && !readOnlyConference;
        return (
          <section key={round.id} aria-labelledby={`my-round-${round.number}`} className="space-y-6" data-testid={`my-round-${round.number}`}>
            <div className="space-y-2">
              <h2 id={`my-round-${round.number}`} className="text-2xl font-semibold">
                {t("round", { number: round.number })}
              </h2>
              {round.open ? (
                <p>{t("my.openUntil", { time: when(round.deadlineAt) })}</p>
              ) : (
                <p role="note" data-testid="questionnaire-frozen" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
                  {t("my.frozenNotice", { time: when(round.deadlineAt) })}
                </p>
              )}
            </div>
            {round.questions.map((q, index) => {
              const text = questionText(q.texts, locale);
              const number = index + 1;
              // The form starts on the reader's language, with their answer in it when there is one.
              const current = q.answers.find((a) => a.language === locale);
              return (
                <article
                  key={q.id}
                  aria-labelledby={`q-${q.id}`}
                  className="space-y-4 rounded border border-slate-300 p-4"
                  data-testid={`my-question-${round.number}-${number}`}
                >
                  <h3 id={`q-${q.id}`} className="text-lg font-semibold">
                    {t("question", { number })}
                  </h3>
                  <p lang={text.language} dir="auto" className="max-w-prose whitespace-pre-line [overflow-wrap:anywhere]">
                    {text.text}
                  </p>
                  {q.answers.length > 0 ? (
                    <div className="space-y-4">
                      <h4 className="font-semibold">{t("my.yourAnswers")}</h4>
                      {q.answers.map((a) => (
                        <div key={a.language} className="space-y-2 border-s-4 border-slate-300 ps-3" data-testid={`my-answer-${a.language}`}>
                          <p className="text-sm font-medium">{t("my.answerIn", { language: languageName(a.language) })}</p>
                          <RichText source={a.body} format={a.format} lang={a.language} />
                          {editable ? (
                            <ActionForm action={removeAnswerAction} label={t("my.removeLabel", { language: languageName(a.language), number })}>
                              <HiddenField name="questionId" value={q.id} />
                              <HiddenField name="language" value={a.language} />
                              <ConfirmButton
                                label={t("my.remove")}
                                title={t("my.removeLabel", { language: languageName(a.language), number })}
                                consequence={t("my.removeConsequence")}
                                confirmLabel={t("my.remove")}
                              />
                            </ActionForm>
                          ) : null}
                        </div>
                      ))}
                    </div>
                  ) : (
                    <p className="text-slate-700">{t("my.noAnswerYet")}</p>
                  )}
                  {editable ? (
                    <ActionForm action={saveAnswerAction} label={t("my.formLabel", { number })} className="grid max-w-3xl gap-4">
                      <HiddenField name="questionId" value={q.id} />
                      <SelectField
                        name="language"
                        label={t("my.language")}
                        description={t("my.languageHelp")}
                        required
                        defaultValue={locale}
                        options={QUESTIONNAIRE_LOCALES.map((l) => ({ value: l, label: languageName(l) }))}
                      />
                      <TextAreaField
                        name="body"
                        label={t("my.body")}
                        description={t("my.bodyHelp", { max: QUESTIONNAIRE_LIMITS.answer })}
                        required
                        maxLength={QUESTIONNAIRE_LIMITS.answer}
                        defaultValue={current?.body}
                        rows={8}
                      />
                      <SelectField
                        name="format"
                        label={t("my.format")}
                        defaultValue={current?.format ?? "PLAIN"}
                        options={[
                          { value: "PLAIN", label: t("my.formatPlain") },
                          { value: "MARKDOWN", label: t("my.formatMarkdown") },
                        ]}
                      />
                      <fieldset className="space-y-2">
                        <legend className="font-medium">{t("my.declarationsIntro")}</legend>
                        <CheckboxField name="declaredNoSymbols" label={t("my.declaredNoSymbols")} />
                        <CheckboxField name="declaredNoResources" label={t("my.declaredNoResources")} />
                      </fieldset>
                      <div>
                        <SubmitButton pendingLabel={admin("saving")}>{t("my.save")}</SubmitButton>
                      </div>
                    </ActionForm>
                  ) : null}
                </article>
              );
            })}
          </section>
        );
      })}
    </div>
  );
});
