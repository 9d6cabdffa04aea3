import { getTranslations } from "next-intl/server";
import { deleteProfileFile, uploadProfileFile } from "@/app/[locale]/my/profile/file-actions";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, HiddenField, SubmitButton } from "@/components/forms/fields";
import type { Actor } from "@/lib/auth/permissions";
import { getOwnProfileFiles } from "@/lib/candidates/own-profile-files";
import type { Takedown } from "@/lib/candidates/profile-takedowns";
import { FileField } from "./file-field";
import { uploadInput } from "./upload-hint";

/** The photo and CV section of the candidate's profile page: one small form per file. */
export async function ProfileFiles({ user, locale, takedowns = [] }: { user: Actor; locale: string; takedowns?: Takedown[] }) {
  const t = await getTranslations({ locale, namespace: "workspace" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const files = await getOwnProfileFiles(user);
  const forms = [
    { kind: "photo", key: files.photoKey, input: await uploadInput(locale, "photo") },
    { kind: "cv", key: files.cvKey, input: await uploadInput(locale, "cv") },
  ] as const;

  return (
    <section aria-labelledby="profile-files" className="space-y-4">
      <h2 id="profile-files" className="text-2xl font-semibold">
        {t("filesHeading")}
      </h2>
      <p className="max-w-prose">{t("filesHelp")}</p>
      {forms.map(({ kind, key, input }) => {
        // The latest takedown is told while no other file has replaced the one taken down (docs/domain.md#takedown).
        const takenDown = key ? undefined : takedowns.find((d) => d.part === kind);
        return (
          <div key={kind} className="max-w-3xl space-y-3 rounded border border-slate-300 p-4" data-testid={`${kind}-files`}>
            <h3 className="text-lg font-semibold">{t(`fileHeading.${kind}`)}</h3>
            {key ? (
              kind === "photo" ? (
                // eslint-disable-next-line @next/next/no-img-element -- served by /api/files with its own access check, not by next/image
                <img
                  src={`/api/files/${key}?w=128`}
                  srcSet={`/api/files/${key}?w=128 1x, /api/files/${key}?w=256 2x`}
                  alt={t("photoAlt", { name: files.name })}
                  width={128}
                  height={128}
                  className="h-32 w-32 rounded-full object-cover"
                />
              ) : (
                <p>
                  <a href={`/api/files/${key}`} className="text-brand-700 underline underline-offset-4">
                    {t("openCurrentCv")}
                  </a>
                </p>
              )
            ) : (
              <p>{t(`fileNone.${kind}`)}</p>
            )}
            {takenDown ? (
              <p role="note" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-950" data-testid={`${kind}-taken-down`}>
                {t(`fileTakenDownNotice.${kind}`, {
                  date: new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(takenDown.at),
                  reason: takenDown.reason,
                })}
              </p>
            ) : null}
            <ActionForm action={uploadProfileFile} label={t(`fileUpload.${kind}`)} className="grid gap-3">
              <HiddenField name="kind" value={kind} />
              <FileField
                name="file"
                label={t(`fileChoose.${kind}`)}
                accept={input.accept}
                hint={input.hint}
                maxBytes={input.maxBytes}
                tooLarge={input.tooLarge}
                required
              />
              <fieldset className="grid gap-2">
                <legend className="font-semibold">{t("profileDeclarationsIntro")}</legend>
                <CheckboxField name="declaredNoSymbols" label={t("profileDeclaredNoSymbols")} />
                <CheckboxField name="declaredNoResources" label={t("profileDeclaredNoResources")} />
              </fieldset>
              <div>
                <SubmitButton pendingLabel={t("uploading")}>{t(`fileUpload.${kind}`)}</SubmitButton>
              </div>
            </ActionForm>
            {key ? (
              <ActionForm action={deleteProfileFile} label={t(`fileRemove.${kind}`)}>
                <HiddenField name="kind" value={kind} />
                <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                  {t(`fileRemove.${kind}`)}
                </SubmitButton>
              </ActionForm>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
