import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { HEARING_QUESTION_LIMITS } from "@/lib/hearings/questions-schema";
import { getRoomQuestionTargets } from "@/lib/hearings/room-questions-admin";
import { enterCardQuestion } from "./actions";

/**
 * ¶6: a question handed in on a card in the room, typed in by the secretariat for the
 * chair's queue of the candidate it is addressed to (speaking now or still to come). The
 * query and the service each check the permission.
 */
export async function RoomQuestions({ user, locale, conferenceId, hearingId }: { user: CurrentUser; locale: string; conferenceId: string; hearingId: string }) {
  const t = await getTranslations({ locale, namespace: "hearingLive.card" });
  const admin = await getTranslations({ locale, namespace: "admin" });
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
        <TextField name="askerOrigin" label={t("askerOrigin")} maxLength={HEARING_QUESTION_LIMITS.origin} dir="auto" />
        <TextAreaField name="body" label={t("body")} required maxLength={HEARING_QUESTION_LIMITS.body} />
        <div>
          <SubmitButton pendingLabel={admin("saving")}>{t("submit")}</SubmitButton>
        </div>
      </ActionForm>
    </section>
  );
}
