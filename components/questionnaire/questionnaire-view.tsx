import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/candidates/status-badge";
import type { ConferenceRef } from "@/lib/conferences/context";
import { postName } from "@/lib/elections/post-name";
import { Link } from "@/lib/i18n/navigation";
import { RichText } from "@/lib/markdown/render";
import { memberStateName } from "@/lib/member-states/names";
import { getPublicQuestionnaire } from "@/lib/questionnaire/public-queries";
import { pickAnswer } from "@/lib/questionnaire/rules";
import { questionText } from "@/lib/questionnaire/schema";
import { formatInstant, zoneLabel } from "@/lib/time/format";

/**
 * The common questionnaire of one conference, side by side (docs/fairness.md#common-questionnaire):
 * per round, per post, per question, a table with every candidate of the post in alphabetical
 * order and their answer in the reader's language, or the language it is in, or "no answer".
 * Server only, no script: the answers are rendered by lib/markdown, whose output is text.
 */
export async function QuestionnaireView({ conference, locale, base }: { conference: ConferenceRef; locale: string; base: string }) {
  const t = await getTranslations({ locale, namespace: "questionnaire" });
  const common = await getTranslations({ locale, namespace: "common" });
  const rounds = await getPublicQuestionnaire(conference.id);
  const zone = conference.timeZone;
  const when = (iso: string) => `${formatInstant(locale, iso, zone)} (${zoneLabel(locale, zone, iso)})`;
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  const languageName = (l: string) => languages.of(l) ?? l;

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg">{conference.name}</p>
        <p className="max-w-prose">{t("intro")}</p>
        <p className="max-w-prose muted">{t("order")}</p>
        <p>
          <Link href={`${base}/posts`} className="link">
            {common("backToPosts")}
          </Link>
        </p>
      </div>
      {rounds.length === 0 ? <p className="rounded border border-slate-300 bg-slate-50 p-4">{t("none")}</p> : null}
      {rounds.map((round) => (
        <section key={round.id} aria-labelledby={`round-${round.number}`} className="space-y-6" data-testid={`public-round-${round.number}`}>
          <div className="space-y-2">
            <h2 id={`round-${round.number}`} className="heading">
              {t("round", { number: round.number })}
            </h2>
            <p role="note" className={round.revealed ? "muted" : "rounded border border-amber-300 bg-amber-50 p-3 text-amber-950"}>
              {round.revealed ? t("closed", { time: when(round.deadlineAt) }) : t("hiddenUntil", { time: when(round.deadlineAt) })}
            </p>
          </div>
          {round.posts.map((post) => {
            const name = postName(post.names, locale);
            return (
              <section
                key={post.id}
                aria-labelledby={`round-${round.number}-${post.code}`}
                className="space-y-4"
                data-testid={`public-post-${round.number}-${post.code}`}
              >
                <h3 id={`round-${round.number}-${post.code}`} className="text-xl font-semibold">
                  {name}
                </h3>
                {round.questions
                  .filter((q) => post.questionIds.includes(q.id))
                  .map((q, index) => {
                    const number = index + 1;
                    const text = questionText(q.texts, locale);
                    return (
                      <div key={q.id} className="space-y-2">
                        <h4 className="font-semibold">{t("question", { number })}</h4>
                        <p lang={text.language} dir="auto" className="max-w-prose whitespace-pre-line wrap-anywhere">
                          {text.text}
                        </p>
                        {text.language !== locale ? (
                          <p className="muted text-sm">{t("questionInLanguage", { language: languageName(text.language) })}</p>
                        ) : null}
                        {round.revealed ? (
                          <div className="overflow-x-auto">
                            <table className="w-full border-collapse text-start" data-testid={`answers-${round.number}-${post.code}-${number}`}>
                              <caption className="sr-only">{t("tableCaption", { post: name, number })}</caption>
                              <thead>
                                <tr className="border-b border-slate-300">
                                  <th scope="col" className="p-2 text-start">
                                    {t("candidate")}
                                  </th>
                                  <th scope="col" className="p-2 text-start">
                                    {t("answer")}
                                  </th>
                                </tr>
                              </thead>
                              <tbody>
                                {post.candidates.map((c) => {
                                  const answer = pickAnswer(
                                    q.answers.filter((a) => a.candidateId === c.id),
                                    locale,
                                  );
                                  return (
                                    <tr key={c.id} className="border-b border-slate-200 align-top" data-testid={`answer-row-${c.id}`}>
                                      <th scope="row" className="w-1/4 p-2 text-start font-medium">
                                        <Link href={`/candidates/${c.id}`} className="link">
                                          {c.name}
                                        </Link>
                                        <span className="block text-sm font-normal muted">{memberStateName(locale, c.memberState)}</span>
                                        {c.status === "FORMAL" ? null : (
                                          <span className="mt-1 block">
                                            <StatusBadge status={c.status} locale={locale} />
                                          </span>
                                        )}
                                        {c.isDemo ? <span className="mt-1 block text-xs font-normal">{common("demoBadge")}</span> : null}
                                      </th>
                                      <td className="p-2">
                                        {answer ? (
                                          <>
                                            {answer.language !== locale ? (
                                              <p className="muted text-sm">{t("inLanguage", { language: languageName(answer.language) })}</p>
                                            ) : null}
                                            <RichText source={answer.body} format={answer.format} lang={answer.language} />
                                          </>
                                        ) : (
                                          <p className="muted">{t("noAnswer")}</p>
                                        )}
                                      </td>
                                    </tr>
                                  );
                                })}
                              </tbody>
                            </table>
                          </div>
                        ) : null}
                      </div>
                    );
                  })}
              </section>
            );
          })}
        </section>
      ))}
    </div>
  );
}
