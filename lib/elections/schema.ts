import { calendarDate, localDateTime, text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { isValidTimeZone } from "@/lib/time/zones";

// Limits shared by the secretariat's forms and the services (docs/conventions.md#schemas-and-limits).
export const CONFERENCE_LIMITS = { name: 200, city: 100, reason: 1000, domains: 20, domain: 253 } as const;

const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

/** One domain per line (or comma-separated), lower-cased, without duplicates. */
export const domainList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
  .pipe(z.array(z.string().regex(DOMAIN, { error: "adminConference.domainInvalid" })).max(CONFERENCE_LIMITS.domains))
  .transform((list) => [...new Set(list)]);

export const updateConferenceSchema = z
  .object({
    name: text(CONFERENCE_LIMITS.name),
    city: text(CONFERENCE_LIMITS.city),
    opensOn: calendarDate,
    closesOn: calendarDate,
    timeZone: z.string().trim().refine(isValidTimeZone, { error: "adminConference.timeZoneInvalid" }),
    corporateDomains: domainList,
    defaultWebcastAccess: z.enum(["PUBLIC", "MEMBERS"]),
    /** When the candidates' forums close, on the conference's clocks; empty = at the opening, absent = unchanged. */
    forumClosesAt: z.union([z.literal(""), localDateTime]).optional(),
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ["closesOn"], error: "adminConference.closesBeforeOpens" })
  // Both are wall-clock texts in the conference's zone, so they compare as text.
  .refine((c) => !c.forumClosesAt || c.forumClosesAt.slice(0, 10) <= c.closesOn, { path: ["forumClosesAt"], error: "forum.closesAfterConference" });

export type UpdateConferenceInput = z.input<typeof updateConferenceSchema>;

export const overrideDeadlineSchema = z.object({
  /** Geneva wall time, like the rule itself (GR170). */
  at: localDateTime,
  reason: text(CONFERENCE_LIMITS.reason).min(10, { error: "adminConference.reasonTooShort" }),
});

export const clearOverrideSchema = z.object({
  reason: text(CONFERENCE_LIMITS.reason).min(10, { error: "adminConference.reasonTooShort" }),
});
