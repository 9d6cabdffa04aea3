import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { AskerKindField } from "@/components/hearing/asker-kind-field";
import type { CurrentUser } from "@/lib/auth/current-user";
import { HEARING_QUESTION_LIMITS } from "@/lib/hearings/questions-schema";
import { ASKER_KINDS } from "@/lib/hearings/question-sources";
import { getRoomQuestionTargets } from "@/lib/hearings/room-questions-admin";
import { memberStateChoices } from "@/lib/member-states/choices";
import { enterCardQuestion } from "./actions";

/**
 * ¶6: a question handed in on a card in the room, typed in by the secretariat for the
 * chair's queue of the candidate it is addressed to (speaking now or still to come). The
 * query and the service each check the permission.
 */
export async function RoomQuestions({ user, locale, conferenceId, hearingId }: { user: CurrentUser; locale: string; conferenceId: string; hearingId: string }) {
  const t = await getTranslations({ locale, namespace: "hearingLive.card" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const sources = await getTranslations({ locale, namespace: "questionSources" });
  const targets = await getRoomQuestionTargets(user, { conferenceId, hearingId });
  if (!targets) return null;
  return (
    <section aria-labelledby="room-questions" className="space-y-4">
      <h2 id="room-questions" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("help")}</p>
      <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
      <ActionForm action={enterCardQuestion} label={t("heading")} className="grid max-w-2xl gap-4">
        <HiddenField name="hearingId" value={targets.hearingId} />
        <HiddenField name="conferenceId" value={conferenceId} />
        <SelectField
          name="candidateId"
          label={t("candidate")}
          required
          placeholder={t("choose")}
          options={targets.waiting.map((s) => ({ value: s.candidateId, label: s.position === null ? s.name : `${s.position}. ${s.name}` }))}
        />
        <TextField name="askerName" label={t("askerName")} required maxLength={HEARING_QUESTION_LIMITS.name} dir="auto" />
        <CardSourceFields locale={locale} />
        <TextAreaField name="body" label={t("body")} required maxLength={HEARING_QUESTION_LIMITS.body} />
        <CheckboxField name="publishConsent" label={sources("consent")} description={sources("consentHelp")} />
        <div>
          <SubmitButton pendingLabel={admin("saving")}>{t("submit")}</SubmitButton>
        </div>
      </ActionForm>
    </section>
  );
}

/**
 * A card's source (docs/fairness.md#question-sources), checked when the card bears the
 * delegate's badge: the same fields on the real hearing's form and the rehearsal's.
 */
export async function CardSourceFields({ locale }: { locale: string }) {
  const sources = await getTranslations({ locale, namespace: "questionSources" });
  const states = await memberStateChoices(locale);
  return (
    <>
      <AskerKindField
        legend={sources("legend")}
        description={sources("legendHelp")}
        options={ASKER_KINDS.map((k) => ({ value: k, label: sources(`kind.${k}`) }))}
        defaultValue="PUBLIC"
      />
      <SelectField
        name="askerState"
        label={sources("state")}
        description={sources("cardStateHelp")}
        placeholder={sources("chooseState")}
        options={states.map((s) => ({ value: s.code, label: s.name }))}
      />
      <TextField name="askerOrigin" label={sources("origin")} description={sources("originHelp")} maxLength={HEARING_QUESTION_LIMITS.origin} dir="auto" />
      <CheckboxField name="sourceChecked" label={sources("checked")} description={sources("checkedHelp")} />
    </>
  );
}
