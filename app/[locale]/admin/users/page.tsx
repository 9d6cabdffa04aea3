import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { ROLES } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { memberStateName } from "@/lib/member-states/names";
import { USER_LIMITS, USERS_LIST } from "@/lib/users/schema";
import { listCandidaturesWithoutAccount, listMemberStatesForAdmin, listUsersForAdmin } from "@/lib/users/users-admin";
import { changeRoleAction, createUserAction, issueLinkAction, setEnabledAction } from "./actions";
import { LinkForm } from "./link-form";

export default adminPage("/admin/users", async ({ user, locale, searchParams }) => {
  const t = await getTranslations({ locale, namespace: "adminUsers" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const [list, candidatures, states] = await Promise.all([
    listUsersForAdmin(user, searchParams),
    listCandidaturesWithoutAccount(user),
    listMemberStatesForAdmin(user),
  ]);
  const { users, total, page, pageCount, q } = list;
  // The role form opens in one row at a time (?role=<id>): each carries every free
  // candidature, so a form in every row would make the page rows × candidatures long.
  const openRole = typeof searchParams.role === "string" ? searchParams.role : undefined;
  const listHref = (to: { page?: number; role?: string }) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (to.page && to.page > 1) query.set("page", String(to.page));
    if (to.role) query.set("role", to.role);
    const search = query.toString();
    return `/admin/users${search ? `?${search}` : ""}${to.role ? `#role-${to.role}` : ""}`;
  };
  const number = new Intl.NumberFormat(locale);
  const from = total === 0 ? 0 : (page - 1) * USERS_LIST.pageSize + 1;
  const to = Math.min(page * USERS_LIST.pageSize, total);
  const pageLink = "inline-block rounded border border-slate-400 px-3 py-1 text-brand-700 underline underline-offset-4 hover:bg-slate-50";
  // From a candidature's page: "create this candidate's account".
  const preselected = typeof searchParams.candidate === "string" ? candidatures.find((c) => c.id === searchParams.candidate) : undefined;
  const roleOptions = ROLES.map((r) => ({ value: r, label: roles(r) }));
  const candidatureOptions = candidatures.map((c) => ({ value: c.id, label: `${c.name} (${memberStateName(locale, c.memberState)}) — ${c.conference.name}` }));
  const stateOptions = states.map((s) => ({ value: s.id, label: memberStateName(locale, s) }));
  const linkText = { link: t("link"), linkHelp: t("linkHelp"), copy: t("copy"), copied: t("copied") };

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>

      <section aria-labelledby="create-user" className="space-y-4">
        <h2 id="create-user" className="text-2xl font-semibold">
          {t("createHeading")}
        </h2>
        <p className="max-w-prose text-slate-700">{t("createIntro")}</p>
        <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
        <LinkForm action={createUserAction} label={t("createHeading")} className="grid max-w-2xl gap-4" text={linkText}>
          <TextField name="email" type="email" label={t("email")} required maxLength={USER_LIMITS.email} autoComplete="off" dir="ltr" />
          <TextField name="name" label={t("name")} required maxLength={USER_LIMITS.name} autoComplete="off" />
          <SelectField name="role" label={t("role")} required defaultValue={preselected ? "CANDIDATE" : "MEMBER"} options={roleOptions} />
          <SelectField
            name="candidateId"
            label={t("candidature")}
            description={t("candidatureHelp")}
            defaultValue={preselected?.id ?? ""}
            placeholder={admin("none")}
            options={candidatureOptions}
          />
          <SelectField name="memberStateId" label={t("memberState")} description={t("memberStateHelp")} placeholder={admin("none")} options={stateOptions} />
          <SelectField name="nationalityId" label={t("nationality")} description={t("nationalityHelp")} placeholder={admin("none")} options={stateOptions} />
          <CheckboxField name="isStaff" label={t("isStaff")} description={t("isStaffHelp")} />
          <div>
            <SubmitButton pendingLabel={admin("creating")}>{t("createSubmit")}</SubmitButton>
          </div>
        </LinkForm>
      </section>

      <section aria-labelledby="accounts" className="space-y-4">
        <h2 id="accounts" className="text-2xl font-semibold">
          {t("listHeading")}
        </h2>
        <p className="max-w-prose text-slate-700">{t("listIntro")}</p>
        <form method="get" role="search" aria-label={t("list.searchHeading")} className="flex max-w-2xl flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <label htmlFor="users-q" className="font-medium">
              {t("list.searchLabel")}
            </label>
            <input
              id="users-q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={USERS_LIST.query}
              autoComplete="off"
              className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2"
            />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("list.searchSubmit")}
          </button>
          {q ? (
            <Link href="/admin/users" className="py-2 text-brand-700 underline underline-offset-4">
              {t("list.clear")}
            </Link>
          ) : null}
        </form>
        <p data-testid="users-count">
          {total === 0
            ? q
              ? t("list.noMatch", { q })
              : t("list.empty")
            : t("list.showing", { from: number.format(from), to: number.format(to), total: number.format(total) })}
        </p>
        <DataTable
          caption={t("listHeading")}
          columns={[t("name"), t("role"), t("state"), t("memberState"), t("nationality"), t("isStaffShort"), admin("actions")]}
        >
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-slate-200 align-top" data-testid={`user-${u.email}`}>
                <th scope="row" className="p-2 text-start font-normal">
                  <span className="block font-semibold">{u.name}</span>
                  <span className="block text-slate-700" dir="ltr">
                    {u.email}
                  </span>
                  {u.candidate ? <span className="block text-slate-700">{t("boundTo", { name: u.candidate.name })}</span> : null}
                </th>
                <td className="p-2">{roles(u.role)}</td>
                <td className="p-2">
                  {u.disabledAt ? t("stateDisabled") : u.hasPassword ? t("stateActive") : t("statePending", { links: u._count.setupTokens })}
                </td>
                <td className="p-2">{u.memberState ? memberStateName(locale, u.memberState) : admin("none")}</td>
                <td className="p-2">{u.nationality ? memberStateName(locale, u.nationality) : admin("none")}</td>
                <td className="p-2">{u.isStaff ? admin("yes") : admin("no")}</td>
                <td className="min-w-72 space-y-3 p-2">
                  <p>
                    <Link href={`/admin/users/${encodeURIComponent(u.id)}`} className="text-brand-700 underline underline-offset-4">
                      {t("editLabel", { name: u.name })}
                    </Link>
                  </p>
                  <ActionForm action={setEnabledAction} label={t(u.disabledAt ? "enableLabel" : "disableLabel", { name: u.name })}>
                    <HiddenField name="userId" value={u.id} />
                    <HiddenField name="intent" value={u.disabledAt ? "enable" : "disable"} />
                    {u.disabledAt ? (
                      <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                        {t("enable")}
                      </SubmitButton>
                    ) : (
                      <ConfirmButton
                        label={t("disable")}
                        title={confirm("disableUser.title", { name: u.name })}
                        consequence={confirm("disableUser.consequence", { name: u.name, email: u.email })}
                        confirmLabel={confirm("disableUser.confirm")}
                        testId="disable-user"
                      />
                    )}
                  </ActionForm>
                  {u.disabledAt ? null : (
                    <LinkForm action={issueLinkAction} label={t("newLinkLabel", { name: u.name })} text={linkText}>
                      <HiddenField name="userId" value={u.id} />
                      <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                        {t("newLink")}
                      </SubmitButton>
                    </LinkForm>
                  )}
                  {openRole === u.id ? (
                    <div id={`role-${u.id}`}>
                      <ActionForm action={changeRoleAction} label={t("changeRoleLabel", { name: u.name })} className="mt-2 space-y-3">
                        <HiddenField name="userId" value={u.id} />
                        <SelectField name="role" label={t("newRole")} required defaultValue={u.role} options={roleOptions} />
                        <SelectField
                          name="candidateId"
                          label={t("candidature")}
                          description={t("candidatureHelp")}
                          defaultValue={u.candidate?.id ?? ""}
                          placeholder={admin("none")}
                          options={
                            u.candidate
                              ? [{ value: u.candidate.id, label: `${u.candidate.name} — ${u.candidate.conference.name}` }, ...candidatureOptions]
                              : candidatureOptions
                          }
                        />
                        <SubmitButton pendingLabel={admin("saving")}>{t("changeRole")}</SubmitButton>
                      </ActionForm>
                    </div>
                  ) : (
                    <p>
                      <Link href={listHref({ page, role: u.id })} className="text-brand-700 underline underline-offset-4">
                        {t("changeRoleLabel", { name: u.name })}
                      </Link>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <nav aria-label={t("list.pagination")} data-testid="users-pagination">
          <ul className="flex flex-wrap items-center gap-3">
            {page > 1 ? (
              <li>
                <Link href={listHref({ page: page - 1 })} rel="prev" className={pageLink}>
                  {t("list.previous")}
                </Link>
              </li>
            ) : null}
            <li>
              <span aria-current="page" className="inline-block px-1 py-1 font-semibold">
                {t("list.pageOf", { page: number.format(page), count: number.format(pageCount) })}
              </span>
            </li>
            {page < pageCount ? (
              <li>
                <Link href={listHref({ page: page + 1 })} rel="next" className={pageLink}>
                  {t("list.next")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      </section>
    </div>
  );
});
