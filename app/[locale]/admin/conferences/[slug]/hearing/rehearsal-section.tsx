import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { EntropyField } from "@/components/hearing/entropy-field";
import type { CurrentUser } from "@/lib/auth/current-user";
import { HEARING_QUESTION_LIMITS } from "@/lib/hearings/questions-schema";
import { getRehearsalForAdmin } from "@/lib/hearings/rehearsal-admin";
import { PURGE_WORD } from "@/lib/hearings/rehearsal-schema";
import { getRoomQuestionTargets } from "@/lib/hearings/room-questions-admin";
import { CardSourceFields } from "./room-questions";
import type { StartBlocker } from "@/lib/hearings/start-checks";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { enterCardQuestion } from "./actions";
import { changeRehearsal, commitRehearsalSeed, drawRehearsalOrder, revealRehearsalSeed } from "./rehearsal-actions";

/** The marker every view of a rehearsal carries (docs/decisions/018-rehearsal-hearings.md). */
function Badge({ label }: { label: string }) {
  return (
    <span
      data-testid="rehearsal-badge"
      className="inline-block rounded bg-amber-800 px-2 py-0.5 align-middle text-sm font-bold tracking-wide text-white uppercase"
    >
      {label}
    </span>
  );
}

/**
 * The secretariat's rehearsal of the hearing (docs/decisions/018-rehearsal-hearings.md): start
 * one with the real set-up, take it through the same stages as the real hearing (the chair
 * runs it from the chair's console), then purge it. Never public; the services decide.
 */
