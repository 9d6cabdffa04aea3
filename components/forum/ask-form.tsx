"use client";

import { useLocale, useTranslations } from "next-intl";
import { visitorFields } from "@/components/forms/visitor-field";
import { useCallback, useId, useRef, useState, useSyncExternalStore, type FormEvent } from "react";

// The public's question to a candidate. A client component posting JSON to the forum's
// route, so that the candidate's page itself stays cached (docs/decisions/005): nothing a
// visitor types is rendered by the server, and the answer comes back in this form only.

export type AskLimits = { name: number; country: number; affiliation: number; email: number; body: number };

type Outcome =
  | { status: "idle" }
  | { status: "sending" }
  | { status: "sent"; at: number }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; at: number };

type Field = "askerName" | "askerCountry" | "askerAffiliation" | "askerEmail" | "body";


// Longest a browser timer can wait (about 24.8 days); a later closing is re-checked then.
const MAX_TIMER = 2 ** 31 - 1;

/** True once the forum's closing time has passed on the reader's clock (false on the server). */
function useClosed(closesAt: string): boolean {
  const at = Date.parse(closesAt);
  const subscribe = useCallback(
    (notify: () => void) => {
      const timer = setTimeout(notify, Math.min(Math.max(0, at - Date.now()) + 50, MAX_TIMER));
      return () => clearTimeout(timer);
    },
    [at],
  );
  return useSyncExternalStore(
    subscribe,
    () => Date.now() >= at,
    () => false,
  );
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The honeypot input (see the comment where AskForm uses it); shared with the hearing's question form. */
export function Honeypot({ id, field, label }: { id: string; field: string; label: string }) {
  return (
    <div aria-hidden="true" className="absolute -start-[10000px] top-0 h-px w-px overflow-hidden">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={field} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/**
 * A JSON route's refusal (400 with fieldErrors, 429 with Retry-After, else `error`) as the
 * message to announce and the per-field messages; shared with the hearing's question form.
 */
export async function readRefusal(
  response: Response,
  messages: { fixErrors: string; failed: string; tryAgainIn: (minutes: number) => string },
): Promise<{ message: string; fieldErrors: Record<string, string> }> {
  const reply = (await response.json().catch(() => null)) as { error?: unknown; fieldErrors?: unknown } | null;
  const serverMessage = typeof reply?.error === "string" && reply.error ? reply.error : null;
  const fieldErrors: Record<string, string> = {};
  if (reply?.fieldErrors && typeof reply.fieldErrors === "object") {
    for (const [name, message] of Object.entries(reply.fieldErrors as Record<string, unknown>)) {
      if (typeof message === "string") fieldErrors[name] = message;
    }
  }
  let message: string;
  if (response.status === 400) message = messages.fixErrors;
  else if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
    message = serverMessage ?? (minutes ? messages.tryAgainIn(minutes) : messages.failed);
  } else message = serverMessage ?? messages.failed;
  return { message, fieldErrors };
}

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
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const outcomeRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  if (closed) {
    return (
      <p data-testid="forum-closed" className="rounded border border-slate-400 bg-slate-50 p-3">
        {t("closedNow")}
      </p>
    );
  }

  const fieldErrors = outcome.status === "error" ? outcome.fieldErrors : {};
  const show = (next: Outcome) => {
    setOutcome(next);
    // After React has rendered the message: keyboard and screen-reader users land on it.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

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
    setOutcome({ status: "sending" });
    let response: Response;
    try {
      response = await fetch(`/api/forum/questions?locale=${encodeURIComponent(locale)}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
      });
    } catch {
      show({ status: "error", message: t("failed"), fieldErrors: {}, at: Date.now() });
      return;
    }
    if (response.ok) {
      // The asker's details stay for a next question; the question itself is cleared.
      if (bodyRef.current) bodyRef.current.value = "";
      show({ status: "sent", at: Date.now() });
      return;
    }
    const { message, fieldErrors: perField } = await readRefusal(response, {
      fixErrors: t("fixErrors"),
      failed: t("failed"),
      tryAgainIn: (minutes) => t("tryAgainIn", { minutes }),
    });
    show({ status: "error", message, fieldErrors: perField, at: Date.now() });
  }

  const { fieldProps, help } = visitorFields<Field>(id, fieldErrors, "ask-error");
  const label = (name: Field, content: string, required = false) => (
    <label htmlFor={`${id}-${name}`} className="font-medium">
      {content}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );

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

      <div>
        <button
          type="submit"
          disabled={outcome.status === "sending"}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {outcome.status === "sending" ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
