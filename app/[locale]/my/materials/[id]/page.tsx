import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { isDomainError } from "@/lib/errors/domain-error";
import { Link } from "@/lib/i18n/navigation";
import { LOCALES } from "@/lib/i18n/routing";
import { getOwnMaterial } from "@/lib/materials/materials-queries";
import { PublishNotice } from "@/components/campaign/publish-notice";
import { MATERIAL_LIMITS } from "@/lib/materials/schema";
import { publishOwnMaterial, saveMaterial, unpublishOwnMaterial } from "../actions";
import { BrochureFileForm } from "@/components/uploads/brochure-file-form";
import { VideoPlayer } from "@/components/video/video-player";
import { VideoSection } from "@/components/video/video-section";
import { videoPlayback } from "@/lib/materials/video-playback";
import { playableHere } from "@/lib/materials/media-address";
import { muxEnabled } from "@/lib/mux/config";
import { MaterialCaptions } from "@/components/captions/material-captions";

async function load(user: Parameters<typeof getOwnMaterial>[0], id: string) {
  try {
    return await getOwnMaterial(user, id);
  } catch (error) {
    // Another candidate's material reads exactly like one that does not exist.
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default workspacePage<{ id: string }>("/my/materials", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "workspace" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const m = await load(user, params.id);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const playback = playableHere(videoPlayback(m));
  const languages = (LOCALES as readonly string[]).includes(m.language) ? [...LOCALES] : [...LOCALES, m.language];

  return (
    <div className="space-y-8">
      <p>
        <Link href="/my/materials" className="text-brand-700 underline underline-offset-4">
          {t("backToMaterials")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{m.title}</h1>
      <p data-testid="material-state">
        {t("materialSummary", { kind: t(`kind.${m.kind}`), language: names.of(m.language) ?? m.language, state: t(`state.${m.state}`) })}
      </p>

      {m.state === "TAKEN_DOWN" ? (
        <div role="note" data-testid="takedown-reason" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-950">
          <p className="font-semibold">{t("takenDownHeading")}</p>
          <p className="whitespace-pre-line">{t("takenDownReason", { reason: m.takedownReason ?? "" })}</p>
        </div>
      ) : null}
      {m.kind === "BROCHURE" ? <p className="text-sm text-slate-700">{t("fileComesWithUpload")}</p> : null}
      {m.kind === "VIDEO" && m.state !== "DRAFT" && playback ? <VideoPlayer playback={playback} title={m.title} /> : null}

      {m.state === "DRAFT" ? (
        <>
          <section aria-labelledby="edit-material" className="space-y-4">
            <h2 id="edit-material" className="text-2xl font-semibold">
              {t("editMaterial")}
            </h2>
            <ActionForm action={saveMaterial} label={t("editMaterial")} className="grid max-w-3xl gap-4">
              <HiddenField name="id" value={m.id} />
              <TextField name="title" label={t("title")} required defaultValue={m.title} maxLength={MATERIAL_LIMITS.title} />
              <SelectField
                name="language"
                label={t("language")}
                required
                defaultValue={m.language}
                options={languages.map((l) => ({ value: l, label: names.of(l) ?? l }))}
              />
              {m.kind === "STATEMENT" ? (
                <TextAreaField
                  name="body"
                  label={t("body")}
                  description={t("bodyHelp")}
                  required
                  defaultValue={m.body}
                  maxLength={MATERIAL_LIMITS.body}
                  rows={10}
                />
              ) : null}
              {m.kind === "LINK" ? (
                <TextField name="url" type="url" label={t("url")} required defaultValue={m.url} maxLength={MATERIAL_LIMITS.url} dir="ltr" />
              ) : null}
              <div>
                <SubmitButton pendingLabel={admin("saving")}>{admin("save")}</SubmitButton>
              </div>
            </ActionForm>
          </section>

          {m.kind === "BROCHURE" ? <BrochureFileForm id={m.id} fileKey={m.fileKey} locale={locale} /> : null}
          {m.kind === "VIDEO" ? <VideoSection material={m} locale={locale} muxEnabled={muxEnabled()} /> : null}
          {m.kind === "VIDEO" ? <MaterialCaptions user={user} locale={locale} materialId={m.id} /> : null}

          <p>
            <Link href={`/my/materials/${m.id}/review`} className="text-brand-700 underline underline-offset-4">
              {t("askReview")}
            </Link>
          </p>

          <section aria-labelledby="publish-material" className="space-y-4">
            <h2 id="publish-material" className="text-2xl font-semibold">
              {t("publishMaterial")}
            </h2>
            <PublishNotice status={m.candidate.status} locale={locale} />
            <ActionForm action={publishOwnMaterial} label={t("publishMaterial")} className="grid max-w-3xl gap-4 rounded border border-slate-300 p-4">
              <HiddenField name="id" value={m.id} />
              <p>{t("declarationsIntro")}</p>
              <CheckboxField name="declaredNoSymbols" label={t("declaredNoSymbols")} />
              <CheckboxField name="declaredNoResources" label={t("declaredNoResources")} />
              <div>
                <SubmitButton pendingLabel={admin("saving")}>{t("publishSubmit")}</SubmitButton>
              </div>
            </ActionForm>
          </section>
        </>
      ) : null}

      {m.state === "PUBLISHED" ? (
        <ActionForm action={unpublishOwnMaterial} label={t("unpublishMaterial")} className="max-w-3xl space-y-3 rounded border border-slate-300 p-4">
          <h2 className="text-2xl font-semibold">{t("unpublishMaterial")}</h2>
          <p>{t("unpublishHelp")}</p>
          <HiddenField name="id" value={m.id} />
          <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
            {t("unpublishSubmit")}
          </SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
});
