import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import { removeVideoCaptions, saveVideoCaptions } from "@/app/[locale]/my/materials/caption-actions";
import type { Actor } from "@/lib/auth/permissions";
import { listOwnMaterialCaptionTracks } from "@/lib/captions/material-tracks";
import { VttField } from "./vtt-field";

/** The captions of a candidate's own draft video, one WebVTT track per language (docs/decisions/040-captions.md). */
export async function MaterialCaptions({ user, locale, materialId }: { user: Actor; locale: string; materialId: string }) {
  const t = await getTranslations({ locale, namespace: "captionsWorkspace" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const tracks = await listOwnMaterialCaptionTracks(user, materialId);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const name = (language: string) => names.of(language) ?? language;

  return (
    <section aria-labelledby="video-captions" className="space-y-4" data-testid="video-captions">
      <h2 id="video-captions" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("help")}</p>
      {tracks.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {tracks.map((track) => (
            <li key={track.language} className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <span>{t("trackRow", { language: name(track.language), count: track.cues })}</span>
              <ActionForm action={removeVideoCaptions} label={t("remove", { language: name(track.language) })} className="contents">
                <HiddenField name="materialId" value={materialId} />
                <HiddenField name="language" value={track.language} />
                <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                  {t("remove", { language: name(track.language) })}
                </SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={saveVideoCaptions} label={t("heading")} className="grid max-w-3xl gap-3">
        <HiddenField name="materialId" value={materialId} />
        <TextField name="language" label={t("language")} required maxLength={35} dir="ltr" />
        <VttField label={t("vtt")} fileLabel={t("vttFile")} />
        <div>
          <SubmitButton pendingLabel={admin("saving")}>{t("save")}</SubmitButton>
        </div>
      </ActionForm>
    </section>
  );
}
