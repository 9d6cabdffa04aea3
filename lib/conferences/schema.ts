import { isValidTimeZone } from "@/lib/time/zones";
import { calendarDate, text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { CONFERENCE_REFUSALS } from "./fields";

// Limits shared by the secretariat's forms and the services (docs/conventions.md#schemas-and-limits).
export const NEW_CONFERENCE_LIMITS = { slug: 40, name: 200, city: 100 } as const;

/** Lower-case letters, digits and single hyphens: fixed once created, it is in published URLs (docs/decisions/012). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Taken by the console's own pages (/admin/conferences/new). */
export const RESERVED_SLUGS: readonly string[] = ["new"];

const id = z.string().trim().min(1).max(64);

export const createConferenceSchema = z
  .object({
    slug: z.string().trim().toLowerCase().min(1).max(NEW_CONFERENCE_LIMITS.slug).regex(SLUG_PATTERN, { error: "conferences.slugInvalid" }),
    name: text(NEW_CONFERENCE_LIMITS.name),
    city: text(NEW_CONFERENCE_LIMITS.city),
    opensOn: calendarDate,
    closesOn: calendarDate,
    timeZone: z.string().trim().refine(isValidTimeZone, { error: "adminConference.timeZoneInvalid" }),
    /** An earlier conference whose posts are copied; empty for none. */
    copyPostsFrom: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => v || null),
  })
  // Calendar dates as YYYY-MM-DD compare as text.
  .refine((c) => c.closesOn >= c.opensOn, { path: ["closesOn"], error: CONFERENCE_REFUSALS.datesInverted });

export type CreateConferenceInput = z.input<typeof createConferenceSchema>;

/** The one conference a lifecycle change is about (setting current, closing, deleting). */
export const conferenceRefSchema = z.object({ conferenceId: id });
