import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { isDomainError } from "@/lib/errors/domain-error";
import { Link } from "@/lib/i18n/navigation";
import { memberStateName } from "@/lib/member-states/names";
import { USER_LIMITS } from "@/lib/users/schema";
import { getUserForAdmin, listMemberStatesForAdmin } from "@/lib/users/users-admin";
import { updateUserAction } from "../actions";

async function load(user: Parameters<typeof getUserForAdmin>[0], id: string) {
  try {
    return await getUserForAdmin(user, id);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default adminPage<{ id: string }>("/admin/users", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminUsers" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const [account, states] = await Promise.all([load(user, params.id), listMemberStatesForAdmin(user)]);
  const stateOptions = states.map((s) => ({ value: s.id, label: memberStateName(locale, s) }));

  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/users" className="text-brand-700 underline underline-offset-4">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("editTitle", { name: account.name })}</h1>

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("role")}</dt>
        <dd>{roles(account.role)}</dd>
        <dt className="font-semibold">{t("candidature")}</dt>
        <dd>{account.candidate ? `${account.candidate.name} — ${account.candidate.conference.name}` : admin("none")}</dd>
        <dt className="font-semibold">{t("state")}</dt>
        <dd>{account.disabledAt ? t("stateDisabled") : t("stateActive")}</dd>
      </dl>

      <section aria-labelledby="user-edit" className="space-y-4">
        <h2 id="user-edit" className="text-2xl font-semibold">
          {t("editLabel", { name: account.name })}
        </h2>
        <p className="max-w-prose text-slate-700">{t("editIntro")}</p>
        <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
        <ActionForm action={updateUserAction} label={t("editLabel", { name: account.name })} className="grid max-w-2xl gap-4">
          <HiddenField name="userId" value={account.id} />
          <TextField
            name="email"
            type="email"
            label={t("email")}
            required
            defaultValue={account.email}
            maxLength={USER_LIMITS.email}
            autoComplete="off"
            dir="ltr"
          />
          <TextField name="name" label={t("name")} required defaultValue={account.name} maxLength={USER_LIMITS.name} autoComplete="off" />
          <SelectField
            name="memberStateId"
            label={t("memberState")}
            description={t("memberStateHelp")}
            defaultValue={account.memberStateId ?? ""}
            placeholder={admin("none")}
            options={stateOptions}
          />
          <SelectField
            name="nationalityId"
            label={t("nationality")}
            description={t("nationalityHelp")}
            defaultValue={account.nationalityId ?? ""}
            placeholder={admin("none")}
            options={stateOptions}
          />
          <CheckboxField name="isStaff" label={t("isStaff")} description={t("isStaffHelp")} defaultChecked={account.isStaff} />
          <div>
            <SubmitButton pendingLabel={admin("saving")}>{t("editSubmit")}</SubmitButton>
          </div>
        </ActionForm>
      </section>
    </div>
  );
});
