import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { loadForAdmin } from "@/lib/conferences/admin-page";
import { getConferenceForAdmin } from "@/lib/elections/conference-admin";
import { candidatureDeadline, GR170_TIME_ZONE } from "@/lib/elections/deadline";
import { CONFERENCE_LIMITS } from "@/lib/elections/schema";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { toLocalDateTime } from "@/lib/time/zones";
import { forumClosesAt } from "@/lib/forum/window";
import { removeDeadlineOverride, saveConference, saveDeadlineOverride } from "./actions";

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminConference" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const c = await loadForAdmin(() => getConferenceForAdmin(user, { slug: params.slug }));
  const deadline = candidatureDeadline(c);
  const inGeneva = (at: Date) => `${formatInstant(locale, at, GR170_TIME_ZONE)} (${zoneLabel(locale, GR170_TIME_ZONE, at)})`;
  const zones = Intl.supportedValuesOf("timeZone");
  const forumCloses = forumClosesAt(c);

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>

      <section aria-labelledby="conference-settings" className="space-y-4">
        <h2 id="conference-settings" className="text-2xl font-semibold">
          {t("settingsHeading")}
        </h2>
        <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
        <ActionForm action={saveConference} label={t("settingsHeading")} className="grid max-w-2xl gap-4">
          <HiddenField name="conferenceId" value={c.id} />
          <TextField name="name" label={t("name")} required defaultValue={c.name} maxLength={CONFERENCE_LIMITS.name} />
          <TextField name="city" label={t("city")} required defaultValue={c.city} maxLength={CONFERENCE_LIMITS.city} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="opensOn" type="date" label={t("opensOn")} required defaultValue={c.opensOn.toISOString().slice(0, 10)} />
            <TextField name="closesOn" type="date" label={t("closesOn")} required defaultValue={c.closesOn.toISOString().slice(0, 10)} />
          </div>
          <SelectField
            name="timeZone"
            label={t("timeZone")}
            description={t("timeZoneHelp")}
            required
            defaultValue={c.timeZone}
            options={zones.map((z) => ({ value: z, label: z }))}
          />
          <TextAreaField
            name="corporateDomains"
            label={t("corporateDomains")}
            description={t("corporateDomainsHelp")}
            defaultValue={c.corporateDomains.join("\n")}
            rows={3}
          />
          <SelectField
            name="defaultWebcastAccess"
            label={t("defaultWebcastAccess")}
            description={t("defaultWebcastAccessHelp")}
            required
            defaultValue={c.defaultWebcastAccess}
            options={[
              { value: "PUBLIC", label: t("access.PUBLIC") },
              { value: "MEMBERS", label: t("access.MEMBERS") },
            ]}
          />
          <TextField
            name="forumClosesAt"
            type="datetime-local"
            label={t("forumClosesAt")}
            description={`${t("forumClosesAtHelp")} ${t("forumClosesAtInForce", { time: `${formatInstant(locale, forumCloses, c.timeZone)} (${zoneLabel(locale, c.timeZone, forumCloses)})` })}`}
            defaultValue={c.forumClosesAt ? toLocalDateTime(c.forumClosesAt, c.timeZone) : ""}
          />
          <div>
            <SubmitButton pendingLabel={admin("saving")}>{admin("save")}</SubmitButton>
          </div>
        </ActionForm>
      </section>

      <section aria-labelledby="deadline" className="space-y-4">
        <h2 id="deadline" className="text-2xl font-semibold">
          {t("deadlineHeading")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("computed")}</dt>
          <dd data-testid="deadline-computed">
            {inGeneva(deadline.computed)}
            <span className="block text-sm text-slate-700">{t("rule")}</span>
          </dd>
          <dt className="font-semibold">{t("inForce")}</dt>
          <dd data-testid="deadline-in-force">
            {inGeneva(deadline.at)}
            <span className="block text-sm text-slate-700">
              {deadline.source === "OVERRIDE" ? t("overriddenBecause", { reason: deadline.reason }) : t("notOverridden")}
            </span>
          </dd>
        </dl>

        <ActionForm action={saveDeadlineOverride} label={t("overrideHeading")} className="grid max-w-2xl gap-4 rounded border border-slate-300 p-4">
          <h3 className="text-lg font-semibold">{t("overrideHeading")}</h3>
          <HiddenField name="conferenceId" value={c.id} />
          <TextField
            name="at"
            type="datetime-local"
            label={t("overrideAt")}
            description={t("overrideAtHelp")}
            required
            defaultValue={toLocalDateTime(deadline.at, GR170_TIME_ZONE)}
          />
          <TextAreaField name="reason" label={t("reason")} description={t("reasonHelp")} required maxLength={CONFERENCE_LIMITS.reason} rows={3} />
          <div>
            <SubmitButton pendingLabel={admin("saving")}>{t("overrideSubmit")}</SubmitButton>
          </div>
        </ActionForm>

        <ActionForm action={removeDeadlineOverride} label={t("clearHeading")} className="grid max-w-2xl gap-4 rounded border border-slate-300 p-4">
          <h3 className="text-lg font-semibold">{t("clearHeading")}</h3>
          <HiddenField name="conferenceId" value={c.id} />
          <TextAreaField name="reason" label={t("reason")} description={t("reasonHelp")} required maxLength={CONFERENCE_LIMITS.reason} rows={2} />
          <div>
            <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
              {t("clearSubmit")}
            </SubmitButton>
          </div>
        </ActionForm>
      </section>
    </div>
  );
});
