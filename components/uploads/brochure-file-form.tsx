import { getTranslations } from "next-intl/server";
import { uploadBrochureFile } from "@/app/[locale]/my/materials/file-actions";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton } from "@/components/forms/fields";
import { FileField } from "./file-field";
import { uploadInput } from "./upload-hint";

/** The PDF of a draft brochure: shown to its candidate (the file route checks that) and replaced here. */
export async function BrochureFileForm({ id, fileKey, locale }: { id: string; fileKey: string | null; locale: string }) {
  const t = await getTranslations({ locale, namespace: "workspace" });
  const input = await uploadInput(locale, "brochure");
  return (
    <section aria-labelledby="brochure-file" className="max-w-3xl space-y-3 rounded border border-slate-300 p-4">
      <h2 id="brochure-file" className="text-2xl font-semibold">
        {t("brochureFileHeading")}
      </h2>
      {fileKey ? (
        <p>
          <a href={`/api/files/${fileKey}`} className="text-brand-700 underline underline-offset-4" data-testid="brochure-current">
            {t("openCurrentBrochure")}
          </a>
        </p>
      ) : (
        <p>{t("brochureFileNone")}</p>
      )}
      <ActionForm action={uploadBrochureFile} label={t("brochureFileUpload")} className="grid gap-3">
        <HiddenField name="id" value={id} />
        <FileField
          name="file"
          label={t("brochureFileChoose")}
          accept={input.accept}
          hint={input.hint}
          maxBytes={input.maxBytes}
          tooLarge={input.tooLarge}
          required
        />
        <div>
          <SubmitButton pendingLabel={t("uploading")}>{t("brochureFileUpload")}</SubmitButton>
        </div>
      </ActionForm>
    </section>
  );
}
