import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { PROFILE_LIMITS } from "@/lib/candidates/profile-schema";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, LOCALES } from "@/lib/i18n/routing";
import { PublishNotice } from "@/components/campaign/publish-notice";
import { getOwnProfileTakedowns } from "@/lib/candidates/own-profile-files";
import { getOwnProfile } from "@/lib/materials/materials-queries";
import { saveProfile, setProfilePublished } from "./actions";
import { ProfileFiles } from "@/components/uploads/profile-files";

export default workspacePage("/my/profile", async ({ user, locale, searchParams }) => {
  const t = await getTranslations({ locale, namespace: "workspace" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const [profile, takedowns] = await Promise.all([getOwnProfile(user), getOwnProfileTakedowns(user)]);
  const requested = typeof searchParams.version === "string" ? searchParams.version : locale;
  const version = isLocale(requested) ? requested : "en";
  const current = profile.profiles.find((p) => p.locale === version);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const languageName = (code: string) => names.of(code) ?? code;
  const takenDown = current && !current.publishedAt ? takedowns.find((d) => d.part === "version" && d.locale === version) : undefined;
  const day = (at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(at);

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{t("profileTitle")}</h1>
      <p className="max-w-prose">{t("profileHelp")}</p>
      <PublishNotice status={profile.status} locale={locale} />

      <nav aria-label={t("versionsLabel")}>
        <ul className="flex flex-wrap gap-3">
          {LOCALES.map((l) => {
            const v = profile.profiles.find((p) => p.locale === l);
            const state = v ? (v.publishedAt ? t("versionPublished") : t("versionDraft")) : t("versionNone");
            return (
              <li key={l}>
                <Link
                  href={`/my/profile?version=${l}`}
                  aria-current={l === version ? "page" : undefined}
                  className="inline-block rounded border border-slate-400 px-3 py-1 text-brand-700 underline underline-offset-4 aria-[current=page]:border-2 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold"
                >
                  {t("versionLink", { language: languageName(l), state })}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section aria-labelledby="version-heading" className="space-y-4">
        <h2 id="version-heading" className="text-2xl font-semibold">
          {t("versionHeading", { language: languageName(version) })}
        </h2>
        <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
        <ActionForm action={saveProfile} label={t("versionHeading", { language: languageName(version) })} className="grid max-w-3xl gap-4">
          <HiddenField name="version" value={version} />
          <TextAreaField name="biography" label={t("biography")} defaultValue={current?.biography} maxLength={PROFILE_LIMITS.biography} rows={5} />
          <TextAreaField
            name="vision"
            label={t("vision")}
            description={t("visionHelp")}
            defaultValue={current?.vision}
            maxLength={PROFILE_LIMITS.vision}
            rows={10}
          />
          <SelectField
            name="visionFormat"
            label={t("visionFormat")}
            defaultValue={current?.visionFormat ?? "PLAIN"}
            options={[
              { value: "PLAIN", label: t("format.PLAIN") },
              { value: "MARKDOWN", label: t("format.MARKDOWN") },
            ]}
          />
          <fieldset className="grid gap-4 rounded border border-slate-300 p-4">
            <legend className="px-1 font-semibold">{t("sharedDetails")}</legend>
            <TextAreaField name="languages" label={t("languages")} description={t("languagesHelp")} defaultValue={profile.languages.join("\n")} rows={3} />
            <TextField
              name="website"
              type="url"
              label={t("website")}
              description={t("websiteHelp")}
              defaultValue={profile.website}
              maxLength={PROFILE_LIMITS.website}
              dir="ltr"
            />
            <TextField
              name="contactEmail"
              type="email"
              label={t("contactEmail")}
              description={t("contactEmailHelp")}
              defaultValue={profile.contactEmail}
              maxLength={PROFILE_LIMITS.email}
              autoComplete="email"
              dir="ltr"
            />
          </fieldset>
          {current?.publishedAt ? (
            <fieldset className="grid gap-3 rounded border border-slate-300 p-4">
              <legend className="px-1 font-semibold">{t("profileDeclarationsIntro")}</legend>
              <p className="text-sm">{t("publishedVersionDeclarations")}</p>
              <CheckboxField name="declaredNoSymbols" label={t("profileDeclaredNoSymbols")} />
              <CheckboxField name="declaredNoResources" label={t("profileDeclaredNoResources")} />
            </fieldset>
          ) : null}
          <div>
            <SubmitButton pendingLabel={admin("saving")}>{admin("save")}</SubmitButton>
          </div>
        </ActionForm>

        {current ? (
          <ActionForm action={setProfilePublished} label={t("publishHeading")} className="max-w-3xl space-y-3 rounded border border-slate-300 p-4">
            <h3 className="text-lg font-semibold">{t("publishHeading")}</h3>
            <p data-testid="version-state">{current.publishedAt ? t("versionIsPublished") : t("versionIsDraft")}</p>
            {takenDown ? (
              <p role="note" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-950" data-testid="version-taken-down">
                {t("versionTakenDownNotice", { date: day(takenDown.at), reason: takenDown.reason })}
              </p>
            ) : null}
            <HiddenField name="version" value={version} />
            <HiddenField name="publish" value={current.publishedAt ? "false" : "true"} />
            {current.publishedAt ? null : (
              <fieldset className="grid gap-3">
                <legend className="font-semibold">{t("profileDeclarationsIntro")}</legend>
                <CheckboxField name="declaredNoSymbols" label={t("profileDeclaredNoSymbols")} />
                <CheckboxField name="declaredNoResources" label={t("profileDeclaredNoResources")} />
              </fieldset>
            )}
            <SubmitButton tone={current.publishedAt ? "secondary" : "primary"} pendingLabel={admin("saving")}>
              {current.publishedAt ? t("unpublishVersion") : t("publishVersion")}
            </SubmitButton>
          </ActionForm>
        ) : null}
      </section>

      <ProfileFiles user={user} locale={locale} takedowns={takedowns} />
    </div>
  );
});
