import { getTranslations } from "next-intl/server";
import { deleteProfileFile, uploadProfileFile } from "@/app/[locale]/my/profile/file-actions";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton } from "@/components/forms/fields";
import type { Actor } from "@/lib/auth/permissions";
import { getOwnProfileFiles } from "@/lib/candidates/own-profile-files";
import { FileField } from "./file-field";
import { uploadInput } from "./upload-hint";

/** The photo and CV section of the candidate's profile page: one small form per file. */
export async function ProfileFiles({ user, locale }: { user: Actor; locale: string }) {
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
      {forms.map(({ kind, key, input }) => (
        <div key={kind} className="max-w-3xl space-y-3 rounded border border-slate-300 p-4" data-testid={`${kind}-files`}>
          <h3 className="text-lg font-semibold">{t(`fileHeading.${kind}`)}</h3>
          {key ? (
            kind === "photo" ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by /api/files with its own access check, not by next/image
              <img
                src={`/api/files/${key}`}
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
          <ActionForm action={uploadProfileFile} label={t(`fileUpload.${kind}`)} className="grid gap-3">
            <HiddenField name="kind" value={kind} />
            <FileField name="file" label={t(`fileChoose.${kind}`)} accept={input.accept} hint={input.hint} required />
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
      ))}
    </section>
  );
}
