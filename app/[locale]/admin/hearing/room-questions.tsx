import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { db } from "@/lib/db";
import { HEARING_QUESTION_LIMITS } from "@/lib/hearings/questions-schema";
import { enterCardQuestion } from "./actions";

/**
 * ¶6: a question handed in on a card in the room, typed in by the secretariat for the
 * chair's queue of the candidate it is addressed to (speaking now or still to come). Shown
 * on the secretariat's page only (adminPage); the service checks the permission again.
 */
export async function RoomQuestions({ locale, hearingId }: { locale: string; hearingId: string }) {
  const t = await getTranslations({ locale, namespace: "hearingLive.card" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const hearing = await db().hearing.findUnique({
    where: { id: hearingId },
    select: {
      id: true,
      status: true,
      slots: { select: { position: true, finishedAt: true, candidate: { select: { id: true, name: true } } }, orderBy: [{ position: { sort: "asc", nulls: "last" } }, { id: "asc" }] },
    },
  });
  if (!hearing || hearing.status === "ENDED") return null;
  const waiting = hearing.slots.filter((s) => s.finishedAt === null);
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="room-questions" className="space-y-4">
      <h2 id="room-questions" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("help")}</p>
      <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
      <ActionForm action={enterCardQuestion} label={t("heading")} className="grid max-w-2xl gap-4">
        <HiddenField name="hearingId" value={hearing.id} />
        <SelectField
          name="candidateId"
          label={t("candidate")}
          required
          placeholder={t("choose")}
          options={waiting.map((s) => ({ value: s.candidate.id, label: s.position === null ? s.candidate.name : `${s.position}. ${s.candidate.name}` }))}
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
