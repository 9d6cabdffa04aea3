import { QUOTA_BOUND_MAX, QUOTA_SOURCES, type QuestionQuota, type QuotaSource } from "@/lib/draw/quota";
import { z } from "@/lib/validation/zod";

// The secretariat's question quota for a hearing (docs/fairness.md#quota-draws,
// docs/decisions/045-quota-draws.md): per source an optional minimum and maximum of drawn
// questions per candidate, and an optional maximum per region among Member States' questions.
// Shared by the form (quota-section.tsx) and the service (quota-admin.ts). An empty field is
// "none"; the sum of the minima against the hearing's places is checked by the service, which
// knows them.

/** The form's field names: `min-<SOURCE>`, `max-<SOURCE>`, `regionMax`. */
export const minField = (s: QuotaSource) => `min-${s}`;
export const maxField = (s: QuotaSource) => `max-${s}`;
export const REGION_MAX_FIELD = "regionMax";

/** An empty field, or a whole number from `from` to QUOTA_BOUND_MAX. */
function bound(from: number) {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((raw, ctx) => {
      const text = raw === null || raw === undefined ? "" : String(raw).trim();
      if (text === "") return null;
      const n = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(n) || n < from || n > QUOTA_BOUND_MAX) {
        ctx.addIssue({ code: "custom", message: from === 0 ? "questionQuota.wholeNumber" : "questionQuota.regionMaxRange" });
        return z.NEVER;
      }
      return n;
    });
}

export const questionQuotaSchema = z
  .object({
    hearingId: z.string().trim().min(1).max(64),
    ...Object.fromEntries(QUOTA_SOURCES.flatMap((s) => [[minField(s), bound(0)] as const, [maxField(s), bound(0)] as const])),
    [REGION_MAX_FIELD]: bound(1),
  })
  .loose()
  .superRefine((input, ctx) => {
    const v = input as Record<string, number | null>;
    for (const s of QUOTA_SOURCES) {
      const min = v[minField(s)];
      const max = v[maxField(s)];
      if (min != null && max != null && min > max) ctx.addIssue({ code: "custom", path: [minField(s)], message: "questionQuota.minAboveMax" });
    }
  })
  .transform((input) => {
    const v = input as unknown as Record<string, number | null> & { hearingId: string };
    const quota: QuestionQuota = {
      sources: Object.fromEntries(QUOTA_SOURCES.map((s) => [s, { min: v[minField(s)] ?? 0, max: v[maxField(s)] ?? null }])) as QuestionQuota["sources"],
      regionMax: v[REGION_MAX_FIELD] ?? null,
    };
    return { hearingId: v.hearingId, quota };
  });

export type QuestionQuotaInput = z.input<typeof questionQuotaSchema>;
