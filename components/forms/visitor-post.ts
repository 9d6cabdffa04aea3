"use client";

import { useRef, useState } from "react";

// The round trip of the visitors' JSON forms (the forum's ask form, the hearing's question
// form): post, then announce the outcome where focus lands — sent (the question is cleared,
// the asker's details stay), or the refusal with its per-field messages.

export type VisitorOutcome =
  | { status: "idle" }
  | { status: "sending" }
  | { status: "sent"; at: number; reply: unknown }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; at: number };

export type RefusalMessages = { fixErrors: string; failed: string; tryAgainIn: (minutes: number) => string };

/** A form field's text, "" when absent. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * A JSON route's refusal (400 with fieldErrors, 429 with Retry-After, else `error`) as the
 * message to announce and the per-field messages.
 */
export async function readRefusal(response: Response, messages: RefusalMessages): Promise<{ message: string; fieldErrors: Record<string, string> }> {
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

/** State and submit for a visitor's JSON form; `outcomeRef` goes on the message area, `bodyRef` on the question. */
export function useVisitorPost(messages: RefusalMessages) {
  const [outcome, setOutcome] = useState<VisitorOutcome>({ status: "idle" });
  const outcomeRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const show = (next: VisitorOutcome) => {
    setOutcome(next);
    // After React has rendered the message: keyboard and screen-reader users land on it.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  async function post(url: string, payload: Record<string, string>) {
    setOutcome({ status: "sending" });
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
      });
    } catch {
      show({ status: "error", message: messages.failed, fieldErrors: {}, at: Date.now() });
      return;
    }
    if (response.ok) {
      // The asker's details stay for a next question; the question itself is cleared.
      if (bodyRef.current) bodyRef.current.value = "";
      // What the route answered, for a form that shows more than "sent" (the forum's follow link).
      const reply: unknown = await response.json().catch(() => null);
      show({ status: "sent", at: Date.now(), reply });
      return;
    }
    show({ status: "error", ...(await readRefusal(response, messages)), at: Date.now() });
  }

  const fieldErrors = outcome.status === "error" ? outcome.fieldErrors : {};
  return { outcome, fieldErrors, outcomeRef, bodyRef, post };
}
