import { getTranslations } from "next-intl/server";
import { chairPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { ChairCockpit } from "@/components/hearing/chair-cockpit";
import { ChairMoveForm } from "@/components/hearing/chair-move-form";
import { ShownFields, shownState } from "@/components/hearing/chair-fields";
import { ChairRunningOrder } from "@/components/hearing/chair-running-order";
import { ChairQueue } from "@/components/hearing/chair-queue";
import { EntropyField } from "@/components/hearing/entropy-field";
import { LivePanel } from "@/components/hearing/live-panel";
import { QuotaPreview } from "@/components/hearing/quota-preview";
import { getChairHearing } from "@/lib/hearings/chair-console";
import { getPublicHearingState } from "@/lib/hearings/live-state";
import { EXTENSION_KINDS } from "@/lib/hearings/clocks-schema";
import { EXTENSION_LIMITS } from "@/lib/hearings/live-schema";
import type { StartBlockerCode } from "@/lib/hearings/start-checks";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { drawQuestions, extendCurrentPhase, makeMove, moderateQuestion, type ConsoleMove } from "./actions";
import { PendingConfirm } from "./pending-confirm";

const BUTTON = "rounded px-4 py-2 font-medium";
const PRIMARY = `${BUTTON} bg-brand-700 text-white hover:bg-brand-800`;
const SECONDARY = `${BUTTON} border border-slate-500 bg-white text-slate-900 hover:bg-slate-100`;

/** The start checklist's items, each passed unless one of its blockers is found. */
const CHECKS: { item: "commitment" | "chair" | "presenters" | "order"; blockers: StartBlockerCode[] }[] = [
  { item: "commitment", blockers: ["notCommitted", "legacyCommitment"] },
  { item: "chair", blockers: ["noChair", "chairNotImpartial"] },
  { item: "presenters", blockers: ["presentersChanged"] },
  { item: "order", blockers: ["orderNotDrawn"] },
];

/**
 * The chair's console (¶6, ¶7), built to be run from one screen at 1366×768: first the
 * clock, the speaker and the question on screen, then the moves the rules allow now, the
 * draw, the extension, the running order with its progress, the queue of the candidate
 * speaking, the end (apart, behind a confirmation that says who has not spoken) and the live
 * panel every viewer sees. Only the hearing's chair sees it (getChairHearing), and only
 * they can move it (the services check again). Every form names the state version it was
 * rendered at (components/hearing/chair-fields.tsx). Without `?hearing=<id>` it shows the one
 * running, else the next one of a conference not closed.
 */
export default chairPage("/chair", async ({ user, locale, searchParams }) => {
  const t = await getTranslations({ locale, namespace: "hearingLive.console" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const clocks = await getTranslations({ locale, namespace: "hearingClocks" });
  const requested = typeof searchParams.hearing === "string" && searchParams.hearing !== "" ? searchParams.hearing : undefined;
  const hearing = await getChairHearing(user, requested);

  if (!hearing) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        {/* Asked for one by id: it is not theirs. Otherwise: nothing under way or to come. */}
        <p data-testid="chair-no-hearing">{requested ? t("noHearing") : t("noUpcoming")}</p>
      </div>
    );
  }
  const state = await getPublicHearingState(hearing.id);
  if (!state) throw new Error(`Hearing ${hearing.id} vanished`);
  const zone = hearing.timeZone;
  const live = hearing.status === "LIVE";
  const running = live && hearing.phase !== "IDLE";

  // The moves, in the order a hearing uses them; the services decide again when pressed.
  const shown = shownState(hearing);
  const hearingQuery = requested ? `?hearing=${encodeURIComponent(hearing.id)}` : "";
  // The start and the end are not among them: neither can be undone, so each is behind a confirmation.
  const moves: { move: ConsoleMove; label: string; tone: string }[] = [];
  for (const move of hearing.legalMoves) {
    if (move === "end" || move === "start") continue;
    const tone = move === "pause" || move === "resume" ? SECONDARY : PRIMARY;
    moves.push({ move, label: t(`move.${move}`), tone });
  }
  const mayStart = hearing.legalMoves.includes("start");
  const mayEnd = hearing.legalMoves.includes("end");
  const questionMoves: { move: ConsoleMove; label: string }[] = [];
  // The draw has a form of its own: it needs the dice's digits, and may need a confirmation.
  // Shown for the whole turn of a candidate, so that the draw's outcome stays on screen after it.
  const drawTurn = live && hearing.current !== null && hearing.seedCommitted ? hearing.current.candidateId : null;
  const mayDraw = drawTurn !== null && !hearing.questions.drawn;
  if (live && hearing.phase === "QA" && !hearing.questions.onScreen && hearing.questions.toShow > 0)
    questionMoves.push({ move: "show", label: t("move.show") });
  // The question's own clock runs until the chair says the answer begins (docs/fairness.md#finer-clocks).
  if (live && hearing.questions.onScreen && state.questionClock?.kind === "QUESTION")
    questionMoves.push({ move: "answerBegins", label: clocks("console.answerBegins") });
  if (live && hearing.questions.onScreen) questionMoves.push({ move: "answered", label: t("move.answered") });

  return (
    <div className="space-y-8">
      <section aria-labelledby="console-title" className="space-y-3">
        <div className="space-y-1">
          <h1 id="console-title" className="text-2xl font-bold">
            {t("title")}
          </h1>
          {hearing.rehearsal ? (
            <p className="rounded border-2 border-amber-600 bg-amber-100 px-3 py-1 font-bold text-amber-950" data-testid="chair-rehearsal">
              {t("rehearsal")}
            </p>
          ) : null}
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <span data-testid="chair-hearing">
              {t("hearingOf", {
                conference: hearing.conferenceName,
                at: `${formatInstant(locale, hearing.startsAt, zone)} (${zoneLabel(locale, zone, hearing.startsAt)})`,
              })}
            </span>
            {/* A rehearsal has no public page (docs/decisions/018-rehearsal-hearings.md). */}
            {hearing.rehearsal ? null : (
              <Link href={`/hearing/${encodeURIComponent(hearing.id)}`} prefetch={false} className="text-brand-700 underline underline-offset-4">
                {t("webcastLink")}
              </Link>
            )}
            <Link
              href={`/chair/projector${hearingQuery}`}
              prefetch={false}
              className="text-brand-700 underline underline-offset-4"
              data-testid="chair-projector-link"
            >
              {t("projectorLink")}
            </Link>
          </p>
        </div>
        {/* The two links are not prefetched: the console is rendered afresh after every move, and each
            time a prefetch would render them again. */}
        {/* Above the fold: the clock, who speaks, the question on screen; warnings at one minute and at zero. */}
        <ChairCockpit hearingId={hearing.id} initial={state} renderedVersion={hearing.version} total={hearing.progress.total} />
      </section>

      <section aria-labelledby="console-moves" className="space-y-3">
        <h2 id="console-moves" className="text-xl font-semibold">
          {t("movesHeading")}
        </h2>
        {hearing.current ? <p data-testid="chair-current">{t("current", { name: hearing.current.name, position: hearing.current.position ?? 0 })}</p> : null}
        {/* One form, one outcome: the button pressed names the move. */}
        <ChairMoveForm action={makeMove} label={t("movesHeading")} className="space-y-3" hearingId={hearing.id} renderedVersion={hearing.version}>
          <ShownFields shown={shown} />
          {mayStart ? (
            // The only move before the start. It fixes the presenters and the Member States sharing
            // the costs, so the dialog says how many will present; in this form, so that its outcome
            // stays on screen with the moves that follow it.
            <div>
              <HiddenField name="move" value="start" />
              <ConfirmButton
                label={t("move.start")}
                title={t("startTitle")}
                consequence={t("startConsequence", { count: hearing.progress.total })}
                confirmLabel={t("startConfirm")}
                tone="primary"
                testId="chair-start"
              />
            </div>
          ) : null}
          {moves.length === 0 && questionMoves.length === 0 && !mayDraw && !mayEnd && !mayStart ? (
            <p>{hearing.status === "ENDED" ? t("ended") : t("noMove")}</p>
          ) : null}
          {moves.length > 0 ? (
            <div className="flex flex-wrap gap-3" data-testid="chair-moves">
              {moves.map((m) => (
                <button key={m.move} type="submit" name="move" value={m.move} className={m.tone}>
                  {m.label}
                </button>
              ))}
            </div>
          ) : null}
          {questionMoves.length > 0 ? (
            <div className="flex flex-wrap gap-3" data-testid="chair-question-moves">
              {questionMoves.map((m) => (
                <button key={m.move} type="submit" name="move" value={m.move} className={SECONDARY}>
                  {m.label}
                </button>
              ))}
            </div>
          ) : null}
          {live && !hearing.seedCommitted ? <p className="text-sm text-amber-900">{t("noSeed")}</p> : null}
        </ChairMoveForm>
      </section>
      {/* Before the start: what the start checks again, on today's data, in its own transaction (docs/decisions/014-hearing-record-integrity.md). */}
      {hearing.startBlockers ? (
        <section aria-labelledby="console-checks" className="space-y-3" data-testid="chair-start-checks">
          <h2 id="console-checks" className="text-xl font-semibold">
            {t("checks.heading")}
          </h2>
          <p className="max-w-prose text-sm text-slate-700">{hearing.startBlockers.length === 0 ? t("checks.ready") : t("checks.blocked")}</p>
          <ul className="space-y-1">
            {CHECKS.map(({ item, blockers }) => {
              const failed = blockers.find((code) => hearing.startBlockers?.includes(code));
              return (
                <li key={item} data-testid={`chair-check-${item}`} className={failed ? "text-rose-900" : "text-emerald-900"}>
                  <span aria-hidden="true">{failed ? "✗ " : "✓ "}</span>
                  {t(`checks.item.${item}`)} — <strong>{failed ? t(`checks.failed.${failed}`) : t("checks.passed")}</strong>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {drawTurn ? (
        <section aria-labelledby="console-draw" className="space-y-3">
          <h2 id="console-draw" className="text-xl font-semibold">
            {t("drawHeading")}
          </h2>
          {mayDraw ? <p className="max-w-prose text-sm text-slate-700">{t("drawHelp")}</p> : null}
          {mayDraw && hearing.quotaPreview ? <QuotaPreview locale={locale} preview={hearing.quotaPreview} /> : null}
          {mayDraw && hearing.questions.pending > 0 ? (
            <p className="max-w-prose text-amber-900" data-testid="chair-pending-note">
              {t("pendingNote", { count: hearing.questions.pending })}
            </p>
          ) : null}
          {/* One form per candidate's turn: its outcome stays after the draw, and does not follow to the next candidate. */}
          <ActionForm key={drawTurn} action={drawQuestions} label={t("drawHeading")} className="grid max-w-xl gap-4">
            {mayDraw ? (
              <>
                <ShownFields shown={shown} />
                <EntropyField label={t("entropyLabel")} description={t("entropyHelp", { min: 4, max: 64 })} />
                <div>
                  <SubmitButton pendingLabel={t("drawing")}>{t("move.draw", { count: hearing.questionsPerCandidate })}</SubmitButton>
                </div>
                <PendingConfirm label={t("confirmPending")} />
              </>
            ) : (
              <p data-testid="chair-drawn">{t("drawnAlready")}</p>
            )}
          </ActionForm>
        </section>
      ) : null}

      {running ? (
        <section aria-labelledby="console-extend" className="space-y-3">
          <h2 id="console-extend" className="text-xl font-semibold">
            {t("extendHeading")}
          </h2>
          <p className="max-w-prose text-sm text-slate-700">{t("extendHelp")}</p>
          <ChairMoveForm
            action={extendCurrentPhase}
            label={t("extendHeading")}
            className="grid max-w-xl gap-4"
            hearingId={hearing.id}
            renderedVersion={hearing.version}
          >
            <ShownFields shown={shown} />
            <TextField
              name="minutes"
              type="number"
              inputMode="numeric"
              label={t("extendMinutes")}
              description={t("extendMinutesHelp", { min: EXTENSION_LIMITS.minMinutes, max: EXTENSION_LIMITS.maxMinutes })}
              required
              min={EXTENSION_LIMITS.minMinutes}
              max={EXTENSION_LIMITS.maxMinutes}
              defaultValue={1}
            />
            <TextAreaField
              name="reason"
              label={t("extendReason")}
              description={t("extendReasonHelp", { min: EXTENSION_LIMITS.reasonMin })}
              required
              maxLength={EXTENSION_LIMITS.reasonMax}
            />
            {/* An accommodation is shown apart in the parity report (docs/fairness.md#accommodation). */}
            <SelectField
              name="kind"
              label={clocks("console.kind")}
              description={clocks("console.kindHelp")}
              required
              defaultValue="EXTENSION"
              options={EXTENSION_KINDS.map((k) => ({ value: k, label: clocks(`kinds.${k}`) }))}
            />
            <div>
              <SubmitButton pendingLabel={admin("saving")}>{t("extendSubmit")}</SubmitButton>
            </div>
          </ChairMoveForm>
        </section>
      ) : null}

      <ChairRunningOrder order={hearing.order} progress={hearing.progress} />

      {/* Above the live panel, which repeats the cockpit as viewers see it. */}
      {hearing.status === "ENDED" ? null : <ChairQueue shown={shown} moderate={moderateQuestion} />}

      {mayEnd ? (
        // Apart from "Next candidate", and behind a confirmation that says who has not spoken.
        <section aria-labelledby="console-end" className="space-y-3 rounded border border-rose-300 p-4" data-testid="chair-end-section">
          <h2 id="console-end" className="text-xl font-semibold">
            {t("endHeading")}
          </h2>
          <p className="max-w-prose text-sm text-slate-700">{t("endHelp")}</p>
          <ChairMoveForm action={makeMove} label={t("endHeading")} className="space-y-3" hearingId={hearing.id} renderedVersion={hearing.version}>
            <ShownFields shown={shown} />
            <HiddenField name="move" value="end" />
            <ConfirmButton
              label={t("move.end")}
              title={t("endTitle")}
              consequence={t("endConsequence", { notSpoken: hearing.progress.notSpoken })}
              confirmLabel={t("endConfirm")}
              tone="danger"
              testId="chair-end"
            />
          </ChairMoveForm>
        </section>
      ) : null}

      <LivePanel hearingId={hearing.id} initial={state} />
    </div>
  );
});
