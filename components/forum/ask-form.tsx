"use client";

import { useLocale, useTranslations } from "next-intl";
import { Honeypot, visitorFields } from "@/components/forms/visitor-field";
import { formText as text, useVisitorPost } from "@/components/forms/visitor-post";
import { PrivacyNotice } from "@/components/site/privacy-notice";
import { useId, type FormEvent } from "react";
import { useClosed } from "./use-closed";

// The public's question to a candidate, on the forum's ask page (/candidates/[id]/ask,
// docs/decisions/036-page-weight.md). A client component posting JSON to the forum's route, so
// that the page itself stays cached (docs/decisions/005): nothing a visitor types is rendered
// by the server, and the answer comes back in this form only.

/**
 * The asker's private link to follow the question, shown once (docs/decisions/049-forum-support-and-follow.md):
 * the route gives its path, kept nowhere else on this page.
 */
function FollowLink({ reply }: { reply: unknown }) {
  const t = useTranslations("forumSupport.askFollow");
  const path = (reply as { follow?: unknown } | null)?.follow;
  if (typeof path !== "string" || !path.startsWith("/")) return null;
  const url = `${window.location.origin}${path}`;
  return (
    <div data-testid="ask-follow" className="mt-3 space-y-1 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
      <p className="font-semibold">{t("title")}</p>
      <p>{t("keep")}</p>
      <p>
        <a href={path} className="link break-all" data-testid="ask-follow-link">
          {url}
        </a>
      </p>
      <p className="text-sm">{t("mailed")}</p>
    </div>
  );
}

export type AskLimits = { name: number; country: number; affiliation: number; email: number; body: number };

type Field = "askerName" | "askerCountry" | "askerAffiliation" | "askerEmail" | "body";

export function AskForm({
  candidateId,
  closesAt,
  limits,
  honeypotField,
}: {
  candidateId: string;
  /** ISO instant after which the forum stops taking questions. */
  closesAt: string;
  limits: AskLimits;
  honeypotField: string;
}) {
  const t = useTranslations("forum.ask");
  const locale = useLocale();
  const id = useId();
  const closed = useClosed(closesAt);
  const { outcome, fieldErrors, outcomeRef, bodyRef, post } = useVisitorPost({
    fixErrors: t("fixErrors"),
    failed: t("failed"),
    tryAgainIn: (minutes) => t("tryAgainIn", { minutes }),
  });

  if (closed) {
    return (
      <p data-testid="forum-closed" className="rounded border border-slate-400 bg-slate-50 p-3">
        {t("closedNow")}
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const payload = {
      candidateId,
      askerName: text(data, "askerName"),
      askerCountry: text(data, "askerCountry"),
      askerAffiliation: text(data, "askerAffiliation"),
      askerEmail: text(data, "askerEmail"),
      body: text(data, "body"),
      [honeypotField]: text(data, honeypotField),
    };
    await post(`/api/forum/questions?locale=${encodeURIComponent(locale)}`, payload);
  }

  const { fieldProps, help, label } = visitorFields<Field>(id, fieldErrors, "ask-error");
  return (
    <form
      onSubmit={submit}
      aria-label={t("heading")}
      aria-busy={outcome.status === "sending"}
      noValidate
      data-testid="ask-form"
      className="relative grid max-w-2xl gap-4"
    >
      <p className="rounded border border-brand-700/30 bg-brand-50 p-3">{t("notPublic")}</p>
      <p className="text-sm text-slate-700">{t("requiredLegend")}</p>
      <div ref={outcomeRef} tabIndex={-1} data-testid="ask-outcome" className="outline-none focus-visible:outline-2">
        <div role="status" data-testid="ask-sent">
          {outcome.status === "sent" ? (
            <p key={outcome.at} className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
              {t("sent")}
            </p>
          ) : null}
        </div>
        {outcome.status === "sent" ? <FollowLink key={outcome.at} reply={outcome.reply} /> : null}
        {outcome.status === "error" ? (
          <p key={outcome.at} role="alert" data-testid="ask-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
            {outcome.message}
          </p>
        ) : null}
      </div>

      <div>
        {label("askerName", t("name"), true)}
        <input {...fieldProps("askerName", false)} type="text" required maxLength={limits.name} autoComplete="name" dir="auto" />
        {help("askerName", null)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          {label("askerCountry", t("country"))}
          <input {...fieldProps("askerCountry", true)} type="text" maxLength={limits.country} autoComplete="country-name" dir="auto" />
          {help("askerCountry", t("optional"))}
        </div>
        <div>
          {label("askerAffiliation", t("affiliation"))}
          <input {...fieldProps("askerAffiliation", true)} type="text" maxLength={limits.affiliation} autoComplete="organization" dir="auto" />
          {help("askerAffiliation", t("affiliationHelp"))}
        </div>
      </div>
      <div>
        {label("askerEmail", t("email"))}
        <input {...fieldProps("askerEmail", true)} type="email" maxLength={limits.email} autoComplete="email" inputMode="email" dir="ltr" />
        {help("askerEmail", t("emailHelp"))}
      </div>
      <div>
        {label("body", t("body"), true)}
        <textarea ref={bodyRef} {...fieldProps("body", true)} required maxLength={limits.body} rows={5} dir="auto" />
        {help("body", t("bodyHelp", { max: limits.body }))}
      </div>

      {/* Honeypot: people never see or reach it (off-screen, out of the tab order, hidden
          from assistive technology); robots that fill every input give themselves away.
          Not display:none, which robots learn to skip. */}
      <Honeypot id={`${id}-${honeypotField}`} field={honeypotField} label={t("honeypot")} />

      <div className="grid gap-3">
        <PrivacyNotice id={`${id}-privacy`} kind="forum" />
        <button
          type="submit"
          disabled={outcome.status === "sending"}
          aria-describedby={`${id}-privacy`}
          className="justify-self-start rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {outcome.status === "sending" ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
