import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton } from "@/components/forms/fields";
import { getNominationOptions, listCandidatesForAdmin } from "@/lib/candidates/candidates-admin";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { postName } from "@/lib/elections/post-name";
import { Link } from "@/lib/i18n/navigation";
import { memberStateName } from "@/lib/member-states/names";
import { registerCandidateAction } from "./actions";
import { CandidatureFields } from "./candidature-fields";

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminCandidates" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const status = await getTranslations({ locale, namespace: "status" });
  const conference = await requireConferenceBySlug(params.slug);
  const [candidates, options] = await Promise.all([listCandidatesForAdmin(user, conference.id), getNominationOptions(user, conference.id)]);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-prose">{t("intro")}</p>
      </div>

      <section aria-labelledby="candidates-list" className="space-y-4">
        <h2 id="candidates-list" className="text-2xl font-semibold">
          {t("listHeading")}
        </h2>
        {candidates.length === 0 ? (
          <p>{t("noCandidates")}</p>
        ) : (
          <DataTable caption={t("listHeading")} columns={[t("name"), t("post"), t("memberState"), t("status"), t("internal")]}>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-start font-normal">
                    <Link
                      href={`/admin/conferences/${encodeURIComponent(conference.slug)}/candidates/${c.id}`}
                      className="text-brand-700 underline underline-offset-4"
                    >
                      {c.name}
                    </Link>
                  </th>
                  <td className="p-2">{postName(c.post.names, locale)}</td>
                  <td className="p-2">{memberStateName(locale, c.memberState)}</td>
                  <td className="p-2">{status(c.status)}</td>
                  <td className="p-2">{c.isInternal ? admin("yes") : admin("no")}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="candidate-register" className="space-y-4">
        <h2 id="candidate-register" className="text-2xl font-semibold">
          {t("registerHeading")}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">{t("registerHelp")}</p>
        <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
        <ActionForm action={registerCandidateAction} label={t("registerHeading")} className="grid max-w-2xl gap-4">
          <HiddenField name="conferenceId" value={conference.id} />
          <HiddenField name="conferenceSlug" value={conference.slug} />
          <CandidatureFields locale={locale} options={options} />
          <div>
            <SubmitButton pendingLabel={admin("creating")}>{t("registerSubmit")}</SubmitButton>
          </div>
        </ActionForm>
      </section>
    </div>
  );
});