export async function RehearsalSection({ user, locale, conferenceId, zone }: { user: CurrentUser; locale: string; conferenceId: string; zone: string }) {
  const t = await getTranslations({ locale, namespace: "rehearsal" });
  const own = await getTranslations({ locale, namespace: "adminHearing" });
  const card = await getTranslations({ locale, namespace: "hearingLive.card" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const { rehearsal, startRefusal } = await getRehearsalForAdmin(user, conferenceId);
  const at = (d: Date) => `${formatInstant(locale, d, zone)} (${zoneLabel(locale, zone, d)})`;
  const blockerText = (b: StartBlocker) => {
    switch (b.code) {
      case "chairNotImpartial":
        return own("blockers.chairNotImpartial", { problem: b.problem });
      case "presentersChanged":
        return own("blockers.presentersChanged", { added: b.added, removed: b.removed });
      default:
        return own(`blockers.${b.code}`);
    }
  };
  const targets = rehearsal && rehearsal.status !== "ENDED" ? await getRoomQuestionTargets(user, { conferenceId, hearingId: rehearsal.id }) : null;

  return (
    <section aria-labelledby="rehearsal-heading" className="space-y-4 rounded border-2 border-amber-700 bg-amber-50 p-4" data-testid="rehearsal-section">
      <h2 id="rehearsal-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("intro")}</p>

      {!rehearsal && startRefusal ? <p data-testid="rehearsal-cannot-start">{t(`cannotStart.${startRefusal}`)}</p> : null}
      {!rehearsal ? null : (
        <div className="space-y-6" data-testid="rehearsal">
          <p className="flex flex-wrap items-center gap-3">
            <Badge label={t("badge")} />
            <span data-testid="rehearsal-stage">{t("stage", { stage: own(`stages.${rehearsal.stage}`) })}</span>
          </p>
          <p className="max-w-prose text-sm text-slate-800">{t("notPublic")}</p>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("startsAt")}</dt>
            <dd>{at(rehearsal.startsAt)}</dd>
            <dt className="font-semibold">{own("chair")}</dt>
            <dd>{rehearsal.chair?.name ?? own("noChairName")}</dd>
            <dt className="font-semibold">{t("timesLabel")}</dt>
            <dd>{t("times", { presentation: rehearsal.presentationMinutes, qa: rehearsal.qaMinutes, questions: rehearsal.questionsPerCandidate })}</dd>
            <dt className="font-semibold">{own("seedHash")}</dt>
            <dd dir="ltr" className="font-mono break-all" data-testid="rehearsal-seed-hash">
              {rehearsal.seedHash ?? own("noSeed")}
            </dd>
          </dl>

          <table className="w-full max-w-3xl border-collapse text-start" data-testid="rehearsal-order">
            <caption className="text-start font-semibold">{t("orderCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-2 text-start">
                  {own("position")}
                </th>
                <th scope="col" className="py-2 text-start">
                  {own("candidate")}
                </th>
                <th scope="col" className="py-2 text-start">
                  {own("memberState")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rehearsal.slots.map((s) => (
                <tr key={s.id} className="border-b border-slate-300">
                  <td className="py-2">{s.position ?? own("notDrawn")}</td>
                  <td className="py-2">{s.candidate.name}</td>
                  <td className="py-2">{s.candidate.memberState.iso3}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {rehearsal.stage === "SET_UP" ? (
            <ActionForm action={commitRehearsalSeed} label={t("commitSubmit")} className="max-w-2xl space-y-2">
              <HiddenField name="conferenceId" value={conferenceId} />
              <p className="text-sm text-slate-800">{t("commitHelp")}</p>
              <ConfirmButton
                label={t("commitSubmit")}
                title={t("commitTitle")}
                consequence={t("commitConsequence", { count: rehearsal.slots.length })}
                confirmLabel={t("commitSubmit")}
                tone="primary"
                testId="rehearsal-commit"
              />
            </ActionForm>
          ) : null}
          {rehearsal.stage === "COMMITTED" && !rehearsal.drawnUnderCommitment ? (
            <ActionForm action={drawRehearsalOrder} label={t("drawSubmit")} className="grid max-w-2xl gap-4">
              <HiddenField name="conferenceId" value={conferenceId} />
              <p className="text-sm text-slate-800">{t("drawHelp")}</p>
              <EntropyField label={own("entropyLabel")} description={own("entropyHelp", { min: 4, max: 64 })} />
              <div>
                <SubmitButton pendingLabel={admin("saving")}>{t("drawSubmit")}</SubmitButton>
              </div>
            </ActionForm>
          ) : null}
          {rehearsal.stage === "SET_UP" || rehearsal.stage === "COMMITTED" ? (
            rehearsal.blockers.length === 0 ? (
              <p className="rounded border border-emerald-700 bg-white p-3" data-testid="rehearsal-ready">
                {t("ready")}
              </p>
            ) : (
              <div className="space-y-1">
                <h3 className="text-lg font-semibold">{t("blockersHeading")}</h3>
                <ul className="list-disc space-y-1 ps-6" data-testid="rehearsal-blockers">
                  {rehearsal.blockers.map((b) => (
                    <li key={b.code}>{blockerText(b)}</li>
                  ))}
                </ul>
              </div>
            )
          ) : null}
          {rehearsal.stage === "RUNNING" ? <p>{t("running")}</p> : null}

          {targets ? (
            <ActionForm action={enterCardQuestion} label={t("questionsHeading")} className="grid max-w-2xl gap-4">
              <h3 className="text-lg font-semibold">{t("questionsHeading")}</h3>
              <p className="text-sm text-slate-800">{t("questionsHelp")}</p>
              <HiddenField name="hearingId" value={targets.hearingId} />
              <HiddenField name="conferenceId" value={conferenceId} />
              <SelectField
                name="candidateId"
                label={card("candidate")}
                required
                placeholder={card("choose")}
                options={targets.waiting.map((s) => ({ value: s.candidateId, label: s.position === null ? s.name : `${s.position}. ${s.name}` }))}
              />
              <TextField name="askerName" label={card("askerName")} required maxLength={HEARING_QUESTION_LIMITS.name} dir="auto" />
              {/* Sources as on the real hearing's cards, so that a rehearsal practises the quota's strata too. */}
              <CardSourceFields locale={locale} />
              <TextAreaField name="body" label={card("body")} required maxLength={HEARING_QUESTION_LIMITS.body} />
              <div>
                <SubmitButton pendingLabel={admin("saving")}>{card("submit")}</SubmitButton>
              </div>
            </ActionForm>
          ) : null}

          {rehearsal.stage === "ENDED" && rehearsal.seedHash ? (
            <ActionForm action={revealRehearsalSeed} label={t("revealSubmit")} className="max-w-2xl space-y-2">
              <HiddenField name="conferenceId" value={conferenceId} />
              <HiddenField name="hearingId" value={rehearsal.id} />
              <p className="text-sm text-slate-800">{t("revealHelp")}</p>
              <ConfirmButton
                label={t("revealSubmit")}
                title={t("revealTitle")}
                consequence={t("revealConsequence")}
                confirmLabel={t("revealSubmit")}
                tone="primary"
                testId="rehearsal-reveal"
              />
            </ActionForm>
          ) : null}
          {rehearsal.seedRevealedAt ? <p data-testid="rehearsal-revealed">{t("revealedAt", { at: at(rehearsal.seedRevealedAt) })}</p> : null}
        </div>
      )}

      {/* Starting and purging: one form at one place, whose outcome survives the change of the section. */}
      {rehearsal || !startRefusal ? (
        <ActionForm action={changeRehearsal} label={rehearsal ? t("purgeHeading") : t("startSubmit")} className="max-w-2xl space-y-3">
          <HiddenField name="conferenceId" value={conferenceId} />
          {rehearsal ? (
            <>
              <HiddenField name="op" value="purge" />
              <HiddenField name="hearingId" value={rehearsal.id} />
              <h3 className="text-lg font-semibold">{t("purgeHeading")}</h3>
              <p>{t("purgeWhat", { questions: rehearsal.counts.questions, draws: rehearsal.counts.draws, events: rehearsal.counts.events })}</p>
              <p>{t("purgeAudit")}</p>
              <TextField
                name="confirm"
                label={t("purgeLabel", { word: PURGE_WORD })}
                description={t("purgeHelp", { word: PURGE_WORD })}
                required
                autoComplete="off"
                dir="ltr"
              />
              <SubmitButton tone="danger" pendingLabel={admin("saving")}>
                {t("purgeSubmit")}
              </SubmitButton>
            </>
          ) : (
            <>
              <HiddenField name="op" value="start" />
              <p className="text-sm text-slate-800">{t("startHelp")}</p>
              <SubmitButton pendingLabel={admin("saving")}>{t("startSubmit")}</SubmitButton>
            </>
          )}
        </ActionForm>
      ) : null}
    </section>
  );
}
