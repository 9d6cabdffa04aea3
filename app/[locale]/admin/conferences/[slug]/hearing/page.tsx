import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { CheckboxField, HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { EntropyField } from "@/components/hearing/entropy-field";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { candidatureDeadline } from "@/lib/elections/deadline";
import { getHearingForAdmin } from "@/lib/hearings/hearing-admin";
import { openingInstant, QUESTIONS_PER_CANDIDATE, SLOT_MINUTES } from "@/lib/hearings/rules";
import { HEARING_LIMITS, REOPEN_LIMITS } from "@/lib/hearings/schema";
import { mediaHostsHint } from "@/lib/materials/media-address";
import { frozenSetUpFields, HEARING_STAGES, stageAllows, type SetUpField } from "@/lib/hearings/stage";
import type { StartBlocker } from "@/lib/hearings/start-checks";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { toLocalDateTime } from "@/lib/time/zones";
import { commitHearingSeed, drawOrder, reopenHearing, saveHearing, syncPresenters } from "./actions";
import { AfterHearing } from "./after-hearing";
import { CaptionsSection } from "./captions-section";
import { ClocksSection } from "./clocks-section";
import { InterpretationSection } from "./interpretation-section";
import { QuotaSection } from "./quota-section";
import { RehearsalSection } from "./rehearsal-section";
import { RoomQuestions } from "./room-questions";
import { TranscriptSection } from "./transcript-section";

export default adminPage<{ slug: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminHearing" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const ref = await requireConferenceBySlug(params.slug);
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const { conference, hearing, stage, blockers, chairs, presenterIds } = await getHearingForAdmin(user, ref.id);
  const zone = conference.timeZone;
  const at = (d: Date) => `${formatInstant(locale, d, zone)} (${zoneLabel(locale, zone, d)})`;
  const deadline = candidatureDeadline(conference);
  const opening = openingInstant(conference);
  const slots = hearing?.slots ?? [];
  const slotIds = slots.map((s) => s.candidate.id).sort();
  const outOfDate = hearing !== null && slotIds.join() !== [...presenterIds].sort().join();
  const minutes = Array.from({ length: SLOT_MINUTES.max - SLOT_MINUTES.min + 1 }, (_, i) => String(SLOT_MINUTES.min + i));
  // Equal time and the number of questions: frozen together once the seed is committed (lib/hearings/stage.ts).
  const timing = [
    { name: "presentationMinutes", options: minutes, fallback: 15 },
    { name: "qaMinutes", options: minutes, fallback: 15 },
    { name: "questionsPerCandidate", options: QUESTIONS_PER_CANDIDATE.map(String), fallback: 3 },
  ] as const;
  // What the stage allows (lib/hearings/stage.ts): forbidden actions are not offered; the services refuse them anyway.
  const current = stage ?? "SET_UP";
  const allows = (action: Parameters<typeof stageAllows>[1]) => stageAllows(current, action);
  const frozen = new Set<SetUpField>(frozenSetUpFields(current));
  const drawnUnderCommitment = hearing?.seedHash ? hearing.draws.some((d) => d.seedHash === hearing.seedHash) : false;
  const blockerText = (b: StartBlocker) => {
    switch (b.code) {
      case "chairNotImpartial":
        return t("blockers.chairNotImpartial", { problem: b.problem });
      case "presentersChanged":
        return t("blockers.presentersChanged", { added: b.added, removed: b.removed });
      default:
        return t(`blockers.${b.code}`);
    }
  };
  const frozenValue = (field: SetUpField, shown: string) => (
    <p key={field} data-testid={`frozen-${field}`}>
      <span className="font-medium">{t(field === "chairId" ? "chair" : field === "startsAt" ? "startsAtShort" : field)}</span>
      {": "}
      {shown} <span className="text-sm text-slate-700">{t("frozenNote")}</span>
    </p>
  );

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>

      {stage ? (
        <section aria-labelledby="stage" className="space-y-3">
          <h2 id="stage" className="text-2xl font-semibold">
            {t("stageHeading")}
          </h2>
          <ol className="flex flex-wrap gap-2" data-testid="hearing-stages">
            {HEARING_STAGES.map((s, i) => {
              const reached = HEARING_STAGES.indexOf(stage) >= i;
              return (
                <li
                  key={s}
                  aria-current={s === stage ? "step" : undefined}
                  className={`rounded border px-3 py-1 text-sm ${s === stage ? "border-brand-700 bg-brand-700 font-semibold text-white" : reached ? "border-slate-500 bg-slate-100 text-slate-900" : "border-slate-300 text-slate-700"}`}
                >
                  {t("stageStep", { n: i + 1, name: t(`stages.${s}`) })}
                  {s === stage ? <span className="sr-only">{` (${t("stageCurrent")})`}</span> : null}
                </li>
              );
            })}
          </ol>
          <p className="max-w-prose" data-testid="stage-help">
            {t(`stageHelp.${stage}`)}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="timing" className="space-y-3">
        <h2 id="timing" className="text-2xl font-semibold">
          {t("timingHeading")}
        </h2>
        <p className="max-w-prose">{t("timingIntro")}</p>
        <ul className="list-disc space-y-1 ps-6">
          <li>{t("optionPreparatory")}</li>
          <li>{t("optionDayBefore")}</li>
        </ul>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("deadlineInForce")}</dt>
          <dd data-testid="hearing-deadline">{at(deadline.at)}</dd>
          <dt className="font-semibold">{t("opening")}</dt>
          <dd data-testid="hearing-opening">{at(opening)}</dd>
        </dl>
      </section>

      <section aria-labelledby="set-up" className="space-y-4">
        <h2 id="set-up" className="text-2xl font-semibold">
          {t("setUpHeading")}
        </h2>
        {current === "CLOSED" ? (
          <p data-testid="set-up-closed">{t("setUpClosed")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
            <ActionForm action={saveHearing} label={t("setUpHeading")} className="grid max-w-2xl gap-4">
              <HiddenField name="conferenceId" value={conference.id} />
              {hearing && frozen.has("startsAt") ? (
                <>
                  <HiddenField name="startsAt" value={toLocalDateTime(hearing.startsAt, zone)} />
                  {frozenValue("startsAt", at(hearing.startsAt))}
                </>
              ) : (
                <TextField
                  name="startsAt"
                  type="datetime-local"
                  label={t("startsAt", { zone: zoneLabel(locale, zone, hearing?.startsAt ?? new Date()) })}
                  description={t("startsAtHelp")}
                  required
                  defaultValue={hearing ? toLocalDateTime(hearing.startsAt, zone) : undefined}
                />
              )}
              {hearing && frozen.has("questionsPerCandidate") ? (
                <>
                  {timing.map((f) => (
                    <HiddenField key={f.name} name={f.name} value={String(hearing[f.name])} />
                  ))}
                  {timing.map((f) => frozenValue(f.name, String(hearing[f.name])))}
                </>
              ) : (
                <div className="grid gap-4 sm:grid-cols-3">
                  {timing.map((f) => (
                    <SelectField
                      key={f.name}
                      name={f.name}
                      label={t(f.name)}
                      required
                      defaultValue={String(hearing?.[f.name] ?? f.fallback)}
                      options={f.options.map((v) => ({ value: v, label: v }))}
                    />
                  ))}
                </div>
              )}
              <p className="text-sm text-slate-700">{t("equalSlotsHelp")}</p>
              {hearing && frozen.has("chairId") ? (
                <>
                  <HiddenField name="chairId" value={hearing.chairId ?? ""} />
                  {frozenValue("chairId", chairs.find((c) => c.id === hearing.chairId)?.name ?? t("noChairName"))}
                </>
              ) : (
                <SelectField
                  name="chairId"
                  label={t("chair")}
                  description={t("chairHelp")}
                  required
                  placeholder={t("chooseChair")}
                  defaultValue={hearing?.chairId ?? ""}
                  options={chairs.map((c) => ({
                    value: c.id,
                    label: [
                      c.name,
                      c.memberState?.iso3,
                      c.nationality && c.nationality.iso3 !== c.memberState?.iso3 ? t("nationalityOf", { iso3: c.nationality.iso3 }) : null,
                      c.isStaff ? t("staff") : null,
                    ]
                      .filter(Boolean)
                      .join(" · "),
                  }))}
                />
              )}
              <TextField name="venue" label={t("venue")} defaultValue={hearing?.venue} maxLength={HEARING_LIMITS.venue} />
              <SelectField
                name="webcastKind"
                label={t("webcastKind")}
                required
                defaultValue={hearing?.webcastKind ?? "NONE"}
                options={(["NONE", "MUX_PLAYBACK_ID", "URL"] as const).map((k) => ({ value: k, label: t(`webcastKinds.${k}`) }))}
              />
              <TextField
                name="webcastSource"
                label={t("webcastSource")}
                description={`${t("webcastSourceHelp")} ${await mediaHostsHint(locale)}`}
                defaultValue={hearing?.webcastSource}
                maxLength={HEARING_LIMITS.webcastSource}
                dir="ltr"
              />
              <SelectField
                name="webcastAccess"
                label={t("webcastAccess")}
                description={t("webcastAccessHelp")}
                required
                defaultValue={hearing?.webcastAccess ?? conference.defaultWebcastAccess}
                options={(["PUBLIC", "MEMBERS"] as const).map((a) => ({ value: a, label: t(`access.${a}`) }))}
              />
              <div>
                <SubmitButton pendingLabel={admin("saving")}>{admin("save")}</SubmitButton>
              </div>
            </ActionForm>
          </>
        )}
      </section>

      {hearing ? (
        <>
          <section aria-labelledby="presenters" className="space-y-4">
            <h2 id="presenters" className="text-2xl font-semibold">
              {t("presentersHeading")}
            </h2>
            <p className="max-w-prose">{t("presentersIntro")}</p>
            {outOfDate ? <p className="rounded border border-amber-400 bg-amber-50 p-3">{t("presentersOutOfDate")}</p> : null}
            {slots.length === 0 ? (
              <p>{t("noPresenters")}</p>
            ) : (
              <table className="w-full max-w-3xl border-collapse text-start" data-testid="running-order">
                <caption className="sr-only">{t("presentersHeading")}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 text-start">
                      {t("position")}
                    </th>
                    <th scope="col" className="py-2 text-start">
                      {t("candidate")}
                    </th>
                    <th scope="col" className="py-2 text-start">
                      {t("memberState")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {slots.map((s) => (
                    <tr key={s.id} className="border-b border-slate-200">
                      <td className="py-2">{s.position ?? t("notDrawn")}</td>
                      <td className="py-2">{s.candidate.name}</td>
                      <td className="py-2">{`${s.candidate.memberState.nameEn} (${s.candidate.memberState.iso3})`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {allows("refreshPresenters") ? (
              <ActionForm action={syncPresenters} label={t("refreshHeading")} className="max-w-2xl space-y-2">
                <HiddenField name="conferenceId" value={conference.id} />
                <p className="text-sm text-slate-700">{t("refreshHelp")}</p>
                <SubmitButton tone="secondary" pendingLabel={admin("saving")}>
                  {t("refreshSubmit")}
                </SubmitButton>
              </ActionForm>
            ) : (
              <p className="max-w-prose text-sm text-slate-700" data-testid="presenters-frozen">
                {allows("reopenSetUp") ? t("refreshFrozenCommitted") : t("refreshFrozenStarted")}
              </p>
            )}
          </section>

          <section aria-labelledby="draw" className="space-y-4">
            <h2 id="draw" className="text-2xl font-semibold">
              {t("drawHeading")}
            </h2>
            <p className="max-w-prose">{t("drawIntro")}</p>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">{t("seedHash")}</dt>
              <dd data-testid="seed-hash" dir="ltr" className="font-mono break-all">
                {hearing.seedHash ?? t("noSeed")}
              </dd>
            </dl>
            {hearing.seedCommittedAt ? (
              <p className="text-sm text-slate-700" data-testid="seed-committed-at">
                {t("committedAt", { at: at(hearing.seedCommittedAt) })}
              </p>
            ) : null}
            {allows("commitSeed") ? (
              <ActionForm action={commitHearingSeed} label={t("commitHeading")} className="max-w-2xl space-y-2">
                <HiddenField name="conferenceId" value={conference.id} />
                <p className="text-sm text-slate-700">{t("commitHelp")}</p>
                <ConfirmButton
                  label={t("commitSubmit")}
                  title={confirm("commitSeed.title")}
                  consequence={confirm("commitSeed.consequence", { count: slots.length })}
                  confirmLabel={confirm("commitSeed.confirm")}
                  tone="primary"
                  testId="commit-seed"
                />
              </ActionForm>
            ) : null}
            {allows("drawRunningOrder") && !drawnUnderCommitment ? (
              <ActionForm action={drawOrder} label={t("drawSubmit")} className="grid max-w-2xl gap-4">
                <HiddenField name="conferenceId" value={conference.id} />
                <p className="text-sm text-slate-700">{t("drawHelp")}</p>
                <EntropyField label={t("entropyLabel")} description={t("entropyHelp", { min: 4, max: 64 })} />
                <div>
                  <SubmitButton pendingLabel={admin("saving")}>{t("drawSubmit")}</SubmitButton>
                </div>
              </ActionForm>
            ) : allows("drawRunningOrder") ? (
              <p className="max-w-prose text-sm text-slate-700" data-testid="order-drawn-note">
                {t("drawAgainHelp")}
              </p>
            ) : null}
            {allows("reopenSetUp") ? (
              <ActionForm action={reopenHearing} label={t("reopenHeading")} className="grid max-w-2xl gap-4">
                <HiddenField name="conferenceId" value={conference.id} />
                <h3 className="text-lg font-semibold">{t("reopenHeading")}</h3>
                <p className="text-sm text-slate-700">{t("reopenHelp")}</p>
                <TextAreaField
                  name="reason"
                  label={t("reopenReason")}
                  description={t("reopenReasonHelp", { min: REOPEN_LIMITS.reasonMin, max: REOPEN_LIMITS.reasonMax })}
                  required
                  maxLength={REOPEN_LIMITS.reasonMax}
                  rows={3}
                />
                <CheckboxField name="confirm" label={t("reopenConfirm")} />
                <div>
                  <SubmitButton tone="danger" pendingLabel={admin("saving")}>
                    {t("reopenSubmit")}
                  </SubmitButton>
                </div>
              </ActionForm>
            ) : null}
            {hearing.draws.length > 0 ? (
              <div className="space-y-3">
                <h3 className="text-lg font-semibold">{t("drawsHeading")}</h3>
                <ol className="space-y-3" data-testid="draws">
                  {hearing.draws.map((d) => (
                    <li key={d.id} className="rounded border border-slate-300 p-3 text-sm">
                      <p>{t("drawnAt", { at: at(d.createdAt), algorithm: d.algorithm })}</p>
                      {d.seedHash ? (
                        <p>
                          {t("drawCommitment")}{" "}
                          <span dir="ltr" className="font-mono break-all">
                            {d.seedHash}
                          </span>
                          {d.seedHash !== hearing.seedHash && hearing.voidedCommitments.some((v) => v.seedHash === d.seedHash) ? ` ${t("drawVoided")}` : null}
                        </p>
                      ) : null}
                      {d.entropy ? (
                        <p>
                          {t("drawEntropy")}{" "}
                          <span dir="ltr" className="font-mono">
                            {d.entropy}
                          </span>
                        </p>
                      ) : null}
                      <p>
                        {t("eligible")}{" "}
                        <span dir="ltr" className="font-mono break-all">
                          {d.eligibleIds.join(",")}
                        </span>
                      </p>
                      <p>
                        {t("result")}{" "}
                        <span dir="ltr" className="font-mono break-all">
                          {d.result.join(",")}
                        </span>
                      </p>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            {hearing.voidedCommitments.length > 0 ? (
              <div className="space-y-3">
                <h3 className="text-lg font-semibold">{t("voidedHeading")}</h3>
                <ol className="space-y-3" data-testid="voided-commitments">
                  {hearing.voidedCommitments.map((v) => (
                    <li key={v.id} className="rounded border border-slate-300 p-3 text-sm">
                      <p>{t("voidedWhen", { committedAt: at(v.committedAt), voidedAt: at(v.voidedAt) })}</p>
                      <p>
                        {t("voidedReason")} <span dir="auto">{v.reason}</span>
                      </p>
                      <p>
                        {t("seedHash")}:{" "}
                        <span dir="ltr" className="font-mono break-all">
                          {v.seedHash}
                        </span>
                      </p>
                      <p>
                        {t("voidedSeed")}{" "}
                        <span dir="ltr" className="font-mono break-all">
                          {v.seed}
                        </span>
                      </p>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
          </section>

          {current === "SET_UP" || current === "COMMITTED" ? (
            <section aria-labelledby="start-checks" className="space-y-3">
              <h2 id="start-checks" className="text-2xl font-semibold">
                {t("checklistHeading")}
              </h2>
              <p className="max-w-prose">{t("checklistIntro")}</p>
              {blockers.length === 0 ? (
                <p className="rounded border border-emerald-600 bg-emerald-50 p-3" data-testid="start-clear">
                  {t("checklistClear")}
                </p>
              ) : (
                <ul className="list-disc space-y-1 ps-6" data-testid="start-blockers">
                  {blockers.map((b) => (
                    <li key={b.code}>{blockerText(b)}</li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}

          <RoomQuestions user={user} locale={locale} conferenceId={conference.id} hearingId={hearing.id} />

          <CaptionsSection user={user} locale={locale} hearingId={hearing.id} zone={zone} />

          <InterpretationSection user={user} locale={locale} conferenceId={conference.id} hearingId={hearing.id} />

          <ClocksSection user={user} locale={locale} conferenceId={conference.id} hearingId={hearing.id} />

          <QuotaSection user={user} locale={locale} conferenceId={conference.id} hearingId={hearing.id} />

          <AfterHearing user={user} locale={locale} conferenceId={conference.id} hearingId={hearing.id} draws={hearing.draws.length} />

          <TranscriptSection user={user} locale={locale} conferenceId={conference.id} slug={params.slug} hearingId={hearing.id} zone={zone} />
        </>
      ) : (
        <p>{t("notSetUp")}</p>
      )}

      <RehearsalSection user={user} locale={locale} conferenceId={conference.id} zone={zone} />
    </div>
  );
});
