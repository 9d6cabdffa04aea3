import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import { DataTable } from "@/components/ui/data-table";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { Link } from "@/lib/i18n/navigation";
import { getQuestionnaireConsole } from "@/lib/questionnaire/queries";
import { questionEditRefusal } from "@/lib/questionnaire/rules";
import { questionText } from "@/lib/questionnaire/schema";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { toLocalDateTime } from "@/lib/time/zones";
import {
  createQuestionAction,
  createQuestionnaireAction,
  deleteQuestionAction,
  moveQuestionAction,
  publishQuestionAction,
  setDeadlineAction,
  updateQuestionAction,
} from "./actions";
import { QuestionFields } from "./question-fields";

// docs/fairness.md#common-questionnaire: the secretariat writes, orders and publishes the common
// questions of each round and sets its deadline; the rules are lib/questionnaire/rules.ts.
export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminQuestionnaire" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const conference = await requireConferenceBySlug(params.slug);
  const { rounds, posts, now } = await getQuestionnaireConsole(user, conference.id);
  const zone = conference.timeZone;
  const when = (d: Date) => `${formatInstant(locale, d, zone)} (${zoneLabel(locale, zone, d)})`;
  const postOf = (id: string | null) => posts.find((p) => p.id === id);
  const readOnly = Boolean(conference.closedAt);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-prose">{t("intro")}</p>
        <p>
          <Link href={`/conferences/${conference.slug}/questionnaire`} prefetch={false} className="text-brand-700 underline underline-offset-4">
            {t("publicPage")}
          </Link>
        </p>
      </div>

      {rounds.length === 0 ? <p>{t("noRounds")}</p> : null}

      {rounds.map((round) => (
        <section key={round.id} aria-labelledby={`round-${round.number}`} className="space-y-4" data-testid={`round-${round.number}`}>
          <h2 id={`round-${round.number}`} className="text-2xl font-semibold">
            {t("roundHeading", { number: round.number })}
          </h2>
          <p>
            {t("deadlineLine", { time: when(round.deadlineAt) })}{" "}
            <span className={`badge ${round.open ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-900"}`}>
              {round.open ? t("openState") : t("frozenState")}
            </span>
          </p>
          {round.open && !readOnly ? (
            <ActionForm action={setDeadlineAction} label={t("setDeadlineLabel", { number: round.number })} className="flex flex-wrap items-end gap-4">
              <HiddenField name="conferenceId" value={conference.id} />
              <HiddenField name="questionnaireId" value={round.id} />
              <TextField
                name="deadline"
                type="datetime-local"
                label={t("deadline", { zone: zoneLabel(locale, zone, round.deadlineAt) })}
                required
                defaultValue={toLocalDateTime(round.deadlineAt, zone)}
              />
              <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                {t("setDeadline")}
              </SubmitButton>
            </ActionForm>
          ) : null}

          {round.questions.length === 0 ? (
            <p>{t("noQuestions")}</p>
          ) : (
            <DataTable
              caption={t("roundHeading", { number: round.number })}
              columns={[t("position"), t("text"), t("scope"), t("state"), t("answers"), admin("actions")]}
            >
              <tbody>
                {round.questions.map((q, index) => {
                  const number = index + 1;
                  const text = questionText(q.texts, locale);
                  const post = postOf(q.postId);
                  const editable = round.open && !readOnly && questionEditRefusal(q) === null;
                  return (
                    <tr key={q.id} className="border-b border-slate-200 align-top" data-testid={`question-${round.number}-${number}`}>
                      <th scope="row" className="p-2 text-start">
                        {number}
                      </th>
                      <td className="max-w-md p-2">
                        <p lang={text.language} dir="auto" className="whitespace-pre-line [overflow-wrap:anywhere]">
                          {text.text}
                        </p>
                        {editable ? (
                          <details className="mt-2">
                            <summary className="cursor-pointer text-brand-700 underline underline-offset-4">{t("editSummary", { number })}</summary>
                            <ActionForm action={updateQuestionAction} label={t("editSummary", { number })} className="mt-2 grid gap-4">
                              <HiddenField name="conferenceId" value={conference.id} />
                              <HiddenField name="questionId" value={q.id} />
                              <QuestionFields locale={locale} posts={posts} question={{ texts: q.texts as Record<string, string>, postId: q.postId }} />
                              <div>
                                <SubmitButton pendingLabel={admin("saving")}>{admin("save")}</SubmitButton>
                              </div>
                            </ActionForm>
                          </details>
                        ) : q.publishedAt && q.answerCount > 0 ? (
                          <p className="mt-1 text-sm text-slate-700">{t("editLocked")}</p>
                        ) : null}
                      </td>
                      <td className="p-2">{post ? post.code : t("allPosts")}</td>
                      <td className="p-2">{q.publishedAt ? t("publishedState") : t("draftState")}</td>
                      <td className="p-2">{q.answerCount}</td>
                      <td className="space-y-2 p-2">
                        {round.open && !readOnly ? (
                          <>
                            {index > 0 ? (
                              <ActionForm action={moveQuestionAction} label={t("moveUpLabel", { number })}>
                                <HiddenField name="conferenceId" value={conference.id} />
                                <HiddenField name="questionId" value={q.id} />
                                <HiddenField name="direction" value="up" />
                                <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                                  {t("moveUp")}
                                </SubmitButton>
                              </ActionForm>
                            ) : null}
                            {index < round.questions.length - 1 ? (
                              <ActionForm action={moveQuestionAction} label={t("moveDownLabel", { number })}>
                                <HiddenField name="conferenceId" value={conference.id} />
                                <HiddenField name="questionId" value={q.id} />
                                <HiddenField name="direction" value="down" />
                                <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                                  {t("moveDown")}
                                </SubmitButton>
                              </ActionForm>
                            ) : null}
                            {q.publishedAt ? null : (
                              <>
                                <ActionForm action={publishQuestionAction} label={t("publishLabel", { number })}>
                                  <HiddenField name="conferenceId" value={conference.id} />
                                  <HiddenField name="questionId" value={q.id} />
                                  <ConfirmButton
                                    label={t("publish")}
                                    title={t("confirmPublishTitle", { number })}
                                    consequence={t("confirmPublishConsequence", { post: post ? post.code : t("allPosts") })}
                                    confirmLabel={t("publish")}
                                    tone="primary"
                                    testId={`publish-${round.number}-${number}`}
                                  />
                                </ActionForm>
                                <ActionForm action={deleteQuestionAction} label={t("deleteLabel", { number })}>
                                  <HiddenField name="conferenceId" value={conference.id} />
                                  <HiddenField name="questionId" value={q.id} />
                                  <ConfirmButton
                                    label={t("delete")}
                                    title={t("confirmDeleteTitle", { number })}
                                    consequence={t("confirmDeleteConsequence")}
                                    confirmLabel={t("delete")}
                                    testId={`delete-${round.number}-${number}`}
                                  />
                                </ActionForm>
                              </>
                            )}
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          )}

          {round.open && !readOnly ? (
            <ActionForm
              action={createQuestionAction}
              label={t("addHeading", { number: round.number })}
              className="grid max-w-3xl gap-4 rounded border border-slate-300 p-4"
            >
              <h3 className="text-lg font-semibold">{t("addHeading", { number: round.number })}</h3>
              <HiddenField name="conferenceId" value={conference.id} />
              <HiddenField name="questionnaireId" value={round.id} />
              <QuestionFields locale={locale} posts={posts} />
              <div>
                <SubmitButton pendingLabel={admin("creating")}>{t("add")}</SubmitButton>
              </div>
            </ActionForm>
          ) : null}
        </section>
      ))}

      {readOnly ? null : (
        <section aria-labelledby="round-create" className="space-y-4">
          <h2 id="round-create" className="text-2xl font-semibold">
            {t("createRoundHeading")}
          </h2>
          <p className="max-w-prose text-sm text-slate-700">{t("createRoundHelp")}</p>
          <ActionForm action={createQuestionnaireAction} label={t("createRoundHeading")} className="flex flex-wrap items-end gap-4">
            <HiddenField name="conferenceId" value={conference.id} />
            <TextField name="deadline" type="datetime-local" label={t("deadline", { zone: zoneLabel(locale, zone, now) })} required />
            <SubmitButton pendingLabel={admin("creating")}>{t("createRound")}</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
});
