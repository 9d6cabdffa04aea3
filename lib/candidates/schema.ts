import { checkbox, localDateTime, optionalText, text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { STATUSES } from "./status-machine";

// Limits shared by the candidatures forms and the services (docs/conventions.md#schemas-and-limits).
export const CANDIDATE_LIMITS = { name: 200, note: 1000 } as const;

const id = z.string().trim().min(1).max(40);

const candidatureFields = {
  name: text(CANDIDATE_LIMITS.name),
  postId: id,
  memberStateId: id,
  // ¶8: a current official of the Union standing for election. An unticked box sends no
  // field at all, which fields.ts's `checkbox` alone treats as missing under zod 4.
  isInternal: checkbox.optional().transform((v) => v === true),
};

export const registerCandidateSchema = z.object(candidatureFields);

export const updateCandidateSchema = z.object({ id, ...candidatureFields });

export const changeStatusSchema = z.object({
  id,
  to: z.enum(STATUSES),
  /** Geneva wall time, like the deadline it is compared with (GR170); only for the move to formal. */
  formallyReceivedAt: z.preprocess((v) => (v === "" ? undefined : v), localDateTime.optional()),
  note: optionalText(CANDIDATE_LIMITS.note),
});

export type RegisterCandidateInput = z.input<typeof registerCandidateSchema>;
