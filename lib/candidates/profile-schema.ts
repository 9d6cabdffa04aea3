import { LOCALES } from "@/lib/i18n/routing";
import { checkbox } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

// Limits shared by the candidate's profile form and the services (docs/conventions.md#schemas-and-limits).
export const PROFILE_LIMITS = { biography: 5000, vision: 10000, languages: 12, language: 60, website: 500, email: 254 } as const;

/** One version of the profile per interface language. */
export const profileLocale = z.enum(LOCALES);

/** An absolute https: address; nothing else may become a link on a public page. */
export const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(PROFILE_LIMITS.website);

/** An optional form field: empty means "none". */
function optional<T extends z.ZodType<string, string>>(schema: T) {
  return z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(schema.nullable())
    .optional()
    .transform((v) => v ?? null);
}

export const languageList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/[\n,;،、]+/)).map((l) => l.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(PROFILE_LIMITS.language)).max(PROFILE_LIMITS.languages))
  .transform((list) => [...new Set(list)]);

// "version", not "locale": the form's "locale" field is the interface language of the reply.
export const updateProfileSchema = z.object({
  version: profileLocale,
  biography: z.string().trim().max(PROFILE_LIMITS.biography).optional().default(""),
  vision: z.string().trim().max(PROFILE_LIMITS.vision).optional().default(""),
  visionFormat: z.enum(["PLAIN", "MARKDOWN"]).optional().default("PLAIN"),
  languages: languageList,
  website: optional(httpsUrl),
  contactEmail: optional(
    z
      .email()
      .max(PROFILE_LIMITS.email)
      .transform((e) => e.toLowerCase()),
  ),
  // 001 A: asked when the save changes the text of a published version (docs/domain.md#campaign-material).
  declaredNoSymbols: checkbox,
  declaredNoResources: checkbox,
});

export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const publishProfileSchema = z.object({
  version: profileLocale,
  publish: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
  // 001 A: both, each time a version is published.
  declaredNoSymbols: checkbox,
  declaredNoResources: checkbox,
});
