import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { listPublishedForTakedown } from "@/lib/materials/materials-queries";
import { MATERIAL_LIMITS } from "@/lib/materials/schema";
import { Link } from "@/lib/i18n/navigation";
import { takeDown } from "./actions";

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminMaterials" });
  const conference = await requireConferenceBySlug(params.slug);
  const materials = await listPublishedForTakedown(user, conference.id);
  const names = new Intl.DisplayNames([locale], { type: "language" });

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-prose">{t("intro")}</p>
      {materials.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-6">
          {materials.map((m) => (
            <li key={m.id} className="space-y-3 rounded border border-slate-300 p-4">
              <h2 className="text-xl font-semibold">{m.title}</h2>
              <p className="text-sm text-slate-700">
                {t("summary", { kind: t(`kind.${m.kind}`), language: names.of(m.language) ?? m.language })}{" "}
                <Link href={`/candidates/${m.candidate.id}`} className="text-brand-700 underline underline-offset-4">
                  {m.candidate.name}
                </Link>
              </p>
              {m.url ? (
                <p dir="ltr" className="break-all text-sm">
                  {m.url}
                </p>
              ) : null}
              <ActionForm action={takeDown} label={t("formLabel", { title: m.title })} className="grid max-w-2xl gap-3">
                <HiddenField name="id" value={m.id} />
                <TextAreaField name="reason" label={t("reason")} description={t("reasonHelp")} required maxLength={MATERIAL_LIMITS.reason} rows={2} />
                <div>
                  <SubmitButton tone="danger" pendingLabel={t("takingDown")}>
                    {t("submit")}
                  </SubmitButton>
                </div>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
