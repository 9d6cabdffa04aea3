import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { listConferencesForAdmin } from "@/lib/conferences/admin-queries";
import { NEW_CONFERENCE_LIMITS } from "@/lib/conferences/schema";
import { Link } from "@/lib/i18n/navigation";
import { createConferenceAction } from "../actions";

/** A new conference: its fixed address name, dates and zone, and the posts it starts with (docs/decisions/012). */
export default adminPage("/admin/conferences/new", async ({ user, locale }) => {
  const t = await getTranslations({ locale, namespace: "adminConferences" });
  const settings = await getTranslations({ locale, namespace: "adminConference" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const conferences = await listConferencesForAdmin(user);
  const zones = Intl.supportedValuesOf("timeZone");

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin" className="text-brand-700 underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      <p className="max-w-prose">{t("newIntro")}</p>
      <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
      <ActionForm action={createConferenceAction} label={t("newTitle")} className="grid max-w-2xl gap-4">
        <TextField name="slug" label={t("slug")} description={t("slugHelp")} required maxLength={NEW_CONFERENCE_LIMITS.slug} dir="ltr" />
        <TextField name="name" label={settings("name")} required maxLength={NEW_CONFERENCE_LIMITS.name} />
        <TextField name="city" label={settings("city")} required maxLength={NEW_CONFERENCE_LIMITS.city} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="opensOn" type="date" label={settings("opensOn")} required />
          <TextField name="closesOn" type="date" label={settings("closesOn")} required />
        </div>
        <SelectField
          name="timeZone"
          label={settings("timeZone")}
          description={settings("timeZoneHelp")}
          required
          placeholder={t("chooseZone")}
          options={zones.map((z) => ({ value: z, label: z }))}
        />
        <SelectField
          name="copyPostsFrom"
          label={t("copyPostsFrom")}
          description={t("copyPostsFromHelp")}
          defaultValue={conferences[0]?.id ?? ""}
          placeholder={t("noCopy")}
          options={conferences.map((c) => ({ value: c.id, label: t("copyOption", { name: c.name, posts: c.posts }) }))}
        />
        <div>
          <SubmitButton pendingLabel={admin("creating")}>{t("createSubmit")}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
});
