import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SubmitButton } from "@/components/forms/fields";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { postName } from "@/lib/elections/post-name";
import { listPostsForAdmin } from "@/lib/elections/posts-admin";
import { Link } from "@/lib/i18n/navigation";
import { createPostAction, deletePostAction, reinstatePostAction, retirePostAction } from "./actions";
import { PostFields } from "./post-fields";

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminPosts" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const conference = await requireConferenceBySlug(params.slug);
  const posts = await listPostsForAdmin(user, conference.id);
  const base = `/admin/conferences/${encodeURIComponent(conference.slug)}`;

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-prose">{t("intro")}</p>
      </div>

      <section aria-labelledby="posts-list" className="space-y-4">
        <h2 id="posts-list" className="text-2xl font-semibold">
          {t("listHeading")}
        </h2>
        <DataTable caption={t("listHeading")} columns={[t("code"), t("name"), t("kind"), t("seats"), t("candidates"), t("state"), admin("actions")]}>
          <tbody>
            {posts.map((p) => (
              <tr key={p.id} className="border-b border-slate-200 align-top" data-testid={`post-${p.code}`}>
                <th scope="row" className="p-2 text-start font-mono" dir="ltr">
                  {p.code}
                </th>
                <td className="p-2">{postName(p.names, locale)}</td>
                <td className="p-2">
                  {t(`kinds.${p.kind}`)}
                  {p.region ? <span className="block text-slate-700">{t("regionShort", { region: p.region })}</span> : null}
                </td>
                <td className="p-2">{p.seats}</td>
                <td className="p-2">{p.candidateCount}</td>
                <td className="p-2">{p.retiredAt ? t("retiredState") : t("activeState")}</td>
                <td className="space-y-2 p-2">
                  <Link href={`${base}/posts/${p.id}`} className="text-brand-700 underline underline-offset-4">
                    {t("editLink", { code: p.code })}
                  </Link>
                  {p.retiredAt ? (
                    <ActionForm action={reinstatePostAction} label={t("reinstateLabel", { code: p.code })}>
                      <HiddenField name="id" value={p.id} />
                      <HiddenField name="conferenceId" value={conference.id} />
                      <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                        {t("reinstate")}
                      </SubmitButton>
                    </ActionForm>
                  ) : (
                    <ActionForm action={retirePostAction} label={t("retireLabel", { code: p.code })}>
                      <HiddenField name="id" value={p.id} />
                      <HiddenField name="conferenceId" value={conference.id} />
                      <ConfirmButton
                        label={t("retire")}
                        title={confirm("retirePost.title", { code: p.code })}
                        consequence={confirm("retirePost.consequence", { name: postName(p.names, locale), count: p.candidateCount })}
                        confirmLabel={confirm("retirePost.confirm")}
                        tone="primary"
                        testId={`retire-${p.code}`}
                      />
                    </ActionForm>
                  )}
                  {p.candidateCount === 0 ? (
                    <ActionForm action={deletePostAction} label={t("deleteLabel", { code: p.code })}>
                      <HiddenField name="id" value={p.id} />
                      <HiddenField name="conferenceId" value={conference.id} />
                      <ConfirmButton
                        label={t("delete")}
                        title={confirm("deletePost.title", { code: p.code })}
                        consequence={confirm("deletePost.consequence", { name: postName(p.names, locale) })}
                        confirmLabel={confirm("deletePost.confirm")}
                        testId={`delete-${p.code}`}
                      />
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <p className="max-w-prose text-sm text-slate-700">{t("deleteRule")}</p>
      </section>

      <section aria-labelledby="post-create" className="space-y-4">
        <h2 id="post-create" className="text-2xl font-semibold">
          {t("createHeading")}
        </h2>
        <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
        <ActionForm action={createPostAction} label={t("createHeading")} className="grid max-w-3xl gap-4">
          <HiddenField name="conferenceId" value={conference.id} />
          <PostFields locale={locale} />
          <div>
            <SubmitButton pendingLabel={admin("creating")}>{admin("create")}</SubmitButton>
          </div>
        </ActionForm>
      </section>
    </div>
  );
});
