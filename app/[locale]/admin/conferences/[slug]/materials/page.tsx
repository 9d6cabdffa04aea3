import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, TextAreaField } from "@/components/forms/fields";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { listPublishedForTakedown } from "@/lib/materials/materials-queries";
import { MATERIAL_LIMITS } from "@/lib/materials/schema";
import { Link } from "@/lib/i18n/navigation";
import { listPublicProfilesForTakedown } from "@/lib/candidates/takedown-queries";
import { TAKEDOWN_LIMITS } from "@/lib/candidates/takedown-schema";
import { CandidateAvatar } from "@/components/candidates/candidate-avatar";
import { takeDown, takeDownFile, takeDownVersion } from "./actions";

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminMaterials" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const conference = await requireConferenceBySlug(params.slug);
  const [materials, profiles] = await Promise.all([listPublishedForTakedown(user, conference.id), listPublicProfilesForTakedown(user, conference.id)]);
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
                  <ConfirmButton
                    label={t("submit")}
                    title={confirm("takeDownMaterial.title", { title: m.title })}
                    consequence={confirm("takeDownMaterial.consequence", { title: m.title, name: m.candidate.name })}
                    confirmLabel={confirm("takeDownMaterial.confirm")}
                    testId="take-down-material"
                  />
                </div>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="profiles-heading" className="space-y-4">
        <h2 id="profiles-heading" className="text-2xl font-semibold">
          {t("profilesHeading")}
        </h2>
        <p className="max-w-prose">{t("profilesIntro")}</p>
        {profiles.length === 0 ? (
          <p>{t("profilesNone")}</p>
        ) : (
          <ul className="space-y-6">
            {profiles.map((c) => (
              <li key={c.id} className="space-y-4 rounded border border-slate-300 p-4" data-testid="takedown-profile">
                <h3 className="text-xl font-semibold">
                  <Link href={`/candidates/${c.id}`} className="text-brand-700 underline underline-offset-4">
                    {c.name}
                  </Link>
                </h3>
                {c.profiles.map((v) => {
                  const language = names.of(v.locale) ?? v.locale;
                  return (
                    <div key={v.locale} className="space-y-2">
                      <h4 className="font-semibold">{t("versionSummary", { language })}</h4>
                      <p lang={v.locale} dir="auto" className="line-clamp-4 max-w-prose whitespace-pre-line text-sm">
                        {v.vision}
                      </p>
                      <TakedownForm
                        action={takeDownVersion}
                        label={t("takeDownVersion", { language, name: c.name })}
                        fields={{ candidateId: c.id, version: v.locale }}
                        t={t}
                        confirmation={{
                          title: confirm("takeDownVersion.title", { language, name: c.name }),
                          consequence: confirm("takeDownVersion.consequence", { language, name: c.name }),
                          confirmLabel: confirm("takeDownVersion.confirm"),
                        }}
                      />
                    </div>
                  );
                })}
                {(["photo", "cv"] as const).map((kind) => {
                  const key = kind === "photo" ? c.photoKey : c.cvKey;
                  if (!key) return null;
                  return (
                    <div key={kind} className="space-y-2">
                      <h4 className="font-semibold">{t(`fileSummary.${kind}`)}</h4>
                      {kind === "photo" ? (
                        <CandidateAvatar name={c.name} size="sm" photoKey={key} />
                      ) : (
                        <p>
                          <a href={`/api/files/${key}`} className="text-brand-700 underline underline-offset-4">
                            {t("openCv")}
                          </a>
                        </p>
                      )}
                      <TakedownForm
                        action={takeDownFile}
                        label={t(`takeDownFile.${kind}`, { name: c.name })}
                        fields={{ candidateId: c.id, kind }}
                        t={t}
                        confirmation={{
                          title: confirm("takeDownFile.title", { name: c.name }),
                          consequence: confirm(`takeDownFile.${kind}`, { name: c.name }),
                          confirmLabel: confirm("takeDownFile.confirm"),
                        }}
                      />
                    </div>
                  );
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
});

/** One takedown: the reason, required, then the button; the form's name says what goes. */
function TakedownForm({
  action,
  label,
  fields,
  t,
  confirmation,
}: {
  action: typeof takeDownVersion | typeof takeDownFile;
  label: string;
  fields: Record<string, string>;
  t: (key: "reason" | "reasonHelp" | "takingDown") => string;
  confirmation: { title: string; consequence: string; confirmLabel: string };
}) {
  return (
    <ActionForm action={action} label={label} className="grid max-w-2xl gap-3">
      {Object.entries(fields).map(([name, value]) => (
        <HiddenField key={name} name={name} value={value} />
      ))}
      <TextAreaField name="reason" label={t("reason")} description={t("reasonHelp")} required maxLength={TAKEDOWN_LIMITS.reason} rows={2} />
      <div>
        <ConfirmButton label={label} {...confirmation} testId="take-down-profile" />
      </div>
    </ActionForm>
  );
}
