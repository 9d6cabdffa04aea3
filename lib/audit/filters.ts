import { calendarDate, zonedWallTimeToUtc } from "@/lib/time/zones";
import { z } from "@/lib/validation/zod";
import { AUDIT_AREAS } from "./emit";

export const AUDIT_PAGE_SIZE = 50;

/** Empty strings from an unfilled GET form mean "no filter". */
const blank = (v: unknown) => (v === "" ? undefined : v);
const single = (v: unknown) => blank(Array.isArray(v) ? v[0] : v);

export const auditFiltersSchema = z
  .object({
    actor: z.preprocess(single, z.string().trim().max(64).optional()),
    area: z.preprocess(single, z.enum(AUDIT_AREAS).optional()),
    from: z.preprocess(single, z.iso.date().optional()),
    to: z.preprocess(single, z.iso.date().optional()),
    /** Keyset cursor: the id of the last row of the previous page, so pages do not shift as rows arrive. */
    cursor: z.preprocess(
      single,
      z
        .string()
        .regex(/^\d{1,19}$/)
        .optional(),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: "adminAudit.toBeforeFrom" });

export type AuditFilters = z.output<typeof auditFiltersSchema>;

/**
 * `from` and `to` are whole days on the conference's clocks: from the first day's midnight
 * to the midnight after the last day (exclusive), so an event at 23:59 Dubai time is on
 * the day the secretariat saw it happen.
 */
export function dayRange(from: string | undefined, to: string | undefined, timeZone: string): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = zonedWallTimeToUtc({ ...calendarDate(from), hour: 0, minute: 0 }, timeZone);
  if (to) {
    const { year, month, day } = calendarDate(to);
    const next = calendarDate(new Date(Date.UTC(year, month - 1, day + 1)));
    range.lt = zonedWallTimeToUtc({ ...next, hour: 0, minute: 0 }, timeZone);
  }
  return range;
}
