import { z } from "./zod";

// Building blocks for schemas that read HTML form fields (strings) as well as typed input.

/** Trimmed text; `max` is shared by the form's maxLength and the server. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A checkbox: present ("on", "true") or absent. */
export const checkbox = z
  .union([z.boolean(), z.string(), z.null()])
  // An unticked box sends nothing at all: the key must be optional, not merely nullable.
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A whole number from a number input. */
export const integer = (min: number, max: number) =>
  z.coerce
    // Only a value that is not a number at all says so; the range checks keep their own keys.
    .number({ error: (issue) => (issue.code === "invalid_type" ? "number" : undefined) })
    .int({ error: "integer" })
    .min(min)
    .max(max);

/** A calendar date, `YYYY-MM-DD`. */
export const calendarDate = z.iso.date();

/** A date and time as typed in a datetime-local input (no zone: the conference's zone applies). */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "date" });
