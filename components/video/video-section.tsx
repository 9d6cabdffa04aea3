import { getTranslations } from "next-intl/server";
import { saveVideoUrl } from "@/app/[locale]/my/materials/video-actions";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import { uploadInput } from "@/components/uploads/upload-hint";
import type { VideoSource } from "@/lib/db/generated/enums";
import { MATERIAL_LIMITS } from "@/lib/materials/schema";
import { videoPlayback } from "@/lib/materials/video-playback";
import { mediaHostsHint, playableHere } from "@/lib/materials/media-address";
import { VideoPlayer } from "./video-player";
import { VideoUploadForm } from "./video-upload-form";

type DraftVideo = {
  id: string;
  title: string;
  language: string;
  videoSource: VideoSource | null;
  fileKey: string | null;
  fileName: string | null;
  url: string | null;
  muxUploadId: string | null;
  muxPlaybackId: string | null;
  videoError: string | null;
};

/** Where the video of a draft comes from, a preview of it, and the two ways to (re)place it. */
export async function VideoSection({ material: m, locale, muxEnabled }: { material: DraftVideo; locale: string; muxEnabled: boolean }) {
  const t = await getTranslations({ locale, namespace: "video" });
  const w = await getTranslations({ locale, namespace: "workspace" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const input = await uploadInput(locale, "video");
  const playback = playableHere(videoPlayback({ kind: "VIDEO", ...m }));
  const failed = m.videoSource === "MUX" && m.videoError;
  const waitingForMux = m.videoSource === "MUX" && !m.muxPlaybackId && !failed;

  return (
    <section aria-labelledby="video-heading" className="max-w-3xl space-y-4 rounded border border-slate-300 p-4">
      <h2 id="video-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p data-testid="video-status">
        {playback ? t(`current.${m.videoSource ?? "UPLOAD"}`, { name: m.fileName ?? "" }) : waitingForMux ? t("muxProcessing") : t("none")}
      </p>
      {failed ? (
        <p role="note" data-testid="video-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
          {w("videoFailed", { reason: m.videoError ?? "" })}
        </p>
      ) : null}
      {playback ? <VideoPlayer playback={playback} title={m.title} /> : null}

      <div className="space-y-2">
        <h3 className="text-xl font-semibold">{t("uploadHeading")}</h3>
        <p className="text-sm text-slate-700">{muxEnabled ? t("viaMux") : t("viaPortal")}</p>
        <VideoUploadForm materialId={m.id} accept={input.accept} hint={input.hint} />
      </div>

      <div className="space-y-2">
        <h3 className="text-xl font-semibold">{t("urlHeading")}</h3>
        <ActionForm action={saveVideoUrl} label={t("urlHeading")} className="grid gap-3">
          <HiddenField name="id" value={m.id} />
          <TextField
            name="url"
            type="url"
            label={t("urlLabel")}
            description={`${t("urlHelp")} ${await mediaHostsHint(locale)}`}
            required
            defaultValue={m.videoSource === "URL" ? m.url : undefined}
            maxLength={MATERIAL_LIMITS.url}
            dir="ltr"
          />
          <div>
            <SubmitButton pendingLabel={admin("saving")}>{t("urlSave")}</SubmitButton>
          </div>
        </ActionForm>
      </div>
    </section>
  );
}
