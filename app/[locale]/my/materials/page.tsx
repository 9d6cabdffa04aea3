import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { Link } from "@/lib/i18n/navigation";
import { LOCALES } from "@/lib/i18n/routing";
import { listOwnMaterials } from "@/lib/materials/materials-queries";
import { MATERIAL_KINDS, MATERIAL_LIMITS } from "@/lib/materials/schema";
import { addMaterial } from "./actions";

export default workspacePage("/my/materials", async ({ user, locale }) => {
  const t = await getTranslations({ locale, namespace: "workspace" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const { materials } = await listOwnMaterials(user);
  const names = new Intl.DisplayNames([locale], { type: "language" });

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">{t("materialsTitle")}</h1>
      <section aria-labelledby="own-materials" className="space-y-4">
        <h2 id="own-materials" className="text-2xl font-semibold">
          {t("yourMaterials")}
        </h2>
        {materials.length === 0 ? (
          <p>{t("noMaterials")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-300">
            {materials.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/my/materials/${m.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                  {m.title}
                </Link>
                <span className="text-sm text-slate-700">
                  {t("materialSummary", { kind: t(`kind.${m.kind}`), language: names.of(m.language) ?? m.language, state: t(`state.${m.state}`) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-material" className="space-y-4">
        <h2 id="new-material" className="text-2xl font-semibold">
          {t("newMaterial")}
        </h2>
        <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
        <ActionForm action={addMaterial} label={t("newMaterial")} className="grid max-w-3xl gap-4">
          <SelectField
            name="kind"
            label={t("kindLabel")}
            description={t("kindHelp")}
            required
            defaultValue="STATEMENT"
            options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <TextField name="title" label={t("title")} required maxLength={MATERIAL_LIMITS.title} />
          <SelectField
            name="language"
            label={t("language")}
            required
            defaultValue={locale}
            options={LOCALES.map((l) => ({ value: l, label: names.of(l) ?? l }))}
          />
          <TextAreaField name="body" label={t("body")} description={t("bodyHelp")} maxLength={MATERIAL_LIMITS.body} rows={8} />
          <TextField name="url" type="url" label={t("url")} description={t("urlHelp")} maxLength={MATERIAL_LIMITS.url} dir="ltr" />
          <div>
            <SubmitButton pendingLabel={admin("creating")}>{admin("create")}</SubmitButton>
          </div>
        </ActionForm>
      </section>
    </div>
  );
});
