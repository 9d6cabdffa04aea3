import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { CheckboxField, HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { CHAPTER_FIELD_PREFIX, RECORDING_LIMITS } from "@/lib/hearings/after-schema";
import { getHearingAfterwardsForAdmin } from "@/lib/hearings/afterwards-admin";
import { formatOffset } from "@/lib/hearings/chapters";
import { Link } from "@/lib/i18n/navigation";
import { mediaHostsHint } from "@/lib/materials/media-address";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { closeHearingRecord, revealHearingSeed, saveRecording } from "./actions";
import { WrittenAnswersNotice } from "./written-answers-notice";

/**
 * The secretariat's part after the hearing (docs/domain.md#hearing-draw): reveal the seed so that anyone can
 * check the draws, keep the recording with a chapter per candidate, then close the record
 * (docs/decisions/014-hearing-record-integrity.md). What the stage forbids is not offered.
 */
export async function AfterHearing({
  user,
  locale,
  conferenceId,
  hearingId,
  draws,
}: {
  user: CurrentUser;
  locale: string;
  conferenceId: string;
  hearingId: string;
  /** How many draws the seed decided, for the reveal's confirmation. */
  draws: number;
}) {
  const t = await getTranslations({ locale, namespace: "hearingPublic" });
  const own = await getTranslations({ locale, namespace: "adminHearing" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const hearing = await getHearingAfterwardsForAdmin(user, { conferenceId, hearingId });
  if (!hearing) return null;
  const zone = hearing.conference.timeZone;
  const at = (d: Date) => `${formatInstant(locale, d, zone)} (${zoneLabel(locale, zone, d)})`;
  const ended = hearing.status === "ENDED";
  const closed = hearing.closedAt !== null;
  const offsets = new Map(hearing.chapters.map((c) => [c.candidateId, formatOffset(c.startMs)]));
  const suffix = `/${encodeURIComponent(hearing.id)}`;

  return (
    <section aria-labelledby="after-hearing" className="space-y-6" data-testid="after-hearing">
      <div className="space-y-2">
        <h2 id="after-hearing" className="text-2xl font-semibold">
          {t("admin.heading")}
        </h2>
        <p>{t("admin.forHearing", { at: at(hearing.startsAt), conference: hearing.conference.name })}</p>
        <p className="flex flex-wrap gap-x-6">
          <Link href={`/hearing/verify${suffix}`} className="text-brand-700 underline underline-offset-4">
            {t("verify.title")}
          </Link>
          <Link href={`/hearing/parity${suffix}`} className="text-brand-700 underline underline-offset-4">
            {t("parity.title")}
          </Link>
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t("admin.revealHeading")}</h3>
        {hearing.seedRevealedAt ? (
          <p data-testid="seed-revealed">{t("admin.revealed", { at: at(hearing.seedRevealedAt) })}</p>
        ) : !hearing.seedHash ? (
          <p>{t("admin.revealNoSeed")}</p>
        ) : !ended ? (
          <p>{t("admin.revealWaits")}</p>
        ) : (
          <ActionForm action={revealHearingSeed} label={t("admin.revealHeading")} className="max-w-2xl space-y-2">
            <HiddenField name="hearingId" value={hearing.id} />
            <HiddenField name="conferenceId" value={conferenceId} />
            <p className="text-sm text-slate-700">{t("admin.revealHelp")}</p>
            <ConfirmButton
              label={t("admin.revealSubmit")}
              title={confirm("revealSeed.title")}
              consequence={confirm("revealSeed.consequence", { count: draws })}
              confirmLabel={confirm("revealSeed.confirm")}
              tone="primary"
              testId="reveal-seed"
            />
          </ActionForm>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t("admin.recordingHeading")}</h3>
        {closed ? (
          <p>{own("recordingClosed")}</p>
        ) : !ended ? (
          <p>{t("admin.recordingWaits")}</p>
        ) : (
          <ActionForm action={saveRecording} label={t("admin.recordingHeading")} className="grid max-w-2xl gap-4">
            <HiddenField name="hearingId" value={hearing.id} />
            <HiddenField name="conferenceId" value={conferenceId} />
            <p className="text-sm text-slate-700">{t("admin.recordingHelp")}</p>
            <TextField
              name="recordingUrl"
              type="url"
              label={t("admin.recordingUrl")}
              description={`${t("admin.recordingUrlHelp")} ${await mediaHostsHint(locale)}`}
              required
              defaultValue={hearing.recordingUrl}
              maxLength={RECORDING_LIMITS.url}
              dir="ltr"
            />
            <TextField
              name="recordingStartedAt"
              type="datetime-local"
              step={1}
              label={t("admin.recordingStartedAt", { zone: zoneLabel(locale, zone, hearing.startsAt) })}
              description={t("admin.recordingStartedAtHelp")}
            />
            {hearing.slots.map((slot) => (
              <TextField
                key={slot.candidateId}
                name={`${CHAPTER_FIELD_PREFIX}${slot.candidateId}`}
                label={t("admin.chapterLabel", { position: slot.position ?? 0, name: slot.candidate.name })}
                description={t("admin.chapterHelp")}
                defaultValue={offsets.get(slot.candidateId)}
                dir="ltr"
              />
            ))}
            <div>
              <SubmitButton pendingLabel={admin("saving")}>{t("admin.recordingSubmit")}</SubmitButton>
            </div>
          </ActionForm>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{own("closeHeading")}</h3>
        {hearing.closedAt ? (
          <p data-testid="record-closed">{own("recordClosedNote", { at: at(hearing.closedAt) })}</p>
        ) : !hearing.seedRevealedAt ? (
          <p>{own("closeWaits")}</p>
        ) : (
          <ActionForm action={closeHearingRecord} label={own("closeHeading")} className="grid max-w-2xl gap-4">
            <HiddenField name="hearingId" value={hearing.id} />
            <HiddenField name="conferenceId" value={conferenceId} />
            <p className="text-sm text-slate-700">{own("closeHelp")}</p>
            <WrittenAnswersNotice user={user} locale={locale} conferenceId={conferenceId} hearingId={hearing.id} zone={zone} />
            <CheckboxField name="confirm" label={own("closeConfirm")} />
            <div>
              <SubmitButton tone="danger" pendingLabel={admin("saving")}>
                {own("closeSubmit")}
              </SubmitButton>
            </div>
          </ActionForm>
        )}
      </div>
    </section>
  );
}
