import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { DoneNotice } from "@/components/forum/done-notice";
import { HideControl } from "@/components/forum/moderation-controls";
import { QuestionCard } from "@/components/forum/question-card";
import { listCandidatesForAdmin } from "@/lib/candidates/candidates-admin";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { getForumQueueForSecretariat } from "@/lib/forum/queries";
import { FORUM_STATUSES } from "@/lib/forum/schema";
import { Link } from "@/lib/i18n/navigation";
import { hideForumQuestion } from "./actions";
import { filterQuery, readFilter } from "./filters";

const SELECT = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params, searchParams }) => {
  const t = await getTranslations({ locale, namespace: "forum" });
  const filter = readFilter(searchParams);
  const conference = await requireConferenceBySlug(params.slug);
  const [items, candidates] = await Promise.all([
    getForumQueueForSecretariat(user, { ...filter, conferenceId: conference.id }),
    listCandidatesForAdmin(user, conference.id),
  ]);
  const timeZone = conference.timeZone;
  // The conference travels with the filter, so that hiding returns to this conference's list.
  const back = filterQuery(filter, { conference: conference.slug });
  const options = candidates.map((c) => ({ id: c.id, name: c.name }));

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("admin.title")}</h1>
        {searchParams.done === "hidden" ? <DoneNotice message={t("admin.hidden")} /> : null}
        <p className="max-w-prose">{t("admin.intro")}</p>
      </div>

      {/* A plain GET form: the filter is the page's address, so it can be shared and reloaded. */}
      <form method="get" aria-label={t("admin.filterLabel")} className="flex flex-wrap items-end gap-4 rounded border border-slate-300 p-4">
        <div className="min-w-56">
          <label htmlFor="forum-filter-candidate" className="font-medium">
            {t("admin.candidate")}
          </label>
          <select id="forum-filter-candidate" name="candidate" defaultValue={filter.candidateId ?? ""} className={SELECT}>
            <option value="">{t("admin.anyCandidate")}</option>
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-48">
          <label htmlFor="forum-filter-status" className="font-medium">
            {t("admin.status")}
          </label>
          <select id="forum-filter-status" name="status" defaultValue={filter.status ?? ""} className={SELECT}>
            <option value="">{t("admin.anyStatus")}</option>
            {FORUM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`queue.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t("admin.filterSubmit")}
        </button>
      </form>

      <section aria-labelledby="forum-results" className="space-y-4">
        <h2 id="forum-results" className="text-2xl font-semibold" data-testid="forum-results">
          {t("admin.results", { count: items.length })}
        </h2>
        {items.length === 0 ? (
          <p>{t("admin.none")}</p>
        ) : (
          <ul aria-labelledby="forum-results" className="space-y-4" data-testid="queue">
            {items.map((item) => (
              <QuestionCard
                key={item.id}
                item={item}
                locale={locale}
                timeZone={timeZone}
                heading={
                  <p className="font-semibold">
                    <Link href={`/candidates/${item.candidateId}#forum`} className="text-brand-700 underline underline-offset-4">
                      {t("admin.forumOf", { name: item.candidateName })}
                    </Link>
                  </p>
                }
              >
                <HideControl item={item} candidateId={item.candidateId} locale={locale} action={hideForumQuestion} back={back} />
              </QuestionCard>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
});
