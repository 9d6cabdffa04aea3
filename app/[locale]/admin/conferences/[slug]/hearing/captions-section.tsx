import { getTranslations } from "next-intl/server";
import { CaptionerKeyForm } from "@/components/captions/key-form";
import { VttField } from "@/components/captions/vtt-field";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listCaptionerKeys } from "@/lib/captions/keys";
import { CAPTION_LANGUAGES } from "@/lib/captions/languages";
import { CAPTION_LIMITS } from "@/lib/captions/schema";
import { listHearingCaptionTracks } from "@/lib/captions/tracks";
import { db } from "@/lib/db";
import { formatInstant } from "@/lib/time/format";
import { issueKey, removeCaptionTrack, revokeKey, saveCaptionTrack } from "./captions-actions";

/**
 * The hearing console's captions (docs/decisions/040-captions.md): the captioners' keys for the
 * live ingest (issued, shown once, revoked), and the recording's captions per language once the
 * hearing has ended.
 */
export async function CaptionsSection({ user, locale, hearingId, zone }: { user: CurrentUser; locale: string; hearingId: string; zone: string }) {
  const t = await getTranslations({ locale, namespace: "captionsAdmin" });
  const names = await getTranslations({ locale, namespace: "captions.languages" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const [keys, tracks, hearing] = await Promise.all([
    listCaptionerKeys(user, hearingId),
    listHearingCaptionTracks(user, hearingId),
    db().hearing.findUnique({ where: { id: hearingId }, select: { status: true, closedAt: true } }),
  ]);
  if (!hearing) return null;
  const at = (d: Date) => formatInstant(locale, d, zone);
  const name = (language: string) => names(language as "floor");
  const ingest = `/api/hearings/${encodeURIComponent(hearingId)}/captions`;
  const ended = hearing.status === "ENDED";

  return (
    <section aria-labelledby="captions-admin" className="space-y-6" data-testid="captions-admin">
      <div className="space-y-2">
        <h2 id="captions-admin" className="text-2xl font-semibold">
          {t("heading")}
        </h2>
        <p className="max-w-prose">{t("intro")}</p>
      </div>

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">{t("keysHeading")}</h3>
        <p className="max-w-prose text-sm">{t("keysHelp", { url: ingest })}</p>
        {keys.length === 0 ? (
          <p>{t("noKeys")}</p>
        ) : (
          <ul className="space-y-2" data-testid="captioner-keys">
            {keys.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded border border-slate-300 p-3">
                <span>
                  {t("keyRow", { label: key.label, at: at(key.createdAt) })}
                  {" · "}
                  {key.lastUsedAt ? t("lastUsed", { at: at(key.lastUsedAt) }) : t("neverUsed")}
                  {key.revokedAt ? ` · ${t("revokedAt", { at: at(key.revokedAt) })}` : null}
                </span>
                {key.revokedAt ? null : (
                  <ActionForm action={revokeKey} label={t("revoke", { label: key.label })} className="contents">
                    <HiddenField name="hearingId" value={hearingId} />
                    <HiddenField name="keyId" value={key.id} />
                    <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                      {t("revoke", { label: key.label })}
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {ended ? (
          <p>{t("keyAfterEnd")}</p>
        ) : (
          <CaptionerKeyForm action={issueKey} label={t("issue")} once={t("issuedOnce")}>
            <HiddenField name="hearingId" value={hearingId} />
            <TextField name="label" label={t("keyLabel")} required maxLength={CAPTION_LIMITS.keyLabel} />
            <div>
              <SubmitButton pendingLabel={admin("saving")}>{t("issue")}</SubmitButton>
            </div>
          </CaptionerKeyForm>
        )}
      </div>

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">{t("tracksHeading")}</h3>
        {tracks.length === 0 ? (
          <p>{t("noTracks")}</p>
        ) : (
          <ul className="space-y-2" data-testid="caption-tracks">
            {tracks.map((track) => (
              <li key={track.language} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <span>{t("trackRow", { language: name(track.language), count: track.cues })}</span>
                {ended && !hearing.closedAt ? (
                  <ActionForm action={removeCaptionTrack} label={t("remove", { language: name(track.language) })} className="contents">
                    <HiddenField name="hearingId" value={hearingId} />
                    <HiddenField name="language" value={track.language} />
                    <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                      {t("remove", { language: name(track.language) })}
                    </SubmitButton>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {hearing.closedAt ? (
          <p>{t("tracksClosed")}</p>
        ) : !ended ? (
          <p>{t("tracksWait")}</p>
        ) : (
          <ActionForm action={saveCaptionTrack} label={t("tracksHeading")} className="grid max-w-2xl gap-3">
            <HiddenField name="hearingId" value={hearingId} />
            <p className="text-sm text-slate-700">{t("tracksHelp")}</p>
            <SelectField
              name="language"
              label={t("language")}
              required
              options={CAPTION_LANGUAGES.map((language) => ({ value: language, label: name(language) }))}
            />
            <VttField label={t("vtt")} fileLabel={t("vttFile")} />
            <div>
              <SubmitButton pendingLabel={admin("saving")}>{t("save")}</SubmitButton>
            </div>
          </ActionForm>
        )}
      </div>
    </section>
  );
}
