// The honeypot of the public's forms (the forum's ask form, the hearing's question form): a
// visually hidden text input that people leave empty and form-filling robots do not
// (docs/domain.md#abuse-protection). Safe for the browser: the forms name the field with it.

/** The hidden field's name, the same in every public form. */
export const HONEYPOT_FIELD = "website";

/** Did a robot fill the hidden field? The service then answers as to a person and keeps nothing. */
export function honeypotFilled(input: unknown): boolean {
  if (input === null || typeof input !== "object") return false;
  const value = (input as Record<string, unknown>)[HONEYPOT_FIELD];
  return value !== undefined && value !== null && String(value).trim() !== "";
}
