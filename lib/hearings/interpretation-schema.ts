import { z } from "@/lib/validation/zod";

// The secretariat's declaration of a hearing's interpretation (docs/decisions/039-interpretation-and-player.md):
// which of the organisation's six languages the hearing is interpreted into, each an audio
// rendition of the webcast and the recording beside the floor. Shared by the form and the service.

/** The organisation's languages, in the order the form and the page list them. */
export const INTERPRETATION_LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh"] as const;
export type InterpretationLanguage = (typeof INTERPRETATION_LANGUAGES)[number];

/** Each language is a checkbox of its own: `language-<code>`. */
export const LANGUAGE_FIELD_PREFIX = "language-";

const known = new Set<string>(INTERPRETATION_LANGUAGES);

export const interpretationSchema = z
  .object({ hearingId: z.string().trim().min(1).max(64) })
  .catchall(z.unknown())
  .superRefine((input, ctx) => {
    for (const [key, value] of Object.entries(input)) {
      if (!key.startsWith(LANGUAGE_FIELD_PREFIX)) continue;
      if (!known.has(key.slice(LANGUAGE_FIELD_PREFIX.length))) ctx.addIssue({ code: "custom", path: [key], message: "adminInterpretation.languageUnknown" });
      else if (value !== "on") ctx.addIssue({ code: "custom", path: [key], message: "adminInterpretation.languageInvalid" });
    }
  })
  .transform((input) => ({
    hearingId: input.hearingId,
    // In the list's own order, each once, whatever order the form sent them in.
    languages: INTERPRETATION_LANGUAGES.filter((code) => input[`${LANGUAGE_FIELD_PREFIX}${code}`] === "on"),
  }));

export type InterpretationInput = z.input<typeof interpretationSchema>;
