import type { FormFields } from "@/lib/actions/form-action";

/**
 * The conference a console form was rendered for (its hidden `conferenceId` field): a
 * stale tab can only ever change the conference it shows (docs/decisions/012). An absent
 * id reaches the service as "", which the lock refuses as not found.
 */
export function conferenceIdOf(fields: FormFields): string {
  const value = fields.conferenceId;
  return typeof value === "string" ? value : "";
}
