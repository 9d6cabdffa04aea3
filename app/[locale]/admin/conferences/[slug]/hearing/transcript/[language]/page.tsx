import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { isDomainError } from "@/lib/errors/domain-error";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant } from "@/lib/time/format";
import { getTranscriptForEditing } from "@/lib/transcripts/admin-queries";
import { isTranscriptLanguage, TRANSCRIPT_LIMITS } from "@/lib/transcripts/schema";
import { transcriptLanguageName } from "../../transcript-section";
import { editHearingTranscriptSegment, markHearingTranscriptOfficial, withdrawHearingTranscriptOfficial } from "../../transcript-actions";

/**
 * One transcript for the secretariat (docs/decisions/041-transcript.md): each segment its own
 * form with the version it shows (a save made on an older version is refused), then the
 * official mark, confirmed, or its withdrawal with a public reason.
 */
export default adminPage<{ slug: string; language: string }>("/admin", async ({ user, locale, params }) => {
  if (!isTranscriptLanguage(params.language)) notFound();
  const ref = await requireConferenceBySlug(params.slug);
  const transcript = await getTranscriptForEditing(user, { conferenceId: ref.id, language: params.language }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: "adminTranscript" });
  const pub = await getTranslations({ locale, namespace: "transcript" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const zone = transcript.timeZone;
  const language = transcriptLanguageName(pub, locale, transcript.language);
  const editable = !transcript.officialAt && !transcript.conferenceClosed;
  const common = (
    <>
      <HiddenField name="conferenceId" value={ref.id} />
      <HiddenField name="hearingId" value={transcript.hearingId} />
    </>
  );
  const heading = (s: (typeof transcript.segments)[number]) =>
    s.kind === "QUESTION"
      ? s.questionBody
        ? pub("questionTo", { name: s.candidateName, text: s.questionBody })
        : pub("questionToShort", { name: s.candidateName })
      : pub("presentationNoPosition", { name: s.candidateName });

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("editTitle", { language })}</h1>
        <p className="flex flex-wrap gap-x-6">
          <Link href={`/admin/conferences/${encodeURIComponent(params.slug)}/hearing`} className="link">
            {t("backToHearing")}
          </Link>
          <Link href={`/hearing/${encodeURIComponent(transcript.hearingId)}/transcript?lang=${transcript.language}`} className="link">
            {t("view")}
          </Link>
        </p>
      </div>

      <section aria-labelledby="official" className="space-y-3" data-testid="transcript-official">
        <h2 id="official" className="text-2xl font-semibold">
          {t("markHeading")}
        </h2>
        <p className="max-w-prose">{t("markHelp")}</p>
        <p className="font-medium">
          {transcript.officialAt ? t("officialState", { at: formatInstant(locale, transcript.officialAt, zone) }) : t("unofficialState")}
        </p>
        {transcript.conferenceClosed ? (
          <p>{t("closedConference")}</p>
        ) : transcript.officialAt ? (
          <ActionForm action={withdrawHearingTranscriptOfficial} label={t("withdraw")} className="grid max-w-2xl gap-4">
            {common}
            <HiddenField name="language" value={transcript.language} />
            <HiddenField name="expectedVersion" value={String(transcript.version)} />
            <TextAreaField name="reason" label={t("withdrawReason")} required maxLength={TRANSCRIPT_LIMITS.reason} rows={3} />
            <div>
              <ConfirmButton
                label={t("withdraw")}
                title={t("withdrawTitle", { language })}
                consequence={t("withdrawConsequence")}
                confirmLabel={t("withdrawConfirm")}
                testId="withdraw-official"
              />
            </div>
          </ActionForm>
        ) : (
          <ActionForm action={markHearingTranscriptOfficial} label={t("mark")}>
            {common}
            <HiddenField name="language" value={transcript.language} />
            <HiddenField name="expectedVersion" value={String(transcript.version)} />
            <ConfirmButton
              label={t("mark")}
              title={t("markTitle", { language })}
              consequence={t("markConsequence", { version: transcript.version })}
              confirmLabel={t("markConfirm")}
              tone="primary"
              testId="mark-official"
            />
          </ActionForm>
        )}
      </section>

      {transcript.officialAt ? <p className="max-w-prose">{t("officialNoEditNote")}</p> : null}
      <ol className="space-y-6">
        {transcript.segments.map((s) => (
          <li key={s.id} id={s.anchor} className="space-y-2 border-t border-slate-200 pt-4">
            <h2 className={s.kind === "PRESENTATION" ? "text-xl font-semibold" : "text-lg font-semibold"} dir="auto">
              {heading(s)}
            </h2>
            {s.editedAt ? <p className="text-sm text-slate-700">{t("editedNote", { at: formatInstant(locale, s.editedAt, zone) })}</p> : null}
            {editable ? (
              <ActionForm action={editHearingTranscriptSegment} label={heading(s)} className="grid max-w-3xl gap-3">
                {common}
                <HiddenField name="segmentId" value={s.id} />
                <HiddenField name="expectedVersion" value={String(s.version)} />
                <TextAreaField
                  name="text"
                  label={t("segmentLabel")}
                  description={t("segmentHelp")}
                  defaultValue={s.text}
                  maxLength={TRANSCRIPT_LIMITS.segmentText}
                  rows={8}
                />
                <div>
                  <SubmitButton pendingLabel={admin("saving")}>{t("segmentSave")}</SubmitButton>
                </div>
              </ActionForm>
            ) : (
              <div dir="auto" className="max-w-prose whitespace-pre-line">
                {s.text || pub("empty")}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
});
