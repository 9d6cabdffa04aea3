import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/candidates/status-badge";
import { LocalLink } from "@/components/site/local-link";
import type { ConferenceRef } from "@/lib/conferences/context";
import { postName } from "@/lib/elections/post-name";
import { RichText } from "@/lib/markdown/render";
import { memberStateName } from "@/lib/member-states/names";
import { getPublicQuestionnaire, type PublicRound } from "@/lib/questionnaire/public-queries";
import { pickAnswer } from "@/lib/questionnaire/rules";
import { questionText } from "@/lib/questionnaire/schema";
import { formatInstant, zoneLabel } from "@/lib/time/format";

// The common questionnaire's public pages (docs/fairness.md#common-questionnaire): the index of a
// conference's rounds and posts, and one page per post with the answers side by side. One page
// per post keeps each page light however many candidates a conference has
// (docs/decisions/047-common-questionnaire.md). Server only, no script: answers are rendered by
// lib/markdown, whose output is text.

async function tools(conference: ConferenceRef, locale: string) {
  const t = await getTranslations({ locale, namespace: "questionnaire" });
  const common = await getTranslations({ locale, namespace: "common" });
  const zone = conference.timeZone;
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  return {
    t,
    common,
    when: (iso: string) => `${formatInstant(locale, iso, zone)} (${zoneLabel(locale, zone, iso)})`,
    languageName: (l: string) => languages.of(l) ?? l,
  };
}

function RoundStatus({ round, text }: { round: PublicRound; text: string }) {
  return (
    <p role="note" className={round.revealed ? "muted" : "rounded border border-amber-300 bg-amber-50 p-3 text-amber-950"}>
      {text}
    </p>
  );
}

/** A conference's rounds, their questions and the posts whose answers each has. */
export async function QuestionnaireIndex({ conference, locale, base }: { conference: ConferenceRef; locale: string; base: string }) {
  const { t, common, when, languageName } = await tools(conference, locale);
  const rounds = await getPublicQuestionnaire(conference.id);
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg">{conference.name}</p>
        <p className="max-w-prose">{t("intro")}</p>
        <p>
          <LocalLink href={`${base}/posts`} className="link">
            {common("backToPosts")}
          </LocalLink>
        </p>
      </div>
      {rounds.length === 0 ? <p className="rounded border border-slate-300 bg-slate-50 p-4">{t("none")}</p> : null}
      {rounds.map((round) => (
        <section key={round.id} aria-labelledby={`round-${round.number}`} className="space-y-4" data-testid={`public-round-${round.number}`}>
          <h2 id={`round-${round.number}`} className="heading">
            {t("round", { number: round.number })}
          </h2>
          <RoundStatus
            round={round}
            text={round.revealed ? t("closed", { time: when(round.deadlineAt) }) : t("hiddenUntil", { time: when(round.deadlineAt) })}
          />
          <ol className="max-w-prose list-decimal space-y-2 ps-6">
            {round.questions.map((q) => {
              const text = questionText(q.texts, locale);
              const post = round.posts.find((p) => p.id === q.postId);
              return (
                <li key={q.id}>
                  <span lang={text.language} dir="auto" className="whitespace-pre-line wrap-anywhere">
                    {text.text}
                  </span>
                  {text.language !== locale ? (
                    <span className="muted text-sm"> {t("questionInLanguage", { language: languageName(text.language) })}</span>
                  ) : null}
                  {q.postId ? <span className="block text-sm muted">{t("forPost", { post: post ? postName(post.names, locale) : "" })}</span> : null}
                </li>
              );
            })}
          </ol>
          <h3 className="font-semibold">{round.revealed ? t("answersByPost") : t("postsConcerned")}</h3>
          <ul className="grid gap-2 sm:grid-cols-2">
            {round.posts.map((p) => (
              <li key={p.id}>
                <LocalLink href={`${base}/questionnaire/${p.code}`} className="link" data-testid={`public-post-link-${round.number}-${p.code}`}>
                  {postName(p.names, locale)}
                </LocalLink>
                <span className="muted text-sm"> {t("candidatesCount", { count: p.candidates.length })}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * One post's answers, side by side: per round and question, a table with every candidate of the
 * post in alphabetical order and their answer in the reader's language, or the language it is
 * in, or "no answer". Null when no round concerns the post.
 */
export async function QuestionnairePost({ conference, locale, base, code }: { conference: ConferenceRef; locale: string; base: string; code: string }) {
  const { t, common, when, languageName } = await tools(conference, locale);
  const rounds = (await getPublicQuestionnaire(conference.id)).filter((r) => r.posts.some((p) => p.code === code));
  const first = rounds[0]?.posts.find((p) => p.code === code);
  if (!first) return null;
  const name = postName(first.names, locale);
  const demo = first.candidates.some((c) => c.isDemo);
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p>
          <LocalLink href={`${base}/questionnaire`} className="link">
            {t("backToIndex")}
          </LocalLink>
        </p>
        <h1 className="text-3xl font-bold">{t("postTitle", { post: name })}</h1>
        <p className="text-lg">{conference.name}</p>
        <p className="max-w-prose muted">{t("order")}</p>
        {demo ? <p className="max-w-prose rounded bg-amber-100 p-3 text-amber-950">{common("demoNotice")}</p> : null}
      </div>
      {rounds.map((round) => {
        const post = round.posts.find((p) => p.code === code)!;
        return (
          <section key={round.id} aria-labelledby={`round-${round.number}`} className="space-y-6" data-testid={`public-post-${round.number}-${code}`}>
            <div className="space-y-2">
              <h2 id={`round-${round.number}`} className="heading">
                {t("round", { number: round.number })}
              </h2>
              <RoundStatus
                round={round}
                text={round.revealed ? t("closed", { time: when(round.deadlineAt) }) : t("hiddenUntil", { time: when(round.deadlineAt) })}
              />
            </div>
            {round.questions
              .filter((q) => post.questionIds.includes(q.id))
              .map((q) => {
                const number = round.questions.indexOf(q) + 1;
                const text = questionText(q.texts, locale);
                return (
                  <div key={q.id} className="space-y-2">
                    <h3 className="text-xl font-semibold">{t("question", { number })}</h3>
                    <p lang={text.language} dir="auto" className="max-w-prose whitespace-pre-line wrap-anywhere">
                      {text.text}
                    </p>
                    {text.language !== locale ? <p className="muted text-sm">{t("questionInLanguage", { language: languageName(text.language) })}</p> : null}
                    {round.revealed ? (
                      <div className="overflow-x-auto">
                        <table className="w-full border-collapse" data-testid={`answers-${round.number}-${code}-${number}`}>
                          <caption className="sr-only">{t("tableCaption", { post: name, number })}</caption>
                          <thead>
                            <tr className="border-b border-slate-300 text-start">
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
                                    <LocalLink href={`/candidates/${c.id}`} className="link">
                                      {c.name}
                                    </LocalLink>
                                    <span className="block text-sm font-normal muted">{memberStateName(locale, c.memberState)}</span>
                                    {c.status === "FORMAL" ? null : (
                                      <span className="mt-1 block">
                                        <StatusBadge status={c.status} locale={locale} />
                                      </span>
                                    )}
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
    </div>
  );
}
