"use client";

import { useLocale, useTranslations } from "next-intl";
import { Honeypot, visitorFields } from "@/components/forms/visitor-field";
import { formText as text, useVisitorPost } from "@/components/forms/visitor-post";
import { PrivacyNotice } from "@/components/site/privacy-notice";
import { useId, type FormEvent } from "react";
import type { PublicHearingState } from "@/lib/hearings/live-state";
import { askableCandidates } from "./live-clock";

// A viewer's question to the candidate now speaking or one still to come (¶6), posted as
// JSON to the hearing's questions route: the webcast page renders nothing a viewer types,
// and the answer comes back in this form only. The chair approves it before any draw.

export type HearingAskSetup = {
  hearingId: string;
  /** The running order, first to last. */
  order: { candidateId: string; name: string; position: number | null }[];
  limits: { name: number; origin: number; body: number };
  honeypotField: string;
  /** The Member States to ask for, by ISO code, named and sorted in the page's language (docs/fairness.md#question-sources). */
  states: { code: string; name: string }[];
};

type Field = "candidateId" | "askerName" | "askerKind" | "askerState" | "askerOrigin" | "publishConsent" | "body";

const KINDS = ["PUBLIC", "MEMBER_STATE", "SECTOR_MEMBER", "PRESS"] as const;

export function HearingAskForm({ setup, state }: { setup: HearingAskSetup; state: PublicHearingState }) {
  const t = useTranslations("hearingLive.ask");
  const forum = useTranslations("forum.ask");
  const sources = useTranslations("questionSources");
  const locale = useLocale();
  const id = useId();
  const { outcome, fieldErrors, outcomeRef, bodyRef, post } = useVisitorPost({
    fixErrors: forum("fixErrors"),
    failed: forum("failed"),
    tryAgainIn: (minutes) => forum("tryAgainIn", { minutes }),
  });
  const choices = askableCandidates(setup.order, state);

  if (choices.length === 0) {
    return (
      <p data-testid="hearing-ask-closed" className="rounded border border-slate-400 bg-slate-50 p-3">
        {t("closed")}
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const payload = {
      hearingId: setup.hearingId,
      candidateId: text(data, "candidateId"),
      askerName: text(data, "askerName"),
      askerKind: text(data, "askerKind"),
      askerState: text(data, "askerState"),
      askerOrigin: text(data, "askerOrigin"),
      publishConsent: text(data, "publishConsent"),
      body: text(data, "body"),
      [setup.honeypotField]: text(data, setup.honeypotField),
    };
    await post(`/api/hearings/${encodeURIComponent(setup.hearingId)}/questions?locale=${encodeURIComponent(locale)}`, payload);
  }

  const { fieldProps, help, label } = visitorFields<Field>(id, fieldErrors, "hearing-ask-error");
  const current = state.status === "LIVE" ? state.candidate?.id : undefined;

  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${id}-heading`}
      aria-busy={outcome.status === "sending"}
      noValidate
      data-testid="hearing-ask-form"
      className="relative grid max-w-2xl gap-4 border-t border-slate-300 pt-4"
    >
      <h3 id={`${id}-heading`} className="text-xl font-semibold">
        {t("heading")}
      </h3>
      <p className="max-w-prose">{t("intro")}</p>
      <p className="text-sm text-slate-700">{forum("requiredLegend")}</p>
      <div ref={outcomeRef} tabIndex={-1} data-testid="hearing-ask-outcome" className="outline-none focus-visible:outline-2">
        <div role="status" data-testid="hearing-ask-sent">
          {outcome.status === "sent" ? (
            <p key={outcome.at} className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
              {t("sent")}
            </p>
          ) : null}
        </div>
        {outcome.status === "error" ? (
          <p key={outcome.at} role="alert" data-testid="hearing-ask-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
            {outcome.message}
          </p>
        ) : null}
      </div>

      <div>
        {label("candidateId", t("candidate"), true)}
        <select {...fieldProps("candidateId", true)} required defaultValue={current ?? choices[0]?.candidateId} key={current ?? "none"}>
          {choices.map((c) => (
            <option key={c.candidateId} value={c.candidateId}>
              {c.candidateId === current ? t("speakingNow", { name: c.name }) : c.name}
            </option>
          ))}
        </select>
        {help("candidateId", t("candidateHelp"))}
      </div>
      <div>
        {label("askerName", forum("name"), true)}
        <input {...fieldProps("askerName", false)} type="text" required maxLength={setup.limits.name} autoComplete="name" dir="auto" />
        {help("askerName", null)}
      </div>
      <fieldset
        className="space-y-1"
        aria-describedby={[`${id}-askerKind-help`, fieldErrors.askerKind ? `${id}-askerKind-error` : null].filter(Boolean).join(" ")}
        data-testid="hearing-ask-kind"
      >
        <legend className="font-medium">
          {sources("legend")}
          <span aria-hidden="true"> *</span>
        </legend>
        {KINDS.map((kind) => (
          <div key={kind} className="flex items-center gap-2">
            <input id={`${id}-askerKind-${kind}`} type="radio" name="askerKind" value={kind} defaultChecked={kind === "PUBLIC"} className="h-6 w-6 shrink-0" />
            <label htmlFor={`${id}-askerKind-${kind}`}>{sources(`kind.${kind}`)}</label>
          </div>
        ))}
        {help("askerKind", sources("legendHelp"))}
      </fieldset>
      <div>
        {label("askerState", sources("state"))}
        <select {...fieldProps("askerState", true)} defaultValue="" autoComplete="off">
          <option value="">{sources("chooseState")}</option>
          {setup.states.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
        {help("askerState", sources("stateHelp"))}
      </div>
      <div>
        {label("askerOrigin", sources("origin"))}
        <input {...fieldProps("askerOrigin", true)} type="text" maxLength={setup.limits.origin} autoComplete="organization" dir="auto" />
        {help("askerOrigin", sources("originHelp"))}
      </div>
      <div>
        {label("body", forum("body"), true)}
        <textarea ref={bodyRef} {...fieldProps("body", true)} required maxLength={setup.limits.body} rows={4} dir="auto" />
        {help("body", forum("bodyHelp", { max: setup.limits.body }))}
      </div>

      <div>
        <div className="flex items-start gap-2">
          <input
            id={`${id}-publishConsent`}
            name="publishConsent"
            type="checkbox"
            aria-describedby={`${id}-publishConsent-help`}
            className="mt-0.5 h-6 w-6 shrink-0"
            data-testid="hearing-ask-consent"
          />
          <label htmlFor={`${id}-publishConsent`} className="font-medium">
            {sources("consent")}
          </label>
        </div>
        {help("publishConsent", sources("consentHelp"))}
      </div>

      <Honeypot id={`${id}-${setup.honeypotField}`} field={setup.honeypotField} label={forum("honeypot")} />

      <div className="grid gap-3">
        <PrivacyNotice id={`${id}-privacy`} kind="hearing" />
        <button
          type="submit"
          disabled={outcome.status === "sending"}
          aria-describedby={`${id}-privacy`}
          className="justify-self-start rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-70"
        >
          {outcome.status === "sending" ? forum("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
