import { z } from "@/lib/validation/zod";

// What a visitor types into the public's forms (the forum and the hearing's questions), as
// both read it: one set of text rules and lengths, so that a question asked in both places
// fits both (docs/domain.md#abuse-protection).

/** Lengths of the public's question fields, shared by the forum and the hearing. */
export const VISITOR_TEXT_LIMITS = {
  name: 100,
  country: 100,
  affiliation: 200,
  body: 2000,
} as const;

// Control characters other than tab and line feed carry no text (and PostgreSQL refuses
// NUL); they are dropped rather than refused, so that pasted text is not lost. Bidi
// controls are kept: they are text in Arabic and are always rendered as text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** What a person typed, with CR LF made LF and invisible control characters removed. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/** A one-line field: line breaks become spaces. */
function cleanLine(value: string): string {
  return cleanText(value).replace(/\s*\n\s*/g, " ");
}

export const line = (max: number) => z.string().transform(cleanLine).pipe(z.string().trim().min(1).max(max));
export const optionalLine = (max: number) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(z.string().trim().max(max))
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
export const paragraphs = (max: number) => z.string().transform(cleanText).pipe(z.string().trim().min(1).max(max));

/** The text whose hash refuses exact repeats: case, spacing and Unicode forms do not make a question new. */
export function normaliseForRepeat(body: string): string {
  return cleanText(body).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
