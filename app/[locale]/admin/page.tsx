import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton } from "@/components/forms/fields";
import { DoneNotice } from "@/components/forum/done-notice";
import { listConferencesForAdmin, type AdminConferenceRow } from "@/lib/conferences/admin-queries";
import { Link } from "@/lib/i18n/navigation";
import { formatCalendarDate } from "@/lib/time/format";
import { closeConferenceAction, deleteConferenceAction, setCurrentConferenceAction } from "./conferences/actions";

const LINK = "text-brand-700 underline underline-offset-4";

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The console's home: every conference, which one is current, and their lifecycle
 * (docs/decisions/012). Closing and deleting ask first, on this page (?confirm=…), naming
 * what follows, so that nothing is lost by one click.
 */
export default adminPage("/admin", async ({ user, locale, searchParams }) => {
  const t = await getTranslations({ locale, namespace: "adminConferences" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const conferences = await listConferencesForAdmin(user);
  const confirm = one(searchParams.confirm);
  const target = conferences.find((c) => c.slug === one(searchParams.conference));
  const done = one(searchParams.done);

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 id="area-title" className="text-3xl font-bold">
          {t("title")}
        </h1>
        {done === "closed" || done === "deleted" || done === "current" ? <DoneNotice message={t(`done.${done}`)} /> : null}
        <p className="max-w-prose">{t("intro")}</p>
        <p>
          <Link href="/admin/conferences/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("create")}
          </Link>
        </p>
      </div>

      {target && (confirm === "close" || confirm === "delete") ? <Confirmation kind={confirm} conference={target} locale={locale} /> : null}

      <section aria-labelledby="conference-list" className="space-y-4">
        <h2 id="conference-list" className="text-2xl font-semibold">
          {t("listHeading")}
        </h2>
        {conferences.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="space-y-4" data-testid="admin-conferences">
            {conferences.map((c) => (
              <li key={c.id} className="space-y-3 rounded border border-slate-300 p-4" data-testid={`conference-${c.slug}`}>
                <div className="space-y-1">
                  <h3 className="text-xl font-semibold">
                    <Link href={`/admin/conferences/${c.slug}`} className={LINK}>
                      {c.name}
                    </Link>
                  </h3>
                  <p className="text-sm text-slate-700">
                    <span dir="ltr">{c.slug}</span> ·{" "}
                    {t("datesIn", { city: c.city, opens: formatCalendarDate(locale, c.opensOn), closes: formatCalendarDate(locale, c.closesOn) })}
                  </p>
                  <p className="text-sm">{t("counts", { posts: c.posts, candidatures: c.candidatures })}</p>
                  {c.isCurrent || c.closedAt ? (
                    <p className="text-sm font-semibold">{[c.isCurrent ? t("current") : null, c.closedAt ? t("closed") : null].filter(Boolean).join(" · ")}</p>
                  ) : null}
                </div>
                {c.closedAt ? null : (
                  <div className="flex flex-wrap items-start gap-4">
                    {c.isCurrent ? null : (
                      <ActionForm action={setCurrentConferenceAction} label={t("makeCurrentLabel", { name: c.name })}>
                        <HiddenField name="conferenceId" value={c.id} />
                        <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                          {t("makeCurrent")}
                        </SubmitButton>
                      </ActionForm>
                    )}
                    <Link href={`/admin?confirm=close&conference=${c.slug}#confirmation`} className={LINK}>
                      {t("close")}
                    </Link>
                    {c.isCurrent ? null : (
                      <Link href={`/admin?confirm=delete&conference=${c.slug}#confirmation`} className={LINK}>
                        {t("delete")}
                      </Link>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
});

/** The step before closing or deleting: what will follow, then the one button that does it. */
async function Confirmation({ kind, conference, locale }: { kind: "close" | "delete"; conference: AdminConferenceRow; locale: string }) {
  const t = await getTranslations({ locale, namespace: "adminConferences" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const heading = kind === "close" ? t("confirmCloseHeading", { name: conference.name }) : t("confirmDeleteHeading", { name: conference.name });
  return (
    <section id="confirmation" aria-labelledby="confirmation-heading" className="space-y-3 rounded border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="confirmation-heading" className="text-xl font-semibold">
        {heading}
      </h2>
      <p className="max-w-prose">{kind === "close" ? t("confirmCloseBody") : t("confirmDeleteBody", { posts: conference.posts })}</p>
      <div className="flex flex-wrap items-center gap-4">
        <ActionForm action={kind === "close" ? closeConferenceAction : deleteConferenceAction} label={heading}>
          <HiddenField name="conferenceId" value={conference.id} />
          <SubmitButton tone="danger" pendingLabel={admin("saving")}>
            {kind === "close" ? t("confirmClose") : t("confirmDelete")}
          </SubmitButton>
        </ActionForm>
        <Link href="/admin" className="text-brand-700 underline underline-offset-4">
          {t("cancel")}
        </Link>
      </div>
    </section>
  );
}
