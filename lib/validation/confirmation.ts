import { DomainError } from "@/lib/errors/domain-error";

// docs/conventions.md#confirmations: an action that cannot be undone runs only when its form
// says it was confirmed (components/forms/confirm-button.tsx sends `confirmed=yes`). Checked by
// the service, so a page without script or a stale page cannot skip the question.

export const CONFIRMED = "yes";

/** Refuses, with a translated message, unless the input carries `confirmed: "yes"`. */
export function assertConfirmed(input: unknown): void {
  const confirmed = input !== null && typeof input === "object" ? (input as { confirmed?: unknown }).confirmed : undefined;
  if (confirmed === CONFIRMED) return;
  throw new DomainError("INVALID_INPUT", { messageKey: "confirm.required", fieldErrors: { confirmed: "confirm.required" } });
}
