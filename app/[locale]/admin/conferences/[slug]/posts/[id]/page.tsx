import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton } from "@/components/forms/fields";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { isDomainError } from "@/lib/errors/domain-error";
import { postNamesSchema } from "@/lib/elections/post-name";
import { getPostForAdmin } from "@/lib/elections/posts-admin";
import { Link } from "@/lib/i18n/navigation";
import { updatePostAction } from "../actions";
import { PostFields } from "../post-fields";

async function load(user: Parameters<typeof getPostForAdmin>[0], which: Parameters<typeof getPostForAdmin>[1]) {
  try {
    return await getPostForAdmin(user, which);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default adminPage<{ slug: string; id: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminPosts" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const conference = await requireConferenceBySlug(params.slug);
  // A post of another conference is not found under this one's address.
  const post = await load(user, { conferenceId: conference.id, id: params.id });
  const names = postNamesSchema.safeParse(post.names);

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/admin/conferences/${encodeURIComponent(conference.slug)}/posts`} className="text-brand-700 underline underline-offset-4">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("editHeading", { code: post.code })}</h1>
      {post.retiredAt ? <p className="rounded border border-amber-300 bg-amber-50 p-3">{t("retiredNotice")}</p> : null}
      <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
      <ActionForm action={updatePostAction} label={t("editHeading", { code: post.code })} className="grid max-w-3xl gap-4">
        <HiddenField name="id" value={post.id} />
        <HiddenField name="conferenceId" value={conference.id} />
        <PostFields
          locale={locale}
          post={{ code: post.code, kind: post.kind, region: post.region, seats: post.seats, sortOrder: post.sortOrder, names: names.success ? names.data : {} }}
        />
        <div>
          <SubmitButton pendingLabel={admin("saving")}>{admin("save")}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
});
