import { getTranslations } from "next-intl/server";
import { workspacePage } from "@/components/areas/area-pages";
import { DoneNotice } from "@/components/forum/done-notice";
import { CandidateControls } from "@/components/forum/moderation-controls";
import { QuestionCard } from "@/components/forum/question-card";
import { mayPublishInForum } from "@/lib/campaign/rules";
import { getOwnCandidature } from "@/lib/candidates/own";
import { getConferenceOfCandidate } from "@/lib/conferences/context";
import { VisitorLine, VisitorParagraphs } from "@/components/forum/visitor-text";
import { getForumWindow, getOwnForumQueue, getOwnMostSupported } from "@/lib/forum/queries";
import { FORUM_STATUSES, type ForumStatus } from "@/lib/forum/schema";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { answerOwnQuestion, declineOwnQuestion, publishOwnQuestion, withdrawOwnQuestion } from "./actions";
import { doneOf } from "./done";

// A moderation queue shows at most this many per list (lib/forum/queries.ts).
const QUEUE_CAP = 500;

function statusOf(value: unknown): ForumStatus {
  return typeof value === "string" && (FORUM_STATUSES as readonly string[]).includes(value) ? (value as ForumStatus) : "PENDING";
}

export default workspacePage("/my/forum", async ({ user, locale, searchParams }) => {
  const t = await getTranslations({ locale, namespace: "forum" });
  const workspace = await getTranslations({ locale, namespace: "workspace" });
  const candidature = await getOwnCandidature(user);
  if (!candidature) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("queue.title")}</h1>
        <p>{workspace("notBound")}</p>
      </div>
    );
  }
  const status = statusOf(searchParams.status);
  const done = doneOf(searchParams.done);
  const [all, items, window, conference, mostSupported] = await Promise.all([
    getOwnForumQueue(user),
    getOwnForumQueue(user, { status }),
    getForumWindow(candidature.id),
    getConferenceOfCandidate(candidature.id),
    getOwnMostSupported(user),
  ]);
  const support = await getTranslations({ locale, namespace: "forumSupport" });
  const timeZone = conference?.timeZone ?? "UTC";
  // Counts per list, unless the newest-first read was cut short and would undercount.
  const counts = all.length < QUEUE_CAP ? new Map(FORUM_STATUSES.map((s) => [s, all.filter((q) => q.status === s).length])) : null;
  const actions = { publish: publishOwnQuestion, answer: answerOwnQuestion, decline: declineOwnQuestion, withdraw: withdrawOwnQuestion };

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("queue.title")}</h1>
        {done ? <DoneNotice message={t(`queue.${done}`)} /> : null}
        <p className="max-w-prose">{t("queue.intro")}</p>
        {window?.open ? (
          <p className="text-sm text-slate-700">
            {t("ask.openUntil", { time: `${formatInstant(locale, window.closesAt, timeZone)} (${zoneLabel(locale, timeZone, window.closesAt)})` })}
          </p>
        ) : window ? (
          <p data-testid="forum-closed" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
            {t(window.reasonKey.replace(/^forum\./, "") as never, window.values as never)}
          </p>
        ) : null}
        {mayPublishInForum(candidature.status) ? null : (
          <p data-testid="forum-withdrawn" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
            {t("candidatureWithdrawn")}
          </p>
        )}
        <p>
          {/* Not prefetched: a prefetch renders the cached public page while the candidate is
              moderating, and a render that started before a change can be stored after it. */}
          <Link href={`/candidates/${candidature.id}#forum`} prefetch={false} className="text-brand-700 underline underline-offset-4">
            {t("queue.publicPage")}
          </Link>
        </p>
      </div>

      {/* The questions visitors supported most (docs/decisions/049-forum-support-and-follow.md). */}
      <section aria-labelledby="most-supported" className="space-y-3" data-testid="most-supported">
        <h2 id="most-supported" className="text-2xl font-semibold">
          {support("queue.title")}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">{support("queue.intro")}</p>
        {mostSupported.length === 0 ? (
          <p>{support("queue.none")}</p>
        ) : (
          <ol className="space-y-2">
            {mostSupported.map((q) => (
              <li key={q.id} data-testid="most-supported-item" data-question-id={q.id} className="rounded border border-slate-300 p-3">
                <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                  <span data-testid="most-supported-count" className="font-semibold text-slate-900">
                    {support("list.supports", { count: q.supports })}
                  </span>
                  <span>{q.answered ? support("queue.answered") : support("queue.notAnswered")}</span>
                  <VisitorLine text={q.askerName} />
                </p>
                <VisitorParagraphs text={q.body} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <nav aria-label={t("queue.statusNav")}>
        <ul className="flex flex-wrap gap-2">
          {FORUM_STATUSES.map((s) => {
            const label = counts ? t("queue.tab", { label: t(`queue.status.${s}`), count: counts.get(s) ?? 0 }) : t(`queue.status.${s}`);
            return (
              <li key={s}>
                <Link
                  href={`/my/forum?status=${s}`}
                  aria-current={s === status ? "page" : undefined}
                  className="inline-block rounded border border-slate-400 px-3 py-1 text-brand-700 underline underline-offset-4 hover:bg-slate-50 aria-[current=page]:border-2 aria-[current=page]:border-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900 aria-[current=page]:no-underline"
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section aria-labelledby="queue-list" className="space-y-4">
        <h2 id="queue-list" className="text-2xl font-semibold">
          {t(`queue.status.${status}`)}
        </h2>
        {items.length === 0 ? (
          <p data-testid="queue-empty">{t(`queue.empty.${status}`)}</p>
        ) : (
          <>
            {items.length >= QUEUE_CAP ? <p className="text-sm text-slate-700">{t("queue.capped", { count: QUEUE_CAP })}</p> : null}
            <ul aria-labelledby="queue-list" className="space-y-4" data-testid="queue">
              {items.map((item) => (
                <QuestionCard key={item.id} item={item} locale={locale} timeZone={timeZone}>
                  <CandidateControls item={item} locale={locale} actions={actions} view={status} />
                </QuestionCard>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
});
